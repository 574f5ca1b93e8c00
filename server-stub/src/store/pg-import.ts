import type { Pool, PoolClient } from 'pg';
import { type CommentRow, toComment } from './comment-rows.ts';
import type { ImportWriter } from './comment-store.ts';
import { pgWrites } from './pg-writes.ts';

/**
 * Runs an import as one PostgreSQL transaction on one connection. The store's writes each open a
 * transaction on a pooled client; here they are handed this connection instead, with their own
 * BEGIN/COMMIT/ROLLBACK dropped, so every write joins the import's transaction and follows the
 * same rules. A failing write fails the whole import (the outer ROLLBACK undoes everything).
 */
export async function runPgImport<T>(pool: Pool, work: (tx: ImportWriter) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const query = (sql: string, params?: unknown[]) => client.query(sql, params);
  const joined = {
    query,
    connect: async () => ({
      query: (sql: string, params?: unknown[]) => (/^(BEGIN|COMMIT|ROLLBACK)$/.test(sql) ? {} : query(sql, params)),
      release() {},
    }),
  } as unknown as Pool;
  try {
    await client.query('BEGIN');
    const result = await work(writerOn(client, joined));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** The import's writes on `client`; lock and ban use the same statements as the store's. */
function writerOn(client: PoolClient, joined: Pool): ImportWriter {
  return {
    async findComment(id) {
      const row = (await client.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id])).rows[0];
      return row ? { comment: toComment(row), rootId: row.root_id, editTokenHash: row.edit_token_hash } : null;
    },
    insertComment: (input) => pgWrites.insert(joined, input),
    editComment: (id, body, editedAt) => pgWrites.edit(joined, id, body, editedAt),
    deleteComment: (id) => pgWrites.remove(joined, id),
    setStatus: (id, status) => pgWrites.setStatus(joined, id, status),
    setVote: (id, voterId, ipHash, on, at) => pgWrites.vote(joined, id, voterId, ipHash, on, at),
    async setThreadLocked(key, locked) {
      await client.query(
        `INSERT INTO threads (key, created_at, version, locked) VALUES ($1, $2, 0, $3)
         ON CONFLICT (key) DO UPDATE SET locked = excluded.locked, version = threads.version + 1`,
        [key, new Date().toISOString(), locked],
      );
    },
    async setBan(kind, value, banned) {
      if (banned)
        await client.query('INSERT INTO bans (kind, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          kind,
          value,
          new Date().toISOString(),
        ]);
      else await client.query('DELETE FROM bans WHERE kind = $1 AND value = $2', [kind, value]);
    },
  };
}
