import type { AuditAction } from '../../../widget/src/protocol/moderation.ts';
import type { Comment } from '../../../widget/src/protocol/types.ts';
import { NO_OUTBOX, type OutboxPlan } from '../outbox/outbox-plan.ts';
import type { CommentRow } from './comment-rows.ts';
import type { ModerationOp, ReportInput } from './moderation-store.ts';
import { one, type Rule, record, run } from './sql-steps.ts';
import { addToAncestors, current, editRule, removeRule, row, setStatusRule, type Written } from './write-rules.ts';

/**
 * The moderation rules (issue 16), written once for SQLite and PostgreSQL like write-rules.ts.
 * Every change records its audit entry in the same transaction: an action without a trace, or a
 * trace without the action, cannot happen.
 */

/** One audit entry as the rules write it. */
interface AuditDraft {
  actor: string;
  action: AuditAction;
  at: string;
  commentId?: string | null;
  thread?: string | null;
  before?: object | null;
  after?: object | null;
}

/** Appends an entry to the audit log. */
export function* audit(e: AuditDraft): Rule<void> {
  yield* run(
    'INSERT INTO audit (at, actor, action, comment_id, thread_key, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    e.at,
    e.actor,
    e.action,
    e.commentId ?? null,
    e.thread ?? null,
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
  );
}

/** Settles a comment's open reports (a moderator decided on it). */
function* settleReports(id: string, at: string): Rule<number> {
  return yield* run('UPDATE reports SET dismissed_at = ? WHERE comment_id = ? AND dismissed_at IS NULL', at, id);
}

function* openReports(id: string): Rule<number> {
  const counted = yield* one<{ n: number | string }>('SELECT COUNT(*) AS n FROM reports WHERE comment_id = ? AND dismissed_at IS NULL', id);
  return Number(counted?.n ?? 0);
}

/**
 * Stores a report once per reporter and comment. When the open reports reach the threshold, a
 * published comment is held for review: readers see it go (a `delete` event) as with a held edit.
 */
export function* reportRule(r: ReportInput, outbox: OutboxPlan = NO_OUTBOX): Rule<Written<{ held: boolean; comment: Comment }>> {
  yield* run(
    'INSERT INTO reports (comment_id, reporter, reason, note, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    r.id,
    r.reporter,
    r.reason,
    r.note,
    r.at,
  );
  const before = (yield* row(r.id))!;
  const reports = yield* openReports(r.id);
  if (before.status !== 'published' || reports < r.threshold) return { held: false, comment: yield* current(r.id), events: [] };
  yield* run("UPDATE comments SET status = 'pending', held_for = 'reports' WHERE id = ?", r.id);
  if (before.parent_id) yield* addToAncestors(before.parent_id, -1);
  const event = yield* record(before.thread_key, { type: 'delete', id: r.id, comment: null });
  yield* audit({
    actor: 'readers',
    action: 'hold',
    at: r.at,
    commentId: r.id,
    thread: before.thread_key,
    before: { status: 'published' },
    after: { status: 'pending', reports },
  });
  const comment = yield* current(r.id);
  // The owner hears of it (THREADLINE_ALERT_EMAIL), in this same transaction.
  yield* outbox.happened({ type: 'comment.flagged', comment, email: before.author_email, ipHash: before.ip_hash, reason: r.reason });
  return { held: true, comment, events: [event] };
}

/** Announces a changed pick to readers while they can see the comment. */
function* announce(c: CommentRow): Rule<Written<{ comment: Comment }>> {
  const comment = yield* current(c.id);
  if (comment.status !== 'published') return { comment, events: [] };
  return { comment, events: [yield* record(c.thread_key, { type: 'edit', comment })] };
}

/** What an audit entry shows of a comment. */
const snapshot = (c: CommentRow) => ({ status: c.status, featured: Number(c.featured) === 1 });

