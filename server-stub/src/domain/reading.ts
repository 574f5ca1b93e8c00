import type { CountsResponse, ThreadInfo, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore, PageQuery } from '../store/comment-store.ts';
import { type AutoClose, closingOf } from './closing.ts';
import { encodeCursor } from './paging.ts';
import { isPublic } from './write-gate.ts';

async function threadInfo(store: CommentStore, key: string): Promise<ThreadInfo> {
  return (await store.getThread(key)) ?? { key, title: null, url: null, commentCount: 0, version: 0 };
}

/**
 * A page of a thread; an unknown key is an empty thread, not an error. The first page of the whole
 * thread carries its editors' picks; every read says whether (and since when) the thread is closed.
 */
export async function readThread(store: CommentStore, key: string, query: PageQuery, autoClose: AutoClose): Promise<ThreadResponse> {
  const isFirstPage = query.after === null && (query.filter ?? 'all') === 'all' && !query.anchors?.length;
  const [thread, page, closing, featured] = await Promise.all([
    threadInfo(store, key),
    store.listPage(key, query),
    closingOf(store, autoClose, key),
    isFirstPage ? store.listFeatured(key) : null,
  ]);
  return {
    thread: { ...thread, ...closing },
    comments: page.comments,
    nextCursor: page.next ? encodeCursor(query.sort, page.next) : null,
    ...(featured?.length ? { featured } : {}),
  };
}

/** The whole sub-thread holding comment `id` (for permalinks to comments on later pages). */
export async function readAround(store: CommentStore, key: string, id: string, autoClose: AutoClose): Promise<ThreadResponse> {
  const found = await store.findComment(id);
  // A held comment answers exactly as an unknown one: its id must not tell anyone it exists.
  if (!found || found.comment.thread !== key || !isPublic(found.comment)) {
    throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).', 'around');
  }
  const [thread, comments, closing] = await Promise.all([
    threadInfo(store, key),
    store.listSubtree(found.rootId),
    closingOf(store, autoClose, key),
  ]);
  return { thread: { ...thread, ...closing }, comments, nextCursor: null };
}

/** Comment counts for several threads at once; unknown keys count 0. */
export async function countThreads(store: CommentStore, keys: readonly string[]): Promise<CountsResponse> {
  const found = await store.countComments(keys);
  return { counts: Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) };
}
