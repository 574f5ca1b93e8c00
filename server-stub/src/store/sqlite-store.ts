import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Anchor, LiveEvent, SortOrder, ThreadInfo } from '../../../widget/src/protocol/types.ts';
import { NO_OUTBOX, type OutboxPlan } from '../outbox/outbox-plan.ts';
import { type CommentRow, hiddenReplies, pageFrom, pageScope, type RootCandidate, toComment, toStored } from './comment-rows.ts';
import type { CommentStore, PageQuery, VersionedEvent } from './comment-store.ts';
import { createCountMemo } from './count-memo.ts';
import { createModerationStore } from './moderation-port.ts';
import { runSqliteImport } from './sqlite-import.ts';
import { migrateSqlite } from './sqlite-migrations.ts';
import { prepareModeration } from './sqlite-moderation.ts';
import { createSqliteWriter } from './sqlite-writes.ts';
import { editRule, insertRule, removeRule, setStatusRule, voteRule } from './write-rules.ts';

// `+status` keeps the status index (for moderators) out of readers' queries: without statistics
// SQLite would pick it and scan every comment of the site instead of one thread's.
const VISIBLE = "+status IN ('published', 'deleted')";
// Scope 0: every top-level comment; 1: anchored ones (inline); 2: those under the anchor keys given.
const ROOTS = `thread_key = @key AND parent_id IS NULL AND ${VISIBLE}
  AND (@scope = 0 OR (@scope = 1 AND anchor_key IS NOT NULL) OR (@scope = 2 AND anchor_key IN (SELECT value FROM json_each(@anchors))))`;

/**
 * Top-level comments after a page key, per sort order (keyset paging: stable under inserts); only what
 * paging needs, as in pg-store.ts. `rank <= @rank` lets 'replies' and 'top' start at the page key in
 * their index instead of filtering to it.
 */
const PAGE_KEYS = 'SELECT id, seq, reply_count, score FROM comments';
export const PAGE_SQL: Record<SortOrder, string> = {
  oldest: `${PAGE_KEYS} WHERE ${ROOTS} AND seq > @seq ORDER BY seq LIMIT @limit`,
  newest: `${PAGE_KEYS} WHERE ${ROOTS} AND seq < @seq ORDER BY seq DESC LIMIT @limit`,
  replies: `${PAGE_KEYS} WHERE ${ROOTS} AND reply_count <= @rank AND (reply_count < @rank OR (reply_count = @rank AND seq > @seq))
            ORDER BY reply_count DESC, seq LIMIT @limit`,
  top: `${PAGE_KEYS} WHERE ${ROOTS} AND score <= @rank AND (score < @rank OR (score = @rank AND seq > @seq))
        ORDER BY score DESC, seq LIMIT @limit`,
};

