import type { Anchor, AnchorCount, Comment, LiveEvent, SortOrder, ThreadInfo } from '../../../widget/src/protocol/types.ts';
import type { OutboxPlan } from '../outbox/outbox-plan.ts';
import type { NotifyMode } from '../outbox/subscriptions.ts';
import type { ModerationStore } from './moderation-store.ts';
import type { Rule } from './sql-steps.ts';

/** A validated comment ready to be stored; the store assigns nothing but what it is given. */
export interface StoredCommentInput {
  id: string;
  thread: string;
  parentId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  body: string;
  createdAt: string;
  editTokenHash: string;
  /** Who posted, as a salted hash (for per-IP moderation and bans); null for imports and seeds. */
  ipHash?: string | null;
  /** A signed-in author's user id (the token's `sub`); their name is then reserved against guests. */
  authorSub?: string | null;
  /** The badge shown beside a signed-in author's name. */
  authorBadge?: 'staff' | null;
  /** `pending` waits for a moderator and is seen by no one else. Default `published`. */
  status?: 'published' | 'pending';
  page: { title: string | null; url: string | null };
  /** The passage a top-level comment is anchored to, with its `key` (inline comments). */
  anchor?: (Anchor & { key: string }) | null;
  /** Recorded in the same transaction, so a retried post finds the comment it created. */
  idempotency?: { key: string; requestHash: string };
  /** The author asked for mail (`notify`, `lang`; see outbox/subscriptions.ts); ignored without a mail server. */
  notify?: { mode: NotifyMode; lang: string } | null;
}

/** Where the previous page ended: the last top-level comment's insertion order and sort rank. */
export interface PageKey {
  seq: number;
  /** Reply count (sort `replies`) or score (sort `top`); unused otherwise. */
  rank: number;
}

/** A page holds at most this many comments per top-level comment asked for (replies included). */
export const PAGE_COMMENT_FACTOR = 2;

/** What to read of a thread's top-level comments. */
export interface PageQuery {
  sort: SortOrder;
  limit: number;
  after: PageKey | null;
  /** Most comments a page may hold, replies included (always at least one top-level comment); none when absent. */
  budget?: number;
  /** Only anchored top-level comments (`inline`), or only those under these anchor keys. */
  filter?: 'all' | 'inline';
  anchors?: readonly string[];
}

/** A page: top-level comments in order, each followed by all its replies (oldest first). */
export interface CommentPage {
  comments: Comment[];
  /** Key of the last top-level comment when more follow; null on the last page. */
  next: PageKey | null;
}

/** A stored comment with what only the server sees. */
export interface StoredComment {
  comment: Comment;
  rootId: string;
  editTokenHash: string | null;
  /** Kept for the site owner, bans and moderation; never sent to readers. */
  authorEmail: string | null;
  /** A signed-in author's user id: they may change the comment from any browser. */
  authorSub: string | null;
  ipHash: string | null;
}

/** A comment as a moderator sees it: with the email and the IP hash. */
export type { AdminComment } from '../../../widget/src/protocol/moderation.ts';
export type { AdminQuery } from './moderation-store.ts';

/** Votes one address may add to one comment in a period. */
export interface VoteCap {
  perIp: number;
  /** ISO time: only votes newer than this count. */
  since: string;
}

/** A change to a thread, numbered by the thread version it produced (the SSE event id). */
export interface VersionedEvent {
  thread: string;
  version: number;
  event: LiveEvent;
}

/** The writes an import makes, all inside the transaction of one `importBatch`. */
export type ImportWriter = Pick<
  CommentStore,
  'findComment' | 'insertComment' | 'editComment' | 'deleteComment' | 'setStatus' | 'setVote' | 'setThreadLocked' | 'setBan'
>;

/**
 * Where comments live. SQLite is the embedded default; PostgreSQL will implement the same
 * interface. Async so that both fit. Every write bumps the thread's version and records one
 * event per change, in the same transaction.
 */
