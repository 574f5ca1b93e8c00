import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError, isBackendError } from '../backend/backend-error.ts';
import type { Comment, ThreadInfo } from '../protocol/types.ts';
import { loadFormatter } from '../render/formatter.ts';
import { commentNeedsFormatter } from '../render/needs-formatting.ts';
import { log } from '../log.ts';
import { buildReplyTree, type ReplyNode } from './reply-tree.ts';

/** What the widget knows of the page, sent with comments so the backend learns it. */
export interface PageInfo {
  title: string;
  url: string;
}

/** One thread as the widget shows it: data, loading state and the actions that change it. */
export interface ThreadModel {
  readonly key: string;
  readonly info: ReadonlySignal<ThreadInfo | null>;
  readonly status: ReadonlySignal<'loading' | 'ready' | 'error'>;
  readonly loadError: ReadonlySignal<BackendError | null>;
  readonly roots: ReadonlySignal<ReplyNode[]>;
  readonly count: ReadonlySignal<number>;
  /** Id of the comment whose reply form is open, if any. */
  readonly replyingTo: Signal<string | null>;
  /** Id of the comment this reader posted last, to scroll to and highlight it. */
  readonly lastPostedId: ReadonlySignal<string | null>;
  load(): Promise<void>;
  /** Posts and, once the server has it, shows it in place. Rejects with BackendError. */
  post(parentId: string | null, body: string, authorName: string): Promise<Comment>;
}

/** Creates the model of one thread on one backend. */
export function createThreadModel(backend: CommentsBackend, key: string, page: PageInfo): ThreadModel {
  const info = signal<ThreadInfo | null>(null);
  const comments = signal<Comment[]>([]);
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal<BackendError | null>(null);
  const replyingTo = signal<string | null>(null);
  const lastPostedId = signal<string | null>(null);
  let loads = 0;

  async function load(): Promise<void> {
    const ticket = ++loads;
    status.value = 'loading';
    try {
      const res = await backend.listThread(key);
      // Formatted bodies wait for the format chunk, so they do not re-flow after the first paint.
      await ensureFormatter(res.comments);
      if (ticket !== loads) return;
      batch(() => {
        info.value = res.thread;
        comments.value = res.comments;
        loadError.value = null;
        status.value = 'ready';
      });
    } catch (err) {
      if (ticket !== loads) return;
      batch(() => {
        loadError.value = isBackendError(err) ? err : new BackendError('network', String(err));
        status.value = 'error';
      });
    }
  }

  async function ensureFormatter(list: readonly Comment[]): Promise<void> {
    if (!list.some(commentNeedsFormatter)) return;
    // Without the chunk, Markdown still reads as typed (plain text): a failed load is not fatal.
    await loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  }

  async function post(parentId: string | null, body: string, authorName: string): Promise<Comment> {
    const name = authorName.trim();
    const comment = await backend.postComment({
      thread: key,
      ...(parentId ? { parentId } : {}),
      author: { name: name || null },
      body,
      page,
    });
    await ensureFormatter([comment]);
    batch(() => {
      if (!comments.value.some((c) => c.id === comment.id)) comments.value = [...comments.value, comment];
      const current = info.value;
      if (current) info.value = { ...current, commentCount: current.commentCount + 1 };
      lastPostedId.value = comment.id;
      // The reply landed: close its form (but not another one the reader opened meanwhile).
      if (parentId !== null && replyingTo.value === parentId) replyingTo.value = null;
    });
    return comment;
  }

  return {
    key,
    info,
    status,
    loadError,
    roots: computed(() => buildReplyTree(comments.value)),
    count: computed(() => Math.max(info.value?.commentCount ?? 0, comments.value.length)),
    replyingTo,
    lastPostedId,
    load,
    post,
  };
}