/** Runs a comment's change (the caller checked the comment exists) and audits it. */
function* commentOp(
  op: Exclude<ModerationOp, { kind: 'lock' | 'ban' }>,
  actor: string,
  at: string,
  outbox: OutboxPlan,
): Rule<Written<{ comment: Comment | null }>> {
  const before = (yield* row(op.id))!;
  const base = { actor, at, commentId: op.id, thread: before.thread_key };
  switch (op.kind) {
    case 'status': {
      yield* settleReports(op.id, at);
      yield* run(
        'UPDATE comments SET held_for = NULL, featured = CASE WHEN ? = 1 THEN featured ELSE 0 END WHERE id = ?',
        op.status === 'published' ? 1 : 0,
        op.id,
      );
      const done = yield* setStatusRule(op.id, op.status, outbox);
      yield* audit({
        ...base,
        action: op.status === 'published' ? 'approve' : 'reject',
        before: snapshot(before),
        after: { status: done.comment.status },
      });
      return done;
    }
    case 'delete': {
      yield* settleReports(op.id, at);
      yield* run('UPDATE comments SET featured = 0 WHERE id = ?', op.id);
      const done = yield* removeRule(op.id, outbox);
      yield* audit({
        ...base,
        action: 'delete',
        before: { ...snapshot(before), body: before.body },
        after: { status: done.comment?.status ?? 'removed' },
      });
      return done;
    }
    case 'edit': {
      yield* run("UPDATE comments SET edited_by = 'moderator' WHERE id = ?", op.id);
      const done = yield* editRule(op.id, op.body, op.at, before.status === 'pending' ? 'pending' : 'published', outbox);
      yield* audit({ ...base, action: 'edit', before: { body: before.body }, after: { body: op.body, note: op.note } });
      return done;
    }
    case 'feature': {
      yield* run('UPDATE comments SET featured = ? WHERE id = ?', op.featured ? 1 : 0, op.id);
      const done =
        Number(before.featured) === (op.featured ? 1 : 0) ? { comment: yield* current(op.id), events: [] } : yield* announce(before);
      yield* audit({ ...base, action: op.featured ? 'feature' : 'unfeature', before: snapshot(before), after: { featured: op.featured } });
      return done;
    }
    case 'dismiss': {
      const reports = yield* settleReports(op.id, at);
      const wasHeld = before.held_for === 'reports' && before.status === 'pending';
      yield* run('UPDATE comments SET held_for = NULL WHERE id = ?', op.id);
      // Held by reports alone: dismissing them brings it back, announced like a new comment.
      const done = wasHeld ? yield* setStatusRule(op.id, 'published', outbox) : { comment: yield* current(op.id), events: [] };
      yield* audit({
        ...base,
        action: 'dismiss-reports',
        before: { ...snapshot(before), reports },
        after: { status: done.comment.status },
      });
      return done;
    }
  }
}

/** Runs one moderation change with its audit entry. */
export function* moderationRule(
  op: ModerationOp,
  actor: string,
  at: string,
  outbox: OutboxPlan = NO_OUTBOX,
): Rule<Written<{ comment: Comment | null }>> {
  if (op.kind === 'lock') {
    const was = yield* one<{ locked: unknown }>('SELECT locked FROM threads WHERE key = ?', op.thread);
    // A lock changes what reads answer, so it changes the version too (cached answers and ETags move on).
    // Reopening also ends auto-closing for this thread.
    yield* run(
      `INSERT INTO threads (key, created_at, version, locked, reopened, locked_at) VALUES (?, ?, 0, ${op.locked ? 'TRUE' : 'FALSE'}, ?, ?)
       ON CONFLICT (key) DO UPDATE SET locked = excluded.locked, reopened = excluded.reopened, locked_at = excluded.locked_at,
         version = threads.version + 1`,
      op.thread,
      at,
      op.locked ? 0 : 1,
      op.locked ? at : null,
    );
    yield* audit({
      actor,
      at,
      action: op.locked ? 'lock' : 'unlock',
      thread: op.thread,
      before: { locked: Boolean(Number(was?.locked ?? 0)) },
      after: { locked: op.locked },
    });
    return { comment: null, events: [] };
  }
  if (op.kind === 'ban') {
    if (op.banned)
      yield* run('INSERT INTO bans (kind, value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', op.banKind, op.value, at);
    else yield* run('DELETE FROM bans WHERE kind = ? AND value = ?', op.banKind, op.value);
    yield* audit({ actor, at, action: op.banned ? 'ban' : 'unban', after: { kind: op.banKind, value: op.value } });
    return { comment: null, events: [] };
  }
  return yield* commentOp(op, actor, at, outbox);
}
