import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Comment, ThreadInfo } from '../../../widget/src/protocol/types.ts';
import { PAGE_COMMENT_FACTOR, type CommentStore, type PageQuery, type StoredCommentInput } from './comment-store.ts';
import { migrateSqlite } from './sqlite-migrations.ts';

interface CommentRow {
  seq: number;
  id: string;
  thread_key: string;
  parent_id: string | null;
  root_id: string;
  reply_count: number;
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

const PUBLISHED = "status = 'published'";

/** Top-level comments after a page key, per sort order (keyset paging: stable under inserts). */
const PAGE_SQL = {
  oldest: `SELECT * FROM comments WHERE thread_key = @key AND parent_id IS NULL AND ${PUBLISHED}
             AND seq > @seq ORDER BY seq LIMIT @limit`,
  newest: `SELECT * FROM comments WHERE thread_key = @key AND parent_id IS NULL AND ${PUBLISHED}
             AND seq < @seq ORDER BY seq DESC LIMIT @limit`,
  replies: `SELECT * FROM comments WHERE thread_key = @key AND parent_id IS NULL AND ${PUBLISHED}
              AND (reply_count < @replies OR (reply_count = @replies AND seq > @seq))
            ORDER BY reply_count DESC, seq LIMIT @limit`,
} as const;

/**
 * The top-level comments of a page: at most `limit`, and no more than `PAGE_COMMENT_FACTOR × limit`
 * comments counting all their replies (but always one), so a page stays the same size however
 * big and old the thread is.
 */
function takeWithinBudget(candidates: CommentRow[], limit: number): CommentRow[] {
  const budget = PAGE_COMMENT_FACTOR * limit;
  const taken: CommentRow[] = [];
  let comments = 0;
  for (const root of candidates.slice(0, limit)) {
    if (taken.length > 0 && comments + 1 + root.reply_count > budget) break;
    taken.push(root);
    comments += 1 + root.reply_count;
  }
  return taken;
}

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

  const selectVersion = db.prepare<[string], { version: number }>('SELECT version FROM threads WHERE key = ?');
  const selectThread = db.prepare<[string], { key: string; title: string | null; url: string | null }>(
    'SELECT key, title, url FROM threads WHERE key = ?',
  );
  const countThread = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM comments WHERE thread_key = ? AND ${PUBLISHED}`);
  const selectComments = db.prepare<[string], CommentRow>(`SELECT * FROM comments WHERE thread_key = ? AND ${PUBLISHED} ORDER BY seq`);
  const selectPage = {
    oldest: db.prepare<[object], CommentRow>(PAGE_SQL.oldest),
    newest: db.prepare<[object], CommentRow>(PAGE_SQL.newest),
    replies: db.prepare<[object], CommentRow>(PAGE_SQL.replies),
  };
  const selectRepliesOf = db.prepare<[string], CommentRow>(
    `SELECT * FROM comments WHERE root_id IN (SELECT value FROM json_each(?)) AND parent_id IS NOT NULL AND ${PUBLISHED} ORDER BY seq`,
  );
  const selectSubtree = db.prepare<[string], CommentRow>(`SELECT * FROM comments WHERE root_id = ? AND ${PUBLISHED} ORDER BY seq`);
  const selectComment = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
  const selectCounts = db.prepare<[string], { key: string; n: number }>(
    `SELECT thread_key AS key, COUNT(*) AS n FROM comments WHERE thread_key IN (SELECT value FROM json_each(?)) AND ${PUBLISHED} GROUP BY thread_key`,
  );
  const upsertThread = db.prepare(
    `INSERT INTO threads (key, title, url, created_at) VALUES (@thread, @title, @url, @createdAt)
     ON CONFLICT(key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url),
       version = threads.version + 1`,
  );
  const insert = db.prepare(
    `INSERT INTO comments (id, thread_key, parent_id, root_id, author_name, body, created_at)
     VALUES (@id, @thread, @parentId, @rootId, @authorName, @body, @createdAt)`,
  );
  const bumpAncestors = db.prepare(
    `WITH RECURSIVE up(id, parent) AS (
       SELECT id, parent_id FROM comments WHERE id = ?
       UNION SELECT c.id, c.parent_id FROM comments c JOIN up ON c.id = up.parent)
     UPDATE comments SET reply_count = reply_count + 1 WHERE id IN (SELECT id FROM up)`,
  );
  const insertTx = db.transaction((c: StoredCommentInput) => {
    upsertThread.run({ thread: c.thread, title: c.page.title, url: c.page.url, createdAt: c.createdAt });
    const rootId = c.parentId === null ? c.id : (selectComment.get(c.parentId)?.root_id ?? c.parentId);
    insert.run({ ...c, rootId });
    if (c.parentId !== null) bumpAncestors.run(c.parentId);
  });

  return {
    async getThread(key) {
      const row = selectThread.get(key);
      if (!row) return null;
      const info: ThreadInfo = { key: row.key, title: row.title, url: row.url, commentCount: countThread.get(key)!.n };
      return info;
    },
    async threadVersion(key) {
      return selectVersion.get(key)?.version ?? null;
    },
    async listComments(key) {
      return selectComments.all(key).map(toComment);
    },
    async listPage(key, { sort, limit, after }: PageQuery) {
      const start = after ?? (sort === 'newest' ? { seq: Number.MAX_SAFE_INTEGER, replies: 0 } : { seq: 0, replies: Number.MAX_SAFE_INTEGER });
      const candidates = selectPage[sort].all({ key, seq: start.seq, replies: start.replies, limit: limit + 1 });
      const roots = takeWithinBudget(candidates, limit);
      const more = candidates.length > roots.length;
      const replies = roots.length ? selectRepliesOf.all(JSON.stringify(roots.map((r) => r.id))) : [];
      const last = roots.at(-1);
      return {
        comments: [...roots, ...replies].map(toComment),
        next: more && last ? { seq: last.seq, replies: last.reply_count } : null,
      };
    },
    async listSubtree(rootId) {
      return selectSubtree.all(rootId).map(toComment);
    },
    async findComment(id) {
      const row = selectComment.get(id);
      return row ? { comment: toComment(row), rootId: row.root_id } : null;
    },
    async countComments(keys) {
      return Object.fromEntries(selectCounts.all(JSON.stringify(keys)).map((r) => [r.key, r.n]));
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
