import type { Comment, SortOrder, ThreadInfo } from '../../../widget/src/protocol/types.ts';

/** A validated comment ready to be stored; the store assigns nothing but what it is given. */
export interface StoredCommentInput {
  id: string;
  thread: string;
  parentId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
  page: { title: string | null; url: string | null };
}

/** Where the previous page ended: the last top-level comment's insertion order and reply count. */
export interface PageKey {
  seq: number;
  replies: number;
}

/** A page holds at most this many comments per top-level comment asked for (replies included). */
export const PAGE_COMMENT_FACTOR = 2;

/** What to read of a thread's top-level comments. */
export interface PageQuery {
  sort: SortOrder;
  limit: number;
  after: PageKey | null;
}

/** A page: top-level comments in order, each followed by all its replies (oldest first). */
export interface CommentPage {
  comments: Comment[];
  /** Key of the last top-level comment when more follow; null on the last page. */
  next: PageKey | null;
}

/** A stored comment with the id of the top-level comment its sub-thread hangs from. */
export interface StoredComment {
  comment: Comment;
  rootId: string;
}

/**
 * Where comments live. SQLite is the embedded default; PostgreSQL will implement the same
 * interface. Async so that both fit.
 */
export interface CommentStore {
  /** The thread's page info and count, or null if nothing was ever posted to it. */
  getThread(key: string): Promise<ThreadInfo | null>;
  /** A number that changes whenever anything in the thread changes; null for an unknown thread. */
  threadVersion(key: string): Promise<number | null>;
  /** Every visible comment of a thread, oldest first. */
  listComments(key: string): Promise<Comment[]>;
  /** One page of a thread. */
  listPage(key: string, query: PageQuery): Promise<CommentPage>;
  /** A top-level comment and all its replies, oldest first. */
  listSubtree(rootId: string): Promise<Comment[]>;
  /** One comment by id, in any thread. */
  findComment(id: string): Promise<StoredComment | null>;
  /** Published comments per thread key; keys without comments are absent. */
  countComments(keys: readonly string[]): Promise<Record<string, number>>;
  /** Stores a comment (and its thread, the first time) atomically. */
  insertComment(input: StoredCommentInput): Promise<Comment>;
  /** True when no comment is stored at all (used to decide on seeding). */
  isEmpty(): Promise<boolean>;
  /** Releases the database. */
  close(): Promise<void>;
}
