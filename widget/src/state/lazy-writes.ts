/**
 * A view's writes as components see them, while CommentWrites itself (comment-writes.ts, with ky
 * and the optimism and rollback of every write) is in the write chunk. A write made before the
 * chunk is here waits for it, then runs in full: the click is never lost, and a chunk that cannot
 * be loaded fails the write like a network error (the text stays, the reason shows).
 */
import { computed, createModel, effect, signal } from '@preact/signals';
import { asBackendError, BackendError } from '../backend/backend-error.ts';
import type { Comment } from '../protocol/types.ts';
import { loadWriteChunk, writeChunk } from '../write/load-write-chunk.ts';
import type { CommentWrites, CommentWritesShape, WritesTarget } from './comment-writes.ts';
import type { Session } from './session.ts';

/** The writes of one view over a session, loading CommentWrites with the write chunk. */
export const LazyWrites = createModel<CommentWritesShape, [Session, WritesTarget]>((session, target) => {
  const real = signal<CommentWrites | null>(null);
  let isDisposed = false;
  // Effects' cleanups run when this model is disposed: the real model goes with it.
  effect(() => () => {
    isDisposed = true;
  });
  effect(() => {
    const writes = real.value;
    return () => writes?.[Symbol.dispose]();
  });
  /** The real model, built on first use, once the chunk is here (null before). */
  const ready = (): CommentWrites | null => {
    const chunk = writeChunk.peek();
    if (!chunk || isDisposed) return null;
    real.value ??= new chunk.CommentWrites(session, target);
    return real.value;
  };
  // With the chunk here (the usual case: it loads at idle), a write starts in the same task as the
  // click, so its optimistic change is drawn in the next frame.
  const writes = (): CommentWrites | Promise<CommentWrites> =>
    ready() ??
    loadWriteChunk().then(
      () => {
        const loaded = ready();
        if (!loaded) throw new Error('the view was closed before the write could start');
        return loaded;
      },
      // Offline, a chunk cannot load either: say so, as a request would.
      (err: unknown) => {
        throw globalThis.navigator?.onLine === false
          ? new BackendError('offline', 'The browser is offline.')
          : new BackendError('network', `The write chunk could not be loaded: ${String(err)}`);
      },
    );
  const run = <T>(use: (w: CommentWrites) => Promise<T>): Promise<T> => {
    const now = writes();
    return now instanceof Promise ? now.then(use) : use(now);
  };
  /** Where a write has nowhere else to say it failed: beside its comment. */
  const failed = (id: string, err: unknown) => {
    target.ui.setFailure({ id, error: asBackendError(err) });
    return false;
  };
  return {
    isSaving: computed(() => real.value?.isSaving.value ?? false),
    post: (input) => run((w) => w.post(input)),
    saveEdit: () => run((w) => w.saveEdit()).catch((err: unknown) => failed(target.ui.editingId.value ?? '', err)),
    remove: (id) => run((w) => w.remove(id)).catch((err: unknown) => failed(id, err)),
    toggleVote: (comment: Comment) => run((w) => w.toggleVote(comment)).catch((err: unknown) => void failed(comment.id, err)),
  };
});

/** An instance of LazyWrites. */
export type LazyWrites = InstanceType<typeof LazyWrites>;
