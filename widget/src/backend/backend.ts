import type { Comment, PostCommentRequest, ThreadResponse } from '../protocol/types.ts';

/**
 * The only way the widget reaches comments. The threadline HTTP protocol is the first
 * implementation (`createHttpBackend`); other services plug in by implementing this.
 * Implementations reject with `BackendError` only.
 */
export interface CommentsBackend {
  /** A thread and all its comments, oldest first; an unknown thread is empty, not an error. */
  listThread(threadKey: string): Promise<ThreadResponse>;
  /** Posts a comment or reply and resolves with it as stored. */
  postComment(request: PostCommentRequest): Promise<Comment>;
}
