import type { Comment } from '../../../widget/src/protocol/types.ts';

/** A row of `comments` as SQLite returns it. */
export interface CommentRow {
  seq: number;
  id: string;
  thread_key: string;
  parent_id: string | null;
  root_id: string;
  reply_count: number;
  author_name: string | null;
  author_email: string | null;
  author_website: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  score: number;
  edit_token_hash: string | null;
  ip_hash: string | null;
  status: 'published' | 'deleted' | 'pending' | 'rejected';
}

/** The protocol's view of a row (the email and the token hash never leave the server). */
export function toComment(r: CommentRow): Comment {
  return {
    id: r.id,
    thread: r.thread_key,
    parentId: r.parent_id,
    author: { name: r.author_name, website: r.author_website },
    body: r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    score: r.score,
    status: r.status,
  };
}
