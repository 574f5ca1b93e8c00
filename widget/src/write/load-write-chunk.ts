/**
 * Loads the write chunk (write-chunk.ts) once: at idle after the first screenful is painted, at
 * once when the reader reaches for a form, or by the first write itself, whichever comes first.
 */
import { signal } from '@preact/signals';
import { addStrings } from '../i18n/translator.ts';

/** What the write chunk exports. */
export type WriteChunk = typeof import('./write-chunk.ts');

let loading: Promise<WriteChunk> | null = null;
/** The chunk once it is here, for components that render part of it (null before). */
export const writeChunk = signal<WriteChunk | null>(null);

/** The write chunk; a load that failed is tried again by the next call (the reader's next attempt). */
export function loadWriteChunk(): Promise<WriteChunk> {
  loading ??= import('./write-chunk.ts').then(
    (chunk) => {
      // Its strings first: anything the chunk draws or says may need them.
      addStrings(chunk.enWrite);
      writeChunk.value = chunk;
      return chunk;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * Loads the chunk when the browser is next idle after the frame now being drawn (the first
 * screenful), so the reader's first post or vote does not wait for it. Returns the cancel.
 */
export function loadWriteChunkWhenIdle(win: Window): () => void {
  let idle = 0;
  const frame = win.requestAnimationFrame(() => {
    const load = () => void loadWriteChunk().catch(() => {});
    // Safari has no requestIdleCallback: a timeout after the frame does nearly as well.
    idle = win.requestIdleCallback ? win.requestIdleCallback(load, { timeout: 2_000 }) : win.setTimeout(load, 50);
  });
  return () => {
    win.cancelAnimationFrame(frame);
    if (win.cancelIdleCallback) win.cancelIdleCallback(idle);
    else win.clearTimeout(idle);
  };
}
