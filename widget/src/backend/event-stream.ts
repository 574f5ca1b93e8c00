import type { LiveEvent } from '../protocol/types.ts';

const TYPES: readonly LiveEvent['type'][] = ['comment', 'edit', 'delete', 'vote', 'reset'];

/**
 * Listens to a Server-Sent Events URL. EventSource reconnects by itself and sends Last-Event-ID,
 * so the server replays what was missed; a browser without EventSource simply gets no live updates.
 */
export function openEventStream(url: string, onEvent: (event: LiveEvent) => void): () => void {
  if (typeof EventSource !== 'function') return () => {};
  const source = new EventSource(url);
  const handle = (message: MessageEvent<string>) => {
    try {
      onEvent(JSON.parse(message.data) as LiveEvent);
    } catch {
      // A malformed message is skipped; the next reload shows the truth.
    }
  };
  for (const type of TYPES) source.addEventListener(type, handle);
  return () => source.close();
}
