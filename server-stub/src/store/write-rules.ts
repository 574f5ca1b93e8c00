import { type Comment, isPublicStatus } from '../../../widget/src/protocol/types.ts';
import { nameKey } from '../domain/reserved-name.ts';
import { NO_OUTBOX, type OutboxPlan } from '../outbox/outbox-plan.ts';
import { anchorColumns, type CommentRow, toComment } from './comment-rows.ts';
import type { StoredCommentInput, VersionedEvent, VoteCap } from './comment-store.ts';
import { one, type Rule, record, run } from './sql-steps.ts';

/**
 * The domain rules of every write, written once for SQLite and PostgreSQL (each store only runs
 * them, see sql-steps.ts). What readers may know follows one principle: a comment that is not
 * public (pending, rejected) changes nothing they can see, neither the thread version nor an
 * event nor a count. Each rule tells the outbox plan what happened (mails, alerts, webhooks are
 * enqueued in the same transaction); imports pass none.
 */

/** A write's result and the live events it recorded (published once the transaction commits). */
export type Written<T> = T & { events: VersionedEvent[] };

/** The stored row of a comment, if any. */
export function* row(id: string): Rule<CommentRow | undefined> {
  return yield* one<CommentRow>('SELECT * FROM comments WHERE id = ?', id);
}
/** The protocol view of a stored comment. */
export function* current(id: string): Rule<Comment> {
  return toComment((yield* row(id))!);
}
function* hasChildren(id: string): Rule<boolean> {
  return !!(yield* one('SELECT 1 AS one FROM comments WHERE parent_id = ? LIMIT 1', id));
}
/** Adds `delta` to the reply count of a comment and every comment above it. */
export function* addToAncestors(id: string, delta: number): Rule<void> {
  yield* run(
    `WITH RECURSIVE up(id, parent) AS (
       SELECT id, parent_id FROM comments WHERE id = ?
       UNION SELECT c.id, c.parent_id FROM comments c JOIN up ON c.id = up.parent)
     UPDATE comments SET reply_count = reply_count + ? WHERE id IN (SELECT id FROM up)`,
    id,
    delta,
  );
}
/** Leaves a placeholder where a comment with replies was: the replies keep their place. */
function* makePlaceholder(id: string): Rule<Comment> {
  yield* run(
    `UPDATE comments SET status = 'deleted', body = '', author_name = NULL, author_email = NULL, author_website = NULL,
       author_sub = NULL, author_badge = NULL, score = 0, edit_token_hash = NULL WHERE id = ?`,
    id,
  );
  return yield* current(id);
}

