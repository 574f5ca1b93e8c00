import type { Pool, PoolClient } from 'pg';
import type { Comment, LiveEvent } from '../../../widget/src/protocol/types.ts';
import { anchorColumns, type CommentRow, toComment } from './comment-rows.ts';
import type { StoredCommentInput } from './comment-store.ts';

/** The channel every instance listens on; payloads name the thread and version only (NOTIFY caps payloads near 8 KB). */
export const EVENTS_CHANNEL = 'threadline_events';

/** Runs `fn` in one transaction. */
export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const row = async (c: PoolClient, id: string) => (await c.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id])).rows[0];
const hasChildren = async (c: PoolClient, id: string) =>
  (await c.query('SELECT 1 FROM comments WHERE parent_id = $1 LIMIT 1', [id])).rowCount! > 0;
const addToAncestors = (c: PoolClient, id: string, delta: number) =>
  c.query(
    `WITH RECURSIVE up(id, parent) AS (
       SELECT id, parent_id FROM comments WHERE id = $1
       UNION SELECT c.id, c.parent_id FROM comments c JOIN up ON c.id = up.parent)
     UPDATE comments SET reply_count = reply_count + $2 WHERE id IN (SELECT id FROM up)`,
    [id, delta],
  );

/** Bumps the thread's version (unless given), logs the event under it and notifies every instance at commit. */
async function record(c: PoolClient, thread: string, event: LiveEvent, version?: number): Promise<void> {
  const v =
    version ??
    Number(
      (await c.query<{ version: string }>('UPDATE threads SET version = version + 1 WHERE key = $1 RETURNING version', [thread])).rows[0]!
        .version,
    );
  await c.query('INSERT INTO events (thread_key, version, payload, created_at) VALUES ($1, $2, $3, $4)', [
    thread,
    v,
    JSON.stringify(event),
    new Date().toISOString(),
  ]);
  await c.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ thread, version: v })]);
}

const placeholder = (c: PoolClient, id: string) =>
  c.query(
    `UPDATE comments SET status = 'deleted', body = '', author_name = NULL, author_email = NULL, author_website = NULL,
       score = 0, edit_token_hash = NULL WHERE id = $1`,
    [id],
  );

/** The write transactions of the PostgreSQL store (the same rules as SQLite's). */
export const pgWrites = {
  async insert(pool: Pool, i: StoredCommentInput): Promise<Comment> {
    return inTransaction(pool, async (c) => {
      const status = i.status ?? 'published';
      const upsert =
        status === 'published'
          ? `INSERT INTO threads (key, title, url, created_at, version) VALUES ($1, $2, $3, $4, 1)
             ON CONFLICT (key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url),
               version = threads.version + 1 RETURNING version`
          : `INSERT INTO threads (key, title, url, created_at, version) VALUES ($1, $2, $3, $4, 0)
             ON CONFLICT (key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url)
             RETURNING version`;
      const version = Number(
        (await c.query<{ version: string }>(upsert, [i.thread, i.page.title, i.page.url, i.createdAt])).rows[0]!.version,
      );
      const rootId = i.parentId === null ? i.id : ((await row(c, i.parentId))?.root_id ?? i.parentId);
      const anchor = anchorColumns(i.parentId === null ? i.anchor : null);
      await c.query(
        `INSERT INTO comments (id, thread_key, parent_id, root_id, author_name, author_email, author_website, body, created_at, edit_token_hash, ip_hash, status, anchor, anchor_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          i.id,
          i.thread,
          i.parentId,
          rootId,
          i.authorName,
          i.authorEmail,
          i.authorWebsite,
          i.body,
          i.createdAt,
          i.editTokenHash,
          i.ipHash ?? null,
          status,
          anchor.anchor,
          anchor.anchorKey,
        ],
      );
      if (i.idempotency) {
        await c.query('INSERT INTO idempotency_keys (key, request_hash, comment_id, created_at) VALUES ($1, $2, $3, $4)', [
          i.idempotency.key,
          i.idempotency.requestHash,
          i.id,
          i.createdAt,
        ]);
      }
      const comment = toComment((await row(c, i.id))!);
      if (status === 'published') {
        if (i.parentId !== null) await addToAncestors(c, i.parentId, 1);
        await record(c, i.thread, { type: 'comment', comment }, version);
      }
      return comment;
    });
  },

  async edit(pool: Pool, id: string, body: string, editedAt: string): Promise<Comment> {
    return inTransaction(pool, async (c) => {
      await c.query('UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3', [body, editedAt, id]);
      const comment = toComment((await row(c, id))!);
      await record(c, comment.thread, { type: 'edit', comment });
      return comment;
    });
  },

  async remove(pool: Pool, id: string): Promise<Comment | null> {
    return inTransaction(pool, async (c) => {
      const first = (await row(c, id))!;
      if (await hasChildren(c, id)) {
        await placeholder(c, id);
        const comment = toComment((await row(c, id))!);
        await record(c, first.thread_key, { type: 'delete', id, comment });
        return comment;
      }
      // A leaf goes; so does each placeholder above it that is left without replies.
      let current: CommentRow | undefined = first;
      while (current) {
        if (current.parent_id) await addToAncestors(c, current.parent_id, -1);
        await c.query('DELETE FROM idempotency_keys WHERE comment_id = $1', [current.id]);
        await c.query('DELETE FROM comments WHERE id = $1', [current.id]);
        await record(c, current.thread_key, { type: 'delete', id: current.id, comment: null });
        const parent: CommentRow | undefined = current.parent_id ? await row(c, current.parent_id) : undefined;
        current = parent && parent.status === 'deleted' && !(await hasChildren(c, parent.id)) ? parent : undefined;
      }
      return null;
    });
  },

  async vote(pool: Pool, id: string, voterId: string, ipHash: string, on: boolean, at: string): Promise<{ score: number; voted: boolean }> {
    return inTransaction(pool, async (c) => {
      const changed = on
        ? (
            await c.query('INSERT INTO votes (comment_id, voter_id, ip_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
              id,
              voterId,
              ipHash,
              at,
            ])
          ).rowCount
        : (await c.query('DELETE FROM votes WHERE comment_id = $1 AND voter_id = $2', [id, voterId])).rowCount;
      const score = (
        await c.query<{ score: number }>(
          'UPDATE comments SET score = (SELECT COUNT(*) FROM votes WHERE comment_id = $1) WHERE id = $1 RETURNING score',
          [id],
        )
      ).rows[0]!.score;
      if (changed) await record(c, (await row(c, id))!.thread_key, { type: 'vote', id, score });
      return { score, voted: on };
    });
  },

  async setStatus(pool: Pool, id: string, status: 'published' | 'rejected'): Promise<Comment> {
    return inTransaction(pool, async (c) => {
      const before = (await row(c, id))!;
      if (before.status === status) return toComment(before);
      await c.query('UPDATE comments SET status = $1 WHERE id = $2', [status, id]);
      const comment = toComment((await row(c, id))!);
      if (status === 'published') {
        if (before.parent_id) await addToAncestors(c, before.parent_id, 1);
        await record(c, before.thread_key, { type: 'comment', comment });
        return comment;
      }
      if (before.status !== 'published') return comment;
      if (before.parent_id) await addToAncestors(c, before.parent_id, -1);
      if (await hasChildren(c, id)) {
        await placeholder(c, id);
        const left = toComment((await row(c, id))!);
        await record(c, before.thread_key, { type: 'delete', id, comment: left });
        return left;
      }
      await record(c, before.thread_key, { type: 'delete', id, comment: null });
      return comment;
    });
  },
};
