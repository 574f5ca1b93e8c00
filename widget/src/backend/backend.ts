import type { Comment, PageRequest, PostCommentRequest, ThreadResponse } from '../protocol/types.ts';

/**
 * The only way the widget reaches comments. The threadline HTTP protocol is the first
 * implementation (`createHttpBackend`); other services plug in by implementing this.
 * Implementations reject with `BackendError` only.
 */
export interface CommentsBackend {
  /**
   * A page of a thread: top-level comments in `page.sort` order, each with all its replies.
   * A backend without paging may return everything with `nextCursor: null`.
   */
  listThread(threadKey: string, page?: PageRequest): Promise<ThreadResponse>;
  /** The sub-thread holding one comment, for permalinks to comments not on the first page (optional). */
  listAround?(threadKey: string, commentId: string): Promise<ThreadResponse>;
  /** Posts a comment or reply and resolves with it as stored. */
  postComment(request: PostCommentRequest): Promise<Comment>;
}
