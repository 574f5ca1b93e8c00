import type { AdminComment, AuditEntry, Moderator, Report, ReportReason } from '../../../widget/src/protocol/moderation.ts';
import type { OutboxPlan } from '../outbox/outbox-plan.ts';
import { type CommentRow, toAdmin, toComment } from './comment-rows.ts';
import type { VersionedEvent } from './comment-store.ts';
import { audit, moderationRule, reportRule } from './moderation-rules.ts';
import type { AdminQuery, ModerationStore, ThreadClosing } from './moderation-store.ts';
import { all, one, type Rule, run } from './sql-steps.ts';

/** Which database a query is written for: only full-text search differs. */
export type Dialect = 'sqlite' | 'pg';

/** How a store runs rules: each in one transaction, and how it tells its live readers afterwards. */
export interface RulePort {
  run<T>(rule: Rule<T>): Promise<T>;
  /** SQLite tells its subscribers itself; PostgreSQL's LISTEN does (so this does nothing there). */
  publish(events: VersionedEvent[]): void;
  /** The store's outbox plan as it is now (set after the store opens): what moderation causes is mailed and sent from it. */
  outbox(): OutboxPlan;
}

/** Words of a search, each quoted for FTS5 (its query syntax must never reach it from a request). */
const searchWords = (q: string) => q.match(/[\p{L}\p{N}_]+/gu) ?? [];

function* adminList(query: AdminQuery, dialect: Dialect): Rule<{ comments: AdminComment[]; nextBeforeSeq: number | null }> {
  const where = ['seq < ?'];
  const params: unknown[] = [query.beforeSeq ?? Number.MAX_SAFE_INTEGER];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (query.status === 'reported') add('EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = comments.id AND r.dismissed_at IS NULL)');
  else if (query.status) add('status = ?', query.status);
  if (query.thread) add('thread_key = ?', query.thread);
  if (query.author) add('LOWER(author_name) = LOWER(?)', query.author);
  if (query.email) add('LOWER(author_email) = LOWER(?)', query.email);
  if (query.ipHash) add('ip_hash = ?', query.ipHash);
  const words = searchWords(query.q ?? '');
  if (words.length > 0) {
    if (dialect === 'sqlite')
      add('seq IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)', words.map((w) => `"${w}"`).join(' '));
    else add("to_tsvector('simple', body || ' ' || COALESCE(author_name, '')) @@ plainto_tsquery('simple', ?)", words.join(' '));
  }
  params.push(query.limit + 1);
  const rows = yield* all<CommentRow>(`SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`, ...params);
  const more = rows.length > query.limit;
  if (more) rows.pop();
  const ids = rows.map((r) => r.id);
  const reports = ids.length
    ? yield* all<{ comment_id: string; reason: ReportReason; note: string | null; created_at: string }>(
        `SELECT comment_id, reason, note, created_at FROM reports WHERE dismissed_at IS NULL AND comment_id IN (${ids.map(() => '?').join(', ')})
         ORDER BY created_at`,
        ...ids,
      )
    : [];
  const byComment = new Map<string, Report[]>();
  for (const r of reports)
    byComment.set(r.comment_id, [...(byComment.get(r.comment_id) ?? []), { reason: r.reason, note: r.note, at: r.created_at }]);
  const comments = rows.map(
    (r): AdminComment => ({
      ...toAdmin(r),
      ...(r.held_for === 'reports' ? { heldFor: 'reports' as const } : {}),
      ...(byComment.has(r.id) ? { reports: byComment.get(r.id)! } : {}),
    }),
  );
  return { comments, nextBeforeSeq: more ? Number(rows.at(-1)!.seq) : null };
}

interface AuditRow {
  seq: number | string;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  comment_id: string | null;
  thread_key: string | null;
  before: string | null;
  after: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  at: r.at,
  actor: r.actor,
  action: r.action,
  ...(r.comment_id ? { commentId: r.comment_id } : {}),
  ...(r.thread_key ? { thread: r.thread_key } : {}),
  ...(r.before ? { before: JSON.parse(r.before) as Record<string, unknown> } : {}),
  ...(r.after ? { after: JSON.parse(r.after) as Record<string, unknown> } : {}),
});

const toModerator = (r: { id: string; name: string; created_at: string }): Moderator => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
});

/** The moderation store over a rule port: one implementation for SQLite and PostgreSQL. */
export function createModerationStore(port: RulePort, dialect: Dialect): ModerationStore {
  const written = async <T extends { events: VersionedEvent[] }>(rule: Rule<T>) => {
    const result = await port.run(rule);
    port.publish(result.events);
    return result;
  };
  return {
    async moderate(op, actor, at) {
      const { comment } = await written(moderationRule(op, actor, at, port.outbox()));
      return { comment };
    },
    async report(input) {
      const { held, comment } = await written(reportRule(input, port.outbox()));
      return { held, comment };
    },
    listForAdmin: (query) => port.run(adminList(query, dialect)),
    async listFeatured(thread) {
      const rows = await port.run(
        all<CommentRow>(
          "SELECT * FROM comments WHERE thread_key = ? AND featured = 1 AND status = 'published' ORDER BY seq LIMIT 20",
          thread,
        ),
      );
      return rows.map(toComment);
    },
    async listAudit({ limit, beforeSeq }) {
      const rows = await port.run(
        all<AuditRow>('SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?', beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1),
      );
      const more = rows.length > limit;
      if (more) rows.pop();
      return { entries: rows.map(toEntry), nextBeforeSeq: more ? Number(rows.at(-1)!.seq) : null };
    },
    async addModerator(m, tokenHash, actor) {
      await port.run(
        (function* () {
          yield* run('INSERT INTO moderators (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)', m.id, m.name, tokenHash, m.createdAt);
          yield* audit({ actor, action: 'add-moderator', at: m.createdAt, after: { id: m.id, name: m.name } });
        })(),
      );
    },
    async listModerators() {
      const rows = await port.run(
        all<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM moderators ORDER BY created_at, id'),
      );
      return rows.map(toModerator);
    },
    removeModerator: (id, actor, at) =>
      port.run(
        (function* () {
          const found = yield* one<{ name: string }>('SELECT name FROM moderators WHERE id = ?', id);
          if (!found) return false;
          yield* run('DELETE FROM moderators WHERE id = ?', id);
          yield* audit({ actor, action: 'remove-moderator', at, before: { id, name: found.name } });
          return true;
        })(),
      ),
    async findModeratorByTokenHash(tokenHash) {
      const found = await port.run(
        one<{ id: string; name: string; created_at: string }>(
          'SELECT id, name, created_at FROM moderators WHERE token_hash = ?',
          tokenHash,
        ),
      );
      return found ? toModerator(found) : null;
    },
    async threadClosing(key): Promise<ThreadClosing | null> {
      const found = await port.run(
        one<{ locked: unknown; reopened: unknown; created_at: string; locked_at: string | null }>(
          'SELECT locked, reopened, created_at, locked_at FROM threads WHERE key = ?',
          key,
        ),
      );
      if (!found) return null;
      return {
        locked: Boolean(Number(found.locked)),
        reopened: Number(found.reopened) === 1,
        createdAt: found.created_at,
        lockedAt: found.locked_at,
      };
    },
    async approvedSinceRejection(email) {
      const counted = await port.run(
        one<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM comments WHERE LOWER(author_email) = LOWER(?) AND status = 'published'
             AND seq > COALESCE((SELECT MAX(seq) FROM comments WHERE LOWER(author_email) = LOWER(?) AND status = 'rejected'), 0)`,
          email,
          email,
        ),
      );
      return Number(counted?.n ?? 0);
    },
  };
}
