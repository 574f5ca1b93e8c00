import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Comment, ThreadInfo } from '../../../widget/src/protocol/types.ts';
import type { CommentStore, StoredCommentInput } from './comment-store.ts';
import { migrateSqlite } from './sqlite-migrations.ts';

interface CommentRow {
  id: string;
  thread_key: string;
  parent_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
  status: 'published';
}

const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  thread: r.thread_key,
  parentId: r.parent_id,
  author: { name: r.author_name },
  body: r.body,
  createdAt: r.created_at,
  status: r.status,
});

/** Opens (creating and migrating if needed) a SQLite store; `':memory:'` for tests. */
export function openSqliteStore(file: string): CommentStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file);
  // WAL keeps readers off the writer's back; NORMAL sync still survives a killed process.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);

  const selectThread = db.prepare<[string], { key: string; title: string | null; url: string | null }>(
    'SELECT key, title, url FROM threads WHERE key = ?',
  );
  const countThread = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM comments WHERE thread_key = ? AND status = 'published'",
  );
  const selectComments = db.prepare<[string], CommentRow>(
    "SELECT * FROM comments WHERE thread_key = ? AND status = 'published' ORDER BY seq",
  );
  const selectComment = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
  const upsertThread = db.prepare(
    `INSERT INTO threads (key, title, url, created_at) VALUES (@thread, @title, @url, @createdAt)
     ON CONFLICT(key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url)`,
  );
  const insert = db.prepare(
    `INSERT INTO comments (id, thread_key, parent_id, author_name, body, created_at)
     VALUES (@id, @thread, @parentId, @authorName, @body, @createdAt)`,
  );
  const insertTx = db.transaction((c: StoredCommentInput) => {
    upsertThread.run({ thread: c.thread, title: c.page.title, url: c.page.url, createdAt: c.createdAt });
    insert.run(c);
  });

  return {
    async getThread(key) {
      const row = selectThread.get(key);
      if (!row) return null;
      const info: ThreadInfo = { key: row.key, title: row.title, url: row.url, commentCount: countThread.get(key)!.n };
      return info;
    },
    async listComments(key) {
      return selectComments.all(key).map(toComment);
    },
    async findComment(id) {
      const row = selectComment.get(id);
      return row ? toComment(row) : null;
    },
    async insertComment(input) {
      insertTx(input);
      return toComment(selectComment.get(input.id)!);
    },
    async isEmpty() {
      return !db.prepare('SELECT 1 FROM comments LIMIT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