export interface CommentStore extends ModerationStore {
  /** The thread's page info, count and version, or null if nothing was ever posted to it. */
  getThread(key: string): Promise<ThreadInfo | null>;
  /** A number that changes whenever anything in the thread changes; null for an unknown thread. */
  threadVersion(key: string): Promise<number | null>;
  /** Every comment of a thread (placeholders included), oldest first. */
  listComments(key: string): Promise<Comment[]>;
  /** One page of a thread. */
  listPage(key: string, query: PageQuery): Promise<CommentPage>;
  /** A top-level comment and all its replies, oldest first. */
  listSubtree(rootId: string): Promise<Comment[]>;
  /** One comment by id, in any thread. */
  findComment(id: string): Promise<StoredComment | null>;
  /** Anchored passages of a thread with their published comments (replies included). */
  listAnchors(key: string): Promise<AnchorCount[]>;
  /** Published comments per thread key; keys without comments are absent. */
  countComments(keys: readonly string[]): Promise<Record<string, number>>;
  /** The comment an idempotency key created, with the hash of the request that created it. */
  findIdempotencyKey(key: string): Promise<{ requestHash: string; commentId: string } | null>;
  /** Stores a comment (and its thread, the first time) atomically; rejects on a duplicate idempotency key. */
  insertComment(input: StoredCommentInput): Promise<Comment>;
  /**
   * Replaces a comment's body and sets its status (an edit may hold a published comment again).
   * Readers hear of it only while it is published: an `edit` event, or a `delete` when it is held.
   */
  editComment(id: string, body: string, editedAt: string, status: 'published' | 'pending'): Promise<Comment>;
  /**
   * Deletes a comment: a placeholder stays where it has replies; otherwise it is removed, and so
   * is every placeholder left without replies by that. Resolves with what remains (null: gone).
   * A held comment goes without a live event: readers never saw it.
   */
  deleteComment(id: string): Promise<Comment | null>;
  /**
   * Sets or clears one voter's upvote; resolves with the new score and whether the vote stands.
   * With `cap`, a new vote is not stored when `cap.perIp` votes from this IP hash on this comment
   * are newer than `cap.since`; `cappedUntil` is then the oldest of them.
   */
  setVote(
    id: string,
    voterId: string,
    ipHash: string,
    on: boolean,
    at: string,
    cap?: VoteCap,
  ): Promise<{ score: number; voted: boolean; cappedUntil?: string }>;
  /** Approves (publishes) or rejects a comment; approving announces it like a new comment. */
  setStatus(id: string, status: 'published' | 'rejected'): Promise<Comment>;
  /** True when a signed-in author has posted under a name with this key (see reserved-name.ts): guests may not use it. */
  isNameReserved(nameKey: string): Promise<boolean>;
  /** True when this email (or, without one, this IP hash) already has a published comment. */
  hasPublishedFrom(email: string | null, ipHash: string | null): Promise<boolean>;
  setThreadLocked(key: string, locked: boolean): Promise<void>;
  isThreadLocked(key: string): Promise<boolean>;
  setBan(kind: 'ip' | 'email', value: string, banned: boolean): Promise<void>;
  isBanned(ipHash: string | null, email: string | null): Promise<boolean>;
  /** Events of a thread after `version`, oldest first (at most `limit`); null if some were pruned. */
  eventsSince(thread: string, version: number, limit: number): Promise<VersionedEvent[] | null>;
  /** Calls `listener` with every event this store records from now on, until the returned function is called. */
  subscribe(listener: (event: VersionedEvent) => void): () => void;
  /** A value kept in the database (the server secret lives here). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Stores `value` unless the key has one already; resolves with the stored value (safe when instances race). */
  ensureMeta(key: string, value: string): Promise<string>;
  /** Everything for an export: every thread (with its lock), every vote, every ban. */
  listThreads(): Promise<(Omit<ThreadInfo, 'commentCount' | 'version'> & { locked: boolean })[]>;
  listVotes(): Promise<{ commentId: string; voterId: string; ipHash: string; createdAt: string }[]>;
  listBans(): Promise<{ kind: 'ip' | 'email'; value: string }[]>;
  /**
   * Runs `work` as one transaction: what it writes through `tx` (the same rules as the store's own
   * writes) is stored when it resolves, nothing when it throws. Live readers are not told; they see
   * the imported comments on their next load. Meant for the `import` command, one at a time.
   */
  importBatch<T>(work: (tx: ImportWriter) => Promise<T>): Promise<T>;
  /** From now on, writes tell `plan` what happened, in their transaction (mails, alerts, webhooks; see outbox/). */
  setOutboxPlan(plan: OutboxPlan): void;
  /** Runs one rule (sql-steps.ts) in its own transaction: the outbox's queue and subscriptions use it. */
  runRule<T>(rule: Rule<T>): Promise<T>;
  /** True when no comment is stored at all (used to decide on seeding). */
  isEmpty(): Promise<boolean>;
  /** Releases the database. */
  close(): Promise<void>;
}
