import pg from 'pg';
import type { Anchor, LiveEvent, SortOrder, ThreadInfo } from '../../../widget/src/protocol/types.ts';
import { NO_OUTBOX, type OutboxPlan } from '../outbox/outbox-plan.ts';
import { type CommentRow, hiddenReplies, pageFrom, pageScope, type RootCandidate, toComment, toStored } from './comment-rows.ts';
import type { CommentStore, VersionedEvent } from './comment-store.ts';
import { createCountMemo } from './count-memo.ts';
import { createModerationStore } from './moderation-port.ts';
import { runPgImport } from './pg-import.ts';
import { migratePg } from './pg-migrations.ts';
import { EVENTS_CHANNEL, runPgRule } from './pg-writes.ts';
import { editRule, insertRule, removeRule, setStatusRule, voteRule } from './write-rules.ts';

const VISIBLE = "status IN ('published', 'deleted')";
// $5 scope: 0 every top-level comment; 1 anchored ones (inline); 2 those under the anchor keys $6.
const ROOTS = `thread_key = $1 AND parent_id IS NULL AND ${VISIBLE}
  AND ($5::int = 0 OR ($5 = 1 AND anchor_key IS NOT NULL) OR ($5 = 2 AND anchor_key = ANY($6::text[])))`;
/**
 * Top-level comments after a page key, per sort order: $1 thread, $2 seq, $3 rank, $4 limit, $5–6 scope.
 * Only what paging needs: in a big thread the first root often fills the page alone, and the other 50
 * candidates' bodies were read for nothing. 'oldest' and 'newest' go by `seq + 0`, an order only
 * comments_roots_by_seq gives: by plain seq the primary key competes, and the planner, taking a thread's
 * comments to be spread evenly through the table, walked it from its start whenever the thread was a
 * big share of it (3.5 ms for a 10,000-comment thread behind 6,000 older comments; 0.3 ms by the index).
 * `rank <= $3` lets 'replies' and 'top' start at the page key in their index instead of filtering to it.
 */
const PAGE_KEYS = 'SELECT id, seq, reply_count, score FROM comments';
export const PAGE_SQL: Record<SortOrder, string> = {
  oldest: `${PAGE_KEYS} WHERE ${ROOTS} AND seq + 0 > $2 AND $3::int IS NOT NULL ORDER BY seq + 0 LIMIT $4`,
  newest: `${PAGE_KEYS} WHERE ${ROOTS} AND seq + 0 < $2 AND $3::int IS NOT NULL ORDER BY seq + 0 DESC LIMIT $4`,
  replies: `${PAGE_KEYS} WHERE ${ROOTS} AND reply_count <= $3 AND (reply_count < $3 OR (reply_count = $3 AND seq > $2)) ORDER BY reply_count DESC, seq LIMIT $4`,
  top: `${PAGE_KEYS} WHERE ${ROOTS} AND score <= $3 AND (score < $3 OR (score = $3 AND seq > $2)) ORDER BY score DESC, seq LIMIT $4`,
};
const MAX_RANK = 2_147_483_647;

/**
 * Opens the PostgreSQL store (migrating first). Several server instances may share one database:
 * every write NOTIFYs, and each instance LISTENs, so live updates reach readers on any of them.
 */
