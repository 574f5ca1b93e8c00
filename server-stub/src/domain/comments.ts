import { randomBytes } from 'node:crypto';
import type { Comment, CountsResponse, ThreadInfo, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore, PageQuery } from '../store/comment-store.ts';
import { encodeCursor } from './paging.ts';
import type { NewCommentInput } from './validation.ts';

/** A short, URL-safe, unguessable comment id. */
export function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

async function threadInfo(store: CommentStore, key: string): Promise<ThreadInfo> {
  return (await store.getThread(key)) ?? { key, title: null, url: null, commentCount: 0 };
}

/** A page of a thread; an unknown key is an empty thread, not an error. */
export async function readThread(store: CommentStore, key: string, query: PageQuery): Promise<ThreadResponse> {
  const [thread, page] = await Promise.all([threadInfo(store, key), store.listPage(key, query)]);
  return { thread, comments: page.comments, nextCursor: page.next ? encodeCursor(query.sort, page.next) : null };
}

/** The whole sub-thread holding comment `id` (for permalinks to comments on later pages). */
export async function readAround(store: CommentStore, key: string, id: string): Promise<ThreadResponse> {
  const found = await store.findComment(id);
  if (!found || found.comment.thread !== key || found.comment.status !== 'published') {
    throw new HttpError(404, 'comment_not_found', 'That comment does not exist (any more).', 'around');
  }
  const [thread, comments] = await Promise.all([threadInfo(store, key), store.listSubtree(found.rootId)]);
  return { thread, comments, nextCursor: null };
}

/** Comment counts for several threads at once; unknown keys count 0. */
export async function countThreads(store: CommentStore, keys: readonly string[]): Promise<CountsResponse> {
  const found = await store.countComments(keys);
  return { counts: Object.fromEntries(keys.map((k) => [k, found[k] ?? 0])) };
}

/** Stores a validated comment after checking that its parent exists in the same thread. */
export async function createComment(store: CommentStore, input: NewCommentInput, now: Date = new Date()): Promise<Comment> {
  if (input.parentId !== null) {
    const parent = await store.findComment(input.parentId);
    if (!parent) throw new HttpError(422, 'parent_not_found', 'The comment you are replying to no longer exists.', 'parentId');
    if (parent.comment.thread !== input.thread) {
      throw new HttpError(422, 'parent_in_other_thread', 'The comment you are replying to belongs to another page.', 'parentId');
    }
  }
  return store.insertComment({
    id: newCommentId(),
    thread: input.thread,
    parentId: input.parentId,
    authorName: input.authorName,
    body: input.body,
    createdAt: now.toISOString(),
    page: input.page,
  });
}