/** Stores a comment and its thread; a pending one is nobody else's business yet: no version, no event. */
export function* insertRule(c: StoredCommentInput, outbox: OutboxPlan = NO_OUTBOX): Rule<Written<{ comment: Comment }>> {
  const status = c.status ?? 'published';
  const bump = status === 'published' ? 1 : 0;
  const { version } = (yield* one<{ version: number | string }>(
    `INSERT INTO threads (key, title, url, created_at, version) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET title = COALESCE(threads.title, excluded.title), url = COALESCE(threads.url, excluded.url),
       version = threads.version + ?
     RETURNING version`,
    c.thread,
    c.page.title,
    c.page.url,
    c.createdAt,
    bump,
    bump,
  ))!;
  const rootId = c.parentId === null ? c.id : ((yield* row(c.parentId))?.root_id ?? c.parentId);
  const anchor = anchorColumns(c.parentId === null ? c.anchor : null);
  yield* run(
    `INSERT INTO comments (id, thread_key, parent_id, root_id, author_name, author_email, author_website, body, created_at, edit_token_hash, ip_hash, status, anchor, anchor_key, author_sub, author_badge)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    c.id,
    c.thread,
    c.parentId,
    rootId,
    c.authorName,
    c.authorEmail,
    c.authorWebsite,
    c.body,
    c.createdAt,
    c.editTokenHash,
    c.ipHash ?? null,
    status,
    anchor.anchor,
    anchor.anchorKey,
    c.authorSub ?? null,
    c.authorBadge ?? null,
  );
  const reserved = c.authorSub && c.authorName ? nameKey(c.authorName) : '';
  if (reserved) {
    yield* run(
      'INSERT INTO verified_names (name_key, sub, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      reserved,
      c.authorSub,
      c.createdAt,
    );
  }
  if (c.idempotency) {
    yield* run(
      'INSERT INTO idempotency_keys (key, request_hash, comment_id, created_at) VALUES (?, ?, ?, ?)',
      c.idempotency.key,
      c.idempotency.requestHash,
      c.id,
      c.createdAt,
    );
  }
  const comment = yield* current(c.id);
  const who = { email: c.authorEmail, ipHash: c.ipHash ?? null, notify: c.notify ?? null };
  yield* outbox.happened({ type: status === 'published' ? 'comment.created' : 'comment.pending', comment, ...who });
  if (status !== 'published') return { comment, events: [] };
  if (c.parentId !== null) yield* addToAncestors(c.parentId, 1);
  return { comment, events: [yield* record(c.thread, { type: 'comment', comment }, Number(version))] };
}

/**
 * Replaces a body and sets the status the write gate chose. Readers hear of a public comment's
 * edit; a published comment held again leaves their view like a deleted one; a held one's edit
 * reaches no one.
 */
export function* editRule(
  id: string,
  body: string,
  editedAt: string,
  status: 'published' | 'pending',
  outbox: OutboxPlan = NO_OUTBOX,
): Rule<Written<{ comment: Comment }>> {
  const before = (yield* row(id))!;
  yield* run('UPDATE comments SET body = ?, edited_at = ?, status = ? WHERE id = ?', body, editedAt, status, id);
  const comment = yield* current(id);
  yield* outbox.happened({ type: 'comment.edited', comment, email: before.author_email, ipHash: before.ip_hash });
  if (before.status !== 'published') return { comment, events: [] };
  if (status === 'published') return { comment, events: [yield* record(comment.thread, { type: 'edit', comment })] };
  if (before.parent_id) yield* addToAncestors(before.parent_id, -1);
  return { comment, events: [yield* record(comment.thread, { type: 'delete', id, comment: null })] };
}

/**
 * Deletes a comment: a placeholder stays where it has replies; otherwise it goes, and so does each
 * placeholder left without replies by that. A held comment goes without a word to readers.
 */
export function* removeRule(id: string, outbox: OutboxPlan = NO_OUTBOX): Rule<Written<{ comment: Comment | null }>> {
  const first = (yield* row(id))!;
  yield* outbox.happened({ type: 'comment.deleted', comment: toComment(first), email: first.author_email, ipHash: first.ip_hash });
  if (yield* hasChildren(id)) {
    // A held comment's replies were public all along: its placeholder joins the count they are in.
    if (!isPublicStatus(first.status) && first.parent_id) yield* addToAncestors(first.parent_id, 1);
    const comment = yield* makePlaceholder(id);
    return { comment, events: [yield* record(first.thread_key, { type: 'delete', id, comment })] };
  }
  const events: VersionedEvent[] = [];
  let gone: CommentRow | undefined = first;
  while (gone) {
    if (isPublicStatus(gone.status)) {
      if (gone.parent_id) yield* addToAncestors(gone.parent_id, -1);
      events.push(yield* record(gone.thread_key, { type: 'delete', id: gone.id, comment: null }));
    }
    yield* run('DELETE FROM idempotency_keys WHERE comment_id = ?', gone.id);
    yield* run('DELETE FROM comments WHERE id = ?', gone.id);
    const parent: CommentRow | undefined = gone.parent_id ? yield* row(gone.parent_id) : undefined;
    gone = parent && parent.status === 'deleted' && !(yield* hasChildren(parent.id)) ? parent : undefined;
  }
  return { comment: null, events };
}

/**
 * Sets or clears one voter's upvote. With a cap, a new vote beyond `cap.perIp` from one address
 * on one comment since `cap.since` is not stored (`cappedUntil`: the oldest vote that counts).
 */
export function* voteRule(
  id: string,
  voterId: string,
  ipHash: string,
  on: boolean,
  at: string,
  cap?: VoteCap,
): Rule<Written<{ score: number; voted: boolean; cappedUntil?: string }>> {
  if (on && cap && !(yield* one('SELECT 1 AS one FROM votes WHERE comment_id = ? AND voter_id = ?', id, voterId))) {
    const recent = (yield* one<{ n: number | string; oldest: string | null }>(
      'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM votes WHERE comment_id = ? AND ip_hash = ? AND created_at > ?',
      id,
      ipHash,
      cap.since,
    ))!;
    if (Number(recent.n) >= cap.perIp) {
      return { score: (yield* row(id))!.score, voted: false, cappedUntil: recent.oldest ?? at, events: [] };
    }
  }
  const changed = on
    ? yield* run(
        'INSERT INTO votes (comment_id, voter_id, ip_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        id,
        voterId,
        ipHash,
        at,
      )
    : yield* run('DELETE FROM votes WHERE comment_id = ? AND voter_id = ?', id, voterId);
  const { score } = (yield* one<{ score: number }>(
    'UPDATE comments SET score = (SELECT COUNT(*) FROM votes WHERE comment_id = ?) WHERE id = ? RETURNING score',
    id,
    id,
  ))!;
  const thread = (yield* row(id))!.thread_key;
  return { score, voted: on, events: changed ? [yield* record(thread, { type: 'vote', id, score })] : [] };
}

/**
 * Approves or rejects. Approval announces the comment once, like a new one; rejecting a published
 * comment acts like deleting it (a placeholder where it has replies); rejecting a held one is silent.
 */
export function* setStatusRule(
  id: string,
  status: 'published' | 'rejected',
  outbox: OutboxPlan = NO_OUTBOX,
): Rule<Written<{ comment: Comment }>> {
  const before = (yield* row(id))!;
  if (before.status === status) return { comment: toComment(before), events: [] };
  yield* run('UPDATE comments SET status = ? WHERE id = ?', status, id);
  const comment = yield* current(id);
  const who = { email: before.author_email, ipHash: before.ip_hash };
  if (status === 'published') yield* outbox.happened({ type: 'comment.approved', comment, ...who });
  else if (before.status === 'published') yield* outbox.happened({ type: 'comment.deleted', comment, ...who });
  if (status === 'published') {
    if (before.parent_id) yield* addToAncestors(before.parent_id, 1);
    return { comment, events: [yield* record(before.thread_key, { type: 'comment', comment })] };
  }
  if (before.status !== 'published') return { comment, events: [] };
  if (before.parent_id) yield* addToAncestors(before.parent_id, -1);
  if (yield* hasChildren(id)) {
    const placeholder = yield* makePlaceholder(id);
    return { comment: placeholder, events: [yield* record(before.thread_key, { type: 'delete', id, comment: placeholder })] };
  }
  return { comment, events: [yield* record(before.thread_key, { type: 'delete', id, comment: null })] };
}
