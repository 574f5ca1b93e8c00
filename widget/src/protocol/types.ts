/**
 * The threadline HTTP protocol: the JSON both the widget and the reference server speak.
 * Documented in docs/protocol.md; change both together.
 */

/**
 * Visibility of a comment: `deleted` is the placeholder left where a comment with replies was
 * deleted; `pending` waits for a moderator (only its author sees it); `rejected` was refused.
 */
export type CommentStatus = 'published' | 'deleted' | 'pending' | 'rejected';

/** True for statuses readers may see (a placeholder included); pending and rejected comments are nobody else's business. */
export const isPublicStatus = (status: CommentStatus): boolean => status === 'published' || status === 'deleted';

/** How a body is written: the threadline protocol always sends Markdown; adapters may send HTML. */
export type BodyFormat = 'markdown' | 'html';

/**
 * Where on the page a top-level comment is anchored (inline comments): a W3C Web Annotation
 * TextQuoteSelector (`exact` with some `prefix` and `suffix`) plus a TextPositionSelector-like hint.
 * Never a DOM path: when the article changes, the widget finds the text again by fuzzy matching.
 */
export interface Anchor {
  /** `quote`: the reader selected `exact`; `paragraph`: the whole block (its text starts with `exact`). */
  type: 'quote' | 'paragraph';
  /** The quoted text, whitespace collapsed (1–1,000 characters). */
  exact: string;
  /** Up to 64 characters just before and after `exact` in the page's commentable text. */
  prefix?: string;
  suffix?: string;
  /** Offset of `exact` in the page's commentable text (blocks joined by a blank line): a hint only. */
  position?: number;
  /** Set by the server: the same for every comment on the same passage (type, exact, prefix, suffix). */
  key?: string;
}

/** One comment as the API returns it. Times are ISO 8601 (UTC). */
export interface Comment {
  id: string;
  thread: string;
  /** Id of the comment this replies to, or null for a top-level comment. */
  parentId: string | null;
  /**
   * `name` is null for an anonymous comment; `website` is an http(s) URL the author gave, or null.
   * `verified`: posted by a signed-in reader, the name taken from the site's token; `badge`: `staff`
   * for the site's staff and moderators.
   */
  author: { name: string | null; website?: string | null; verified?: boolean; badge?: AuthorBadge };
  /** Markdown subset (docs/protocol.md); blank lines separate paragraphs. */
  body: string;
  /** Absent (Markdown) in the threadline protocol; set to 'html' by adapters of HTML-returning services. */
  bodyFormat?: BodyFormat;
  createdAt: string;
  /** When the author last edited it, or null. */
  editedAt?: string | null;
  /** Upvotes. */
  score?: number;
  status: CommentStatus;
  /** Top-level comments on a passage of the page (inline comments); absent or null otherwise. */
  anchor?: Anchor | null;
  /** An editors' pick (a moderator featured it); absent otherwise. */
  featured?: boolean;
  /** `moderator` when a moderator last changed the text (readers see "edited by a moderator"). */
  editedBy?: 'moderator';
}

/** The badge beside a signed-in author's name (the site gave them the `staff` or `moderator` role). */
export type AuthorBadge = 'staff';

/** What the server knows of the page a thread belongs to. */
export interface ThreadInfo {
  key: string;
  title: string | null;
  url: string | null;
  commentCount: number;
  /** Changes with every write to the thread; the id of its latest live event (0 for a new thread). */
  version?: number;
  /** True when the site closed the thread to new comments. */
  locked?: boolean;
  /** Why it is closed: a moderator closed it, or it closed itself (`THREADLINE_AUTO_CLOSE_DAYS`). */
  lockReason?: 'moderator' | 'auto';
  /** When it closed (ISO 8601), where known. */
  closedAt?: string;
}

/** Orders of top-level comments, as the reader's menu lists them; replies are always oldest first under their parent. */
export const SORT_ORDERS = ['oldest', 'newest', 'replies', 'top'] as const;
/** One of SORT_ORDERS. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Query of `GET /api/comments`. */
export interface PageRequest {
  sort?: SortOrder;
  /** Top-level comments per page (1–200, default 50); each comes with all its replies. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** `inline`: only comments anchored to a passage (with their replies). Default `all`. */
  filter?: ThreadFilter;
  /** Only comments anchored under these anchor keys (with their replies): one passage's threads. */
  anchors?: readonly string[];
}

/** Which top-level comments a page lists. */
export type ThreadFilter = 'all' | 'inline';

/** One passage with comments, as `GET /api/anchors` lists it. */
export interface AnchorCount {
  key: string;
  anchor: Anchor;
  /** Published comments on it, replies included. */
  count: number;
}

/** `GET /api/anchors?thread=KEY`: every anchored passage of a thread with its comment count. */
export interface AnchorsResponse {
  thread: string;
  anchors: AnchorCount[];
}

/**
 * `GET /api/comments?thread=KEY[&sort&limit&cursor]`: a page of top-level comments in the
 * requested order, each followed by all its replies (oldest first). `nextCursor` is null on the
 * last page.
 */
