import type { ReportRequest } from '../protocol/moderation.ts';
import type {
  AnchorsResponse,
  Comment,
  LiveEvent,
  PageRequest,
  PostCommentRequest,
  PostCommentResponse,
  PowChallenge,
  ThreadResponse,
  VoteResponse,
} from '../protocol/types.ts';

/** Options of a post. */
export interface PostOptions {
  /** Same key for every attempt at the same comment: the server then stores it once. */
  idempotencyKey?: string;
}

/**
 * The only way the widget reaches comments. The threadline HTTP protocol is the first
 * implementation (`createHttpBackend`); other services plug in by implementing this. The
 * optional methods may be left out by backends that cannot do them (the widget then hides those
 * actions). Implementations reject with `BackendError` only.
 */
export interface CommentsBackend {
  /**
   * True when the service refuses comments without a name and an email (WordPress by default):
   * the form then marks both as required. Default false (both optional).
   */
  readonly requiresIdentity?: boolean;
  /**
   * Base URL of the moderators' API (`…/api/admin/`), where the backend has one: a signed-in
   * moderator's widget calls it to moderate in place (widget/src/moderation/). Default: none.
   */
  readonly adminApi?: string;
  /**
   * A page of a thread: top-level comments in `page.sort` order, each with all its replies.
   * A backend without paging may return everything with `nextCursor: null`.
   */
  listThread(threadKey: string, page?: PageRequest): Promise<ThreadResponse>;
  /**
   * Every passage of the thread with comments anchored to it, and how many (inline comments).
   * Backends without anchors leave it out: the widget then shows no inline markers, and the
   * comments it posts are plain ones. `listThread` must then ignore `filter` and `anchors`.
   */
  listAnchors?(threadKey: string): Promise<AnchorsResponse>;
  /** The sub-thread holding one comment, for permalinks to comments not on the first page. */
  listAround?(threadKey: string, commentId: string): Promise<ThreadResponse>;
  /** Posts a comment or reply and resolves with it as stored (and its edit token, if the backend has them). */
  postComment(
    request: PostCommentRequest,
    options?: PostOptions,
  ): Promise<Pick<PostCommentResponse, 'comment'> & Partial<PostCommentResponse>>;
  /** Replaces the body of the reader's own comment. */
  editComment?(id: string, body: string, editToken: string): Promise<Comment>;
  /** Deletes the reader's own comment; resolves with the placeholder left, or null. */
  deleteComment?(id: string, editToken: string): Promise<Comment | null>;
  /** Sets or takes back the reader's upvote. */
  vote?(id: string, voterId: string, on: boolean): Promise<VoteResponse>;
  /** Reports a comment to the site's moderators (once per reader; a repeat changes nothing). */
  reportComment?(id: string, voterId: string, report: ReportRequest): Promise<void>;
  /** A proof-of-work challenge, for servers whose thread reads say `features.pow` (the answer goes in `pow`). */
  getChallenge?(): Promise<PowChallenge>;
  /**
   * Calls `onEvent` with every change to the thread after `version`, until the returned function
   * is called: pushed (the threadline server's Server-Sent Events) or polled (WordPress).
   */
  subscribe?(threadKey: string, version: number, onEvent: (event: LiveEvent) => void): () => void;
}
