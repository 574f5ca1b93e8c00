/**
 * The threadline HTTP protocol: the JSON both the widget and the reference server speak.
 * Documented in docs/protocol.md; change both together.
 */

/** Visibility of a comment. Only `published` exists so far; moderation adds more. */
export type CommentStatus = 'published';

/** How a body is written: the threadline protocol always sends Markdown; adapters may send HTML. */
export type BodyFormat = 'markdown' | 'html';

/** One comment as the API returns it. Times are ISO 8601 (UTC). */
export interface Comment {
  id: string;
  thread: string;
  /** Id of the comment this replies to, or null for a top-level comment. */
  parentId: string | null;
  /** `name` is null for an anonymous comment. */
  author: { name: string | null };
  /** Markdown subset (docs/protocol.md); blank lines separate paragraphs. */
  body: string;
  /** Absent (Markdown) in the threadline protocol; set to 'html' by adapters of HTML-returning services. */
  bodyFormat?: BodyFormat;
  createdAt: string;
  status: CommentStatus;
}

/** What the server knows of the page a thread belongs to. */
export interface ThreadInfo {
  key: string;
  title: string | null;
  url: string | null;
  commentCount: number;
}

/** `GET /api/comments?thread=KEY`: the thread and its comments, oldest first. */
export interface ThreadResponse {
  thread: ThreadInfo;
  comments: Comment[];
}

/** Body of `POST /api/comments`. */
export interface PostCommentRequest {
  thread: string;
  parentId?: string | null;
  author?: { name?: string | null };
  body: string;
  /** Sent with a thread's first comment so the server learns the page. */
  page?: { title?: string; url?: string };
}

/** `201` answer to `POST /api/comments`. */
export interface PostCommentResponse {
  comment: Comment;
}

/** Machine-readable reasons a request was refused; readers see a translated message per code. */
export type ErrorCode =
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'validation_failed'
  | 'body_required'
  | 'body_too_long'
  | 'name_too_long'
  | 'unknown_field'
  | 'parent_not_found'
  | 'parent_in_other_thread'
  | 'thread_required'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal';

/** Every 4xx/5xx body: `{ error: { code, message, field? } }`. */
export interface ErrorResponse {
  error: { code: ErrorCode; message: string; field?: string };
}
