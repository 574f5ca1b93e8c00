import type { Comment, ThreadInfo } from '../../../widget/src/protocol/types.ts';

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

/**
 * Where comments live. SQLite is the embedded default; PostgreSQL will implement the same
 * interface. Async so that both fit.
 */
export interface CommentStore {
  /** The thread's page info and count, or null if nothing was ever posted to it. */
  getThread(key: string): Promise<ThreadInfo | null>;
  /** Every visible comment of a thread, oldest first. */
  listComments(key: string): Promise<Comment[]>;
  /** One comment by id, in any thread. */
  findComment(id: string): Promise<Comment | null>;
  /** Stores a comment (and its thread, the first time) atomically. */
  insertComment(input: StoredCommentInput): Promise<Comment>;
  /** True when no comment is stored at all (used to decide on seeding). */
  isEmpty(): Promise<boolean>;
  /** Releases the database. */
  close(): Promise<void>;
}
