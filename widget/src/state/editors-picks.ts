/**
 * Editors' picks as pure data: the first page of a thread read brings them; live events add a
 * comment a moderator featured, and drop one unfeatured, held or deleted.
 */
import type { Comment, LiveEvent } from '../protocol/types.ts';

/** The picks after a live event (the same array when it changes nothing). */
export function applyPickEvent(picks: readonly Comment[], event: Exclude<LiveEvent, { type: 'reset' | 'vote' }>): readonly Comment[] {
  if (event.type === 'delete') return picks.some((c) => c.id === event.id) ? picks.filter((c) => c.id !== event.id) : picks;
  const { comment } = event;
  const isPick = comment.featured === true && comment.status === 'published';
  const known = picks.some((c) => c.id === comment.id);
  if (!isPick) return known ? picks.filter((c) => c.id !== comment.id) : picks;
  // A pick's edit shows in the strip too; picks are oldest first, as the server lists them.
  if (known) return picks.map((c) => (c.id === comment.id ? comment : c));
  return [...picks, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
