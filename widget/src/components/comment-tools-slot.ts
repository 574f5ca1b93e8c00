/**
 * Where the rarely used comment tools plug in. The "More" actions (edit, delete, report), the edit
 * form, the delete question and the report form are a chunk of their own (comment-tools.ts),
 * loaded on first use (with the write chunk) and fetched ahead when the reader points at or focuses a
 * "More" button.
 */
import { signal } from '@preact/signals';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import type { CommentTools } from './comment-tools.ts';

/** The tools once loaded (null until a reader first needs them). */
export const commentTools = signal<CommentTools | null>(null);

let loading: Promise<CommentTools | null> | undefined;

/** Loads the tools chunk once; never rejects (a failed load is logged, and tried again on the next call). */
export function loadCommentTools(): Promise<CommentTools | null> {
  // With the write chunk: the tools send writes, and their words come with it (en-write.ts).
  loading ??= Promise.all([import('./comment-tools.ts'), loadWriteChunk()]).then(
    ([{ tools }]) => (commentTools.value = tools),
    (err: unknown) => {
      loading = undefined;
      console.error('[threadline] could not load comment tools', err);
      return null;
    },
  );
  return loading;
}