export async function openPgStore(connectionString: string): Promise<CommentStore> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that dies (PostgreSQL restarted, a network blip) is an error event on the
  // pool; unheard, it would end the process. The pool drops that connection and opens a new one.
  pool.on('error', (err) => console.error(`[threadline] an idle PostgreSQL connection failed: ${err.message}`));
  await migratePg(pool);
  const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await pool.query<R>(sql, params)).rows;

  // Live events: one LISTEN connection per instance, started with the first subscriber.
  const listeners = new Set<(e: VersionedEvent) => void>();
  let listener: pg.Client | undefined;
  let isClosed = false;
  let delivering = Promise.resolve();
  const listen = async () => {
    const client = new pg.Client({ connectionString });
    client.on('error', () => {
      // The connection dropped: listen again shortly; readers' streams replay what they missed.
      listener = undefined;
      setTimeout(() => void listen().catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    client.on('notification', (msg) => {
      const { thread, version } = JSON.parse(msg.payload ?? '{}') as { thread: string; version: number };
      // Delivered one after another, in the order the commits happened.
      delivering = delivering.then(
        async () => {
          // A notification may still arrive while the store closes: nobody is listening any more.
          if (isClosed) return;
          const [row] = await q<{ payload: string }>('SELECT payload FROM events WHERE thread_key = $1 AND version = $2', [
            thread,
            version,
          ]).catch(() => []);
          if (!row) return;
          const e: VersionedEvent = { thread, version, event: JSON.parse(row.payload) as LiveEvent };
          for (const l of listeners) l(e);
        },
        () => {},
      );
    });
    listener = client;
  };

  // Listening from the start: an event committed after a subscribe() can never slip past.
  await listen();

  const counts = createCountMemo();
  let outbox: OutboxPlan = NO_OUTBOX;
  const findRow = async (id: string) => (await q<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]))[0];

  return {
    // Every instance hears of moderation events through LISTEN, this one included.
    ...createModerationStore({ run: (rule) => runPgRule(pool, rule), publish: () => {}, outbox: () => outbox }, 'pg'),
    async getThread(key) {
      const [row] = await q<{ key: string; title: string | null; url: string | null; version: string; locked: boolean }>(
        'SELECT key, title, url, version, locked FROM threads WHERE key = $1',
        [key],
      );
      if (!row) return null;
      const version = Number(row.version);
      let commentCount = counts.get(key, version);
      if (commentCount === undefined) {
        const [count] = await q<{ n: string }>(
          `${hiddenReplies('$1')} SELECT COUNT(*) AS n FROM comments WHERE thread_key = $1 AND status = 'published' AND id NOT IN (SELECT id FROM hidden)`,
          [key],
        );
        commentCount = Number(count!.n);
        counts.set(key, version, commentCount);
      }
      const info: ThreadInfo = {
        key: row.key,
        title: row.title,
        url: row.url,
        commentCount,
        version: Number(row.version),
        ...(row.locked ? { locked: true } : {}),
      };
      return info;
    },
    async threadVersion(key) {
      const [row] = await q<{ version: string }>('SELECT version FROM threads WHERE key = $1', [key]);
      return row ? Number(row.version) : null;
    },
    async listComments(key) {
      return (await q<CommentRow>(`SELECT * FROM comments WHERE thread_key = $1 AND ${VISIBLE} ORDER BY seq`, [key])).map(toComment);
    },
    async listPage(key, query) {
      const { sort, limit, after, anchors } = query;
      const start = after ?? (sort === 'newest' ? { seq: Number.MAX_SAFE_INTEGER, rank: 0 } : { seq: 0, rank: MAX_RANK });
      const candidates = await q<RootCandidate>(PAGE_SQL[sort], [
        key,
        start.seq,
        Math.min(start.rank, MAX_RANK),
        limit + 1,
        pageScope(query),
        anchors ?? [],
      ]);
      return pageFrom(candidates, query, (ids) =>
        q<CommentRow>(`SELECT * FROM comments WHERE root_id = ANY($1::text[]) AND ${VISIBLE} ORDER BY seq`, [ids]),
      );
    },
    async listSubtree(rootId) {
      return (await q<CommentRow>(`SELECT * FROM comments WHERE root_id = $1 AND ${VISIBLE} ORDER BY seq`, [rootId])).map(toComment);
    },
    async listAnchors(key) {
      // A deleted top-level comment still holds its passage while replies under it are published.
      const rows = await q<{ anchor_key: string; anchor: string; n: string }>(
        `${hiddenReplies('$1')} SELECT r.anchor_key, MIN(r.anchor) AS anchor, COUNT(c.id) AS n
         FROM comments r JOIN comments c ON c.root_id = r.id AND c.status = 'published' AND c.id NOT IN (SELECT id FROM hidden)
         WHERE r.thread_key = $1 AND r.parent_id IS NULL AND r.anchor_key IS NOT NULL AND r.status IN ('published', 'deleted')
         GROUP BY r.anchor_key ORDER BY MIN(r.seq)`,
        [key],
      );
      return rows.map((r) => ({ key: r.anchor_key, anchor: JSON.parse(r.anchor) as Anchor, count: Number(r.n) }));
    },
    async findComment(id) {
      const row = await findRow(id);
      return row ? toStored(row) : null;
    },
    async countComments(keys) {
      const rows = await q<{ key: string; n: string }>(
        `${hiddenReplies('SELECT unnest($1::text[])')} SELECT thread_key AS key, COUNT(*) AS n FROM comments
         WHERE thread_key = ANY($1::text[]) AND status = 'published' AND id NOT IN (SELECT id FROM hidden) GROUP BY thread_key`,
        [keys],
      );
      return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
    },
    async findIdempotencyKey(key) {
      const [row] = await q<{ request_hash: string; comment_id: string }>(
        'SELECT request_hash, comment_id FROM idempotency_keys WHERE key = $1',
        [key],
      );
      return row ? { requestHash: row.request_hash, commentId: row.comment_id } : null;
    },
    insertComment: async (input) => (await runPgRule(pool, insertRule(input, outbox))).comment,
    editComment: async (id, body, editedAt, status) => (await runPgRule(pool, editRule(id, body, editedAt, status, outbox))).comment,
    deleteComment: async (id) => (await runPgRule(pool, removeRule(id, outbox))).comment,
    async setVote(id, voterId, ipHash, on, at, cap) {
      const { events: _events, ...result } = await runPgRule(pool, voteRule(id, voterId, ipHash, on, at, cap));
      return result;
    },
    setStatus: async (id, status) => (await runPgRule(pool, setStatusRule(id, status, outbox))).comment,
    async isNameReserved(nameKey) {
      return (await q('SELECT 1 FROM verified_names WHERE name_key = $1', [nameKey])).length > 0;
    },
    async hasPublishedFrom(email, ipHash) {
      if (email) return (await q("SELECT 1 FROM comments WHERE author_email = $1 AND status = 'published' LIMIT 1", [email])).length > 0;
      return !!ipHash && (await q("SELECT 1 FROM comments WHERE ip_hash = $1 AND status = 'published' LIMIT 1", [ipHash])).length > 0;
    },
    async setThreadLocked(key, locked) {
      await q(
        // A lock changes what reads answer, so it changes the version too (cached answers and ETags move on).
        `INSERT INTO threads (key, created_at, version, locked) VALUES ($1, $2, 0, $3)
         ON CONFLICT (key) DO UPDATE SET locked = excluded.locked, version = threads.version + 1`,
        [key, new Date().toISOString(), locked],
      );
    },
    async isThreadLocked(key) {
      return (await q<{ locked: boolean }>('SELECT locked FROM threads WHERE key = $1', [key]))[0]?.locked === true;
    },
    async setBan(kind, value, banned) {
      if (banned)
        await q('INSERT INTO bans (kind, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          kind,
          value,
          new Date().toISOString(),
        ]);
      else await q('DELETE FROM bans WHERE kind = $1 AND value = $2', [kind, value]);
    },
    async isBanned(ipHash, email) {
      return (
        (
          await q("SELECT 1 FROM bans WHERE (kind = 'ip' AND value = $1) OR (kind = 'email' AND value = $2) LIMIT 1", [
            ipHash ?? '',
            email ?? '',
          ])
        ).length > 0
      );
    },
    async eventsSince(thread, version, limit) {
      const [oldest] = await q<{ v: string | null }>('SELECT MIN(version) AS v FROM events WHERE thread_key = $1', [thread]);
      if (oldest?.v != null && Number(oldest.v) > version + 1) return null;
      const rows = await q<{ version: string; payload: string }>(
        'SELECT version, payload FROM events WHERE thread_key = $1 AND version > $2 ORDER BY version LIMIT $3',
        [thread, version, limit],
      );
      return rows.map((r) => ({ thread, version: Number(r.version), event: JSON.parse(r.payload) as LiveEvent }));
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async getMeta(key) {
      return (await q<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))[0]?.value ?? null;
    },
    async setMeta(key, value) {
      await q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
    async ensureMeta(key, value) {
      await q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
      return (await q<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))[0]!.value;
    },
    async listThreads() {
      return q<{ key: string; title: string | null; url: string | null; locked: boolean }>(
        'SELECT key, title, url, locked FROM threads ORDER BY created_at, key',
      );
    },
    async listVotes() {
      return q<{ commentId: string; voterId: string; ipHash: string; createdAt: string }>(
        'SELECT comment_id AS "commentId", voter_id AS "voterId", ip_hash AS "ipHash", created_at AS "createdAt" FROM votes ORDER BY created_at',
      );
    },
    async listBans() {
      return q<{ kind: 'ip' | 'email'; value: string }>('SELECT kind, value FROM bans ORDER BY created_at');
    },
    importBatch: (work) => runPgImport(pool, work),
    setOutboxPlan(plan) {
      outbox = plan;
    },
    runRule: (rule) => runPgRule(pool, rule),
    async isEmpty() {
      return (await q('SELECT 1 FROM comments LIMIT 1')).length === 0;
    },
    async close() {
      isClosed = true;
      listeners.clear();
      const l = listener;
      listener = undefined;
      l?.removeAllListeners('error');
      await l?.end().catch(() => {});
      await pool.end();
    },
  };
}
