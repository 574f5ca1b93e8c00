/** What a key does in the queue: move the selection, or act on the selected comment. */
export type QueueCommand = 'next' | 'previous' | 'approve' | 'reject' | 'feature';

const KEYS: Record<string, QueueCommand> = { j: 'next', k: 'previous', a: 'approve', r: 'reject', f: 'feature' };

/** The key event as far as the queue cares: the key, its modifiers and where it was typed. */
export interface QueueKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element that had focus (the event's target). */
  target: EventTarget | null;
}

/** True when the key went into something the moderator types in (a field, a list box, editable text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase()) || el.isContentEditable === true;
}

/**
 * The queue command of a key press, or null. Letters typed into a field stay text, and a key held
 * with Ctrl, Cmd or Alt stays the browser's (Ctrl+R must still reload).
 */
export function queueCommandOf(event: QueueKey): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  return KEYS[event.key] ?? null;
}

/** The index the selection moves to: one step, kept inside the list (-1 for an empty list). */
export function movedSelection(current: number, command: 'next' | 'previous', length: number): number {
  if (length === 0) return -1;
  if (current < 0) return command === 'next' ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + (command === 'next' ? 1 : -1)));
}
