import { randomBytes } from 'node:crypto';
import type { Comment, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { NewCommentInput } from './validation.ts';

/** A short, URL-safe, unguessable comment id. */
export function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

/** A thread with its comments; an unknown key is an empty thread, not an error. */
export async function readThread(store: CommentStore, key: string): Promise<ThreadResponse> {
  const [thread, comments] = await Promise.all([store.getThread(key), store.listComments(key)]);
  return { thread: thread ?? { key, title: null, url: null, commentCount: 0 }, comments };
}

/** Stores a validated comment after checking that its parent exists in the same thread. */
export async function createComment(
  store: CommentStore,
  input: NewCommentInput,
  now: Date = new Date(),
): Promise<Comment> {
  if (input.parentId !== null) {
    const parent = await store.findComment(input.parentId);
    if (!parent) throw new HttpError(422, 'parent_not_found', 'The comment you are replying to no longer exists.', 'parentId');
    if (parent.thread !== input.thread) {
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