/** Parameters of the ROOTS scope for a page query. */
const scopeOf = (query: PageQuery) => ({ scope: pageScope(query), anchors: JSON.stringify(query.anchors ?? []) });

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
  const write = createSqliteWriter(db);
  const moderation = prepareModeration(db);
  let outbox: OutboxPlan = NO_OUTBOX;

  const selectVersion = db.prepare<[string], { version: number }>('SELECT version FROM threads WHERE key = ?');
  const selectThread = db.prepare<[string], { key: string; title: string | null; url: string | null; version: number; locked: number }>(
    'SELECT key, title, url, version, locked FROM threads WHERE key = ?',
  );
  const countThread = db.prepare<[{ key: string }], { n: number }>(
    `${hiddenReplies('@key')} SELECT COUNT(*) AS n FROM comments WHERE thread_key = @key AND +status = 'published' AND id NOT IN (SELECT id FROM hidden)`,
  );
  const selectComments = db.prepare<[string], CommentRow>(`SELECT * FROM comments WHERE thread_key = ? AND ${VISIBLE} ORDER BY seq`);
  const selectPage = Object.fromEntries(
    Object.entries(PAGE_SQL).map(([k, sql]) => [k, db.prepare<[object], RootCandidate>(sql)]),
  ) as Record<SortOrder, BetterSqlite3.Statement<[object], RootCandidate>>;
  const selectSubtrees = db.prepare<[string], CommentRow>(
    `SELECT * FROM comments WHERE root_id IN (SELECT value FROM json_each(?)) AND ${VISIBLE} ORDER BY seq`,
  );
  const selectSubtree = db.prepare<[string], CommentRow>(`SELECT * FROM comments WHERE root_id = ? AND ${VISIBLE} ORDER BY seq`);
  const selectComment = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
  // A deleted top-level comment still holds its passage while replies under it are published.
  const selectAnchors = db.prepare<[{ key: string }], { anchor_key: string; anchor: string; n: number }>(
    `${hiddenReplies('@key')} SELECT r.anchor_key, MIN(r.anchor) AS anchor, COUNT(c.id) AS n
     FROM comments r JOIN comments c ON c.root_id = r.id AND c.status = 'published' AND c.id NOT IN (SELECT id FROM hidden)
     WHERE r.thread_key = @key AND r.parent_id IS NULL AND r.anchor_key IS NOT NULL AND r.status IN ('published', 'deleted')
     GROUP BY r.anchor_key ORDER BY MIN(r.seq)`,
  );
  const selectCounts = db.prepare<[{ keys: string }], { key: string; n: number }>(
    `${hiddenReplies('SELECT value FROM json_each(@keys)')} SELECT thread_key AS key, COUNT(*) AS n FROM comments
     WHERE thread_key IN (SELECT value FROM json_each(@keys)) AND +status = 'published' AND id NOT IN (SELECT id FROM hidden) GROUP BY thread_key`,
  );
  const selectIdempotency = db.prepare<[string], { request_hash: string; comment_id: string }>(
    'SELECT request_hash, comment_id FROM idempotency_keys WHERE key = ?',
  );
  const selectEvents = db.prepare<[string, number, number], { version: number; payload: string }>(
    'SELECT version, payload FROM events WHERE thread_key = ? AND version > ? ORDER BY version LIMIT ?',
  );
  const selectOldestEvent = db.prepare<[string], { v: number | null }>('SELECT MIN(version) AS v FROM events WHERE thread_key = ?');
  const selectMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  // Live events reach subscribers after their transaction has committed.
  const listeners = new Set<(e: VersionedEvent) => void>();
  const publish = <T extends { events: VersionedEvent[] }>(result: T): T => {
    for (const e of result.events) for (const l of listeners) l(e);
    return result;
  };

  const counts = createCountMemo();
  const countOf = (key: string, version: number) => {
    const known = counts.get(key, version);
    if (known !== undefined) return known;
    const n = countThread.get({ key })!.n;
    counts.set(key, version, n);
    return n;
  };
  const moderationStore = createModerationStore(
    { run: async (rule) => write(rule), publish: (events) => publish({ events }), outbox: () => outbox },
    'sqlite',
  );

  return {
    ...moderationStore,
    async getThread(key) {
      const row = selectThread.get(key);
      if (!row) return null;
      const info: ThreadInfo = {
        key: row.key,
        title: row.title,
        url: row.url,
        commentCount: countOf(key, row.version),
        version: row.version,
        ...(row.locked ? { locked: true } : {}),
      };
      return info;
    },
    async threadVersion(key) {
      return selectVersion.get(key)?.version ?? null;
    },
    async listComments(key) {
      return selectComments.all(key).map(toComment);
    },
    async listPage(key, query: PageQuery) {
      const { sort, limit, after } = query;
      const start = after ?? (sort === 'newest' ? { seq: Number.MAX_SAFE_INTEGER, rank: 0 } : { seq: 0, rank: Number.MAX_SAFE_INTEGER });
      const candidates = selectPage[sort].all({ key, seq: start.seq, rank: start.rank, limit: limit + 1, ...scopeOf(query) });
      return pageFrom(candidates, query, (ids) => selectSubtrees.all(JSON.stringify(ids)));
    },
    async listSubtree(rootId) {
      return selectSubtree.all(rootId).map(toComment);
    },
    async listAnchors(key) {
      return selectAnchors.all({ key }).map((r) => ({ key: r.anchor_key, anchor: JSON.parse(r.anchor) as Anchor, count: r.n }));
    },
    async findComment(id) {
      const row = selectComment.get(id);
      return row ? toStored(row) : null;
    },
    async countComments(keys) {
      return Object.fromEntries(selectCounts.all({ keys: JSON.stringify(keys) }).map((r) => [r.key, r.n]));
    },
    async findIdempotencyKey(key) {
      const row = selectIdempotency.get(key);
      return row ? { requestHash: row.request_hash, commentId: row.comment_id } : null;
    },
    async insertComment(input) {
      return publish(write(insertRule(input, outbox))).comment;
    },
    async editComment(id, body, editedAt, status) {
      return publish(write(editRule(id, body, editedAt, status, outbox))).comment;
    },
    async deleteComment(id) {
      return publish(write(removeRule(id, outbox))).comment;
    },
    async setVote(id, voterId, ipHash, on, at, cap) {
      const { events: _events, ...result } = publish(write(voteRule(id, voterId, ipHash, on, at, cap)));
      return result;
    },
    async setStatus(id, status) {
      return publish(write(setStatusRule(id, status, outbox))).comment;
    },
    async isNameReserved(nameKey) {
      return moderation.isNameReserved(nameKey);
    },
    async hasPublishedFrom(email, ipHash) {
      return moderation.hasPublishedFrom(email, ipHash);
    },
    async setThreadLocked(key, locked) {
      moderation.setThreadLocked(key, locked);
    },
    async isThreadLocked(key) {
      return moderation.isThreadLocked(key);
    },
    async setBan(kind, value, banned) {
      moderation.setBan(kind, value, banned);
    },
    async isBanned(ipHash, email) {
      return moderation.isBanned(ipHash, email);
    },
    async eventsSince(thread, version, limit) {
      const oldest = selectOldestEvent.get(thread)?.v;
      // Events older than the log keeps cannot be replayed: the reader must reload.
      if (oldest != null && oldest > version + 1) return null;
      return selectEvents
        .all(thread, version, limit)
        .map((r) => ({ thread, version: r.version, event: JSON.parse(r.payload) as LiveEvent }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getMeta(key) {
      return selectMeta.get(key)?.value ?? null;
    },
    async setMeta(key, value) {
      upsertMeta.run(key, value);
    },
    async ensureMeta(key, value) {
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, value);
      return selectMeta.get(key)!.value;
    },
    async listThreads() {
      return db
        .prepare<[], { key: string; title: string | null; url: string | null; locked: number }>(
          'SELECT key, title, url, locked FROM threads ORDER BY created_at, key',
        )
        .all()
        .map((t) => ({ ...t, locked: t.locked === 1 }));
    },
    async listVotes() {
      return db
        .prepare<[], { commentId: string; voterId: string; ipHash: string; createdAt: string }>(
          'SELECT comment_id AS commentId, voter_id AS voterId, ip_hash AS ipHash, created_at AS createdAt FROM votes ORDER BY created_at',
        )
        .all();
    },
    async listBans() {
      return db.prepare<[], { kind: 'ip' | 'email'; value: string }>('SELECT kind, value FROM bans ORDER BY created_at').all();
    },
    async importBatch(work) {
      // The store's writes without publish(): nothing is announced from inside an uncommitted transaction.
      return runSqliteImport(
        db,
        {
          findComment: (id) => this.findComment(id),
          insertComment: async (input) => write(insertRule(input)).comment,
          editComment: async (id, body, editedAt, status) => write(editRule(id, body, editedAt, status)).comment,
          deleteComment: async (id) => write(removeRule(id)).comment,
          setStatus: async (id, status) => write(setStatusRule(id, status)).comment,
          setVote: async (id, voterId, ipHash, on, at, cap) => {
            const { events: _events, ...result } = write(voteRule(id, voterId, ipHash, on, at, cap));
            return result;
          },
          setThreadLocked: (key, locked) => this.setThreadLocked(key, locked),
          setBan: (kind, value, banned) => this.setBan(kind, value, banned),
        },
        work,
      );
    },
    setOutboxPlan(plan) {
      outbox = plan;
    },
    async runRule(rule) {
      return write(rule);
    },
    async isEmpty() {
      return !db.prepare('SELECT 1 FROM comments LIMIT 1').get();
    },
    async close() {
      listeners.clear();
      db.close();
    },
  };
}