export interface ThreadResponse {
  thread: ThreadInfo;
  comments: Comment[];
  nextCursor: string | null;
  /** What this server offers beyond the basics; absent from older servers and adapters. */
  features?: ServerFeatures;
  /** Editors' picks of the thread, oldest first: on the first page of a read only. */
  featured?: Comment[];
}

/** Optional features a server has switched on (later versions add fields). */
export interface ServerFeatures {
  /** Posts need a solved proof-of-work challenge (`GET /api/challenge`, field `pow`). */
  pow: boolean;
  /** Who may post (`THREADLINE_IDENTITY`); absent from servers without sign-in, which means `anonymous`. */
  identity?: IdentityMode;
  /**
   * The server offers "Sign in" through an OpenID provider (`THREADLINE_OIDC_*`): a popup opened at
   * `GET /api/auth/oidc/start?origin=…` posts the server's own token back to the page. Absent: it does not.
   */
  oidc?: boolean;
  /** The server sends reply mail: posts may carry `notify` and `lang` (absent from servers before it: false). */
  notify?: boolean;
}

/**
 * Who may post: `optional` guests and signed-in readers alike, `required` only signed-in readers
 * (`401 sign_in_required`; reading stays open), `anonymous` guests only (tokens are ignored).
 */
export type IdentityMode = 'optional' | 'required' | 'anonymous';

/**
 * `GET /api/challenge`: an ALTCHA v1 challenge. The client finds `number` (0…maxnumber) with
 * SHA-256(salt + number) = challenge and posts base64(JSON {algorithm, challenge, number, salt, signature}).
 */
export interface PowChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  salt: string;
  signature: string;
  maxnumber: number;
}

/** `GET /api/comments?thread=KEY&around=ID`: the whole sub-thread (root and replies) holding ID. */
export type AroundResponse = ThreadResponse;

/** `GET /api/counts?thread=A&thread=B`: published comments per thread key (0 for unknown keys). */
export interface CountsResponse {
  counts: Record<string, number>;
}

/** Body of `POST /api/comments`. */
export interface PostCommentRequest {
  thread: string;
  parentId?: string | null;
  /** `email` is never shown to readers (it is for the site owner); `website` is shown as a link. */
  author?: { name?: string | null; email?: string | null; website?: string | null } | null;
  body: string;
  /** Sent with a thread's first comment so the server learns the page. */
  page?: { title?: string; url?: string };
  /** Honeypot: a field people never see; anything in it marks the post as a bot's. */
  hp?: string;
  /** Milliseconds since the form appeared, for the optional minimum time-to-submit. */
  elapsedMs?: number;
  /** Anchors a top-level comment to a passage of the page (inline comments). Not allowed on replies. */
  anchor?: Anchor;
  /** The solved proof-of-work challenge, base64 ALTCHA payload; required when the server's `features.pow` is on. */
  pow?: string;
  /**
   * Mail me (after a one-time confirmation of the address): `replies` to this comment, or every new
   * comment in the `thread`. Needs `author.email`; ignored by servers without `features.notify`.
   */
  notify?: 'replies' | 'thread';
  /** The reader's language (a tag of LANGUAGES), for the mails `notify` asks for. */
  lang?: string;
}

/** `201` answer to `POST /api/comments`. */
export interface PostCommentResponse {
  comment: Comment;
  /** Secret that lets this author edit or delete the comment (send as `X-Edit-Token`). */
  editToken: string;
  /** Until when the server accepts an edit or delete (ISO 8601). */
  editableUntil: string;
}

/** Body of `PATCH /api/comments/:id`. */
export interface EditCommentRequest {
  body: string;
}

/** Answer to `PATCH` and `DELETE /api/comments/:id`: the comment as it now is (null once removed). */
export interface CommentChangeResponse {
  comment: Comment | null;
}

/** Answer to `PUT` and `DELETE /api/comments/:id/vote`. */
export interface VoteResponse {
  id: string;
  score: number;
  voted: boolean;
}

/** One message of `GET /api/events?thread=KEY` (Server-Sent Events; the event id is the thread version). */
export type LiveEvent =
  | { type: 'comment'; comment: Comment }
  | { type: 'edit'; comment: Comment }
  | { type: 'delete'; id: string; comment: Comment | null }
  | { type: 'vote'; id: string; score: number }
  /** The reader missed more than the server keeps: reload the thread. */
  | { type: 'reset' };

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
  | 'invalid_cursor'
  | 'comment_not_found'
  | 'email_invalid'
  | 'website_invalid'
  | 'idempotency_key_reused'
  | 'forbidden'
  | 'edit_window_closed'
  | 'already_deleted'
  | 'rate_limited'
  | 'thread_locked'
  | 'spam_suspected'
  | 'too_many_links'
  | 'too_deep'
  | 'anchor_on_reply'
  | 'banned_content'
  | 'banned'
  | 'pow_required'
  | 'pow_invalid'
  | 'rejected_by_moderation'
  | 'invalid_token'
  | 'sign_in_required'
  | 'name_reserved'
  | 'origin_not_allowed'
  | 'state_mismatch'
  | 'sign_in_failed'
  | 'oidc_unavailable'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal';

/** Every 4xx/5xx body: `{ error: { code, message, field? } }`. */
export interface ErrorResponse {
  error: { code: ErrorCode; message: string; field?: string };
}
