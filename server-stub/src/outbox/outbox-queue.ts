import { all, one, type Rule, run } from '../store/sql-steps.ts';
import type { OutboxRow, OutboxStatus } from './outbox-steps.ts';

/** How long delivery keeps trying: exponential backoff from the first attempt, then the item is failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Claims due items for this sender: each gets a lease (`leasedUntil`) no other sender takes it
 * under. The outer WHERE repeats the lease test so that on PostgreSQL a sender that waited for
 * another's row lock re-checks the committed row and skips it: two instances never claim one item.
 */
export function* claimDue(now: Date, leaseMs: number, limit: number): Rule<OutboxRow[]> {
  const at = now.toISOString();
  const free = "status = 'pending' AND (leased_until IS NULL OR leased_until < ?)";
  return yield* all<OutboxRow>(
    `UPDATE outbox SET leased_until = ?, attempts = attempts + 1
     WHERE id IN (SELECT id FROM outbox WHERE ${free} AND due_at <= ? ORDER BY due_at LIMIT ?) AND ${free}
     RETURNING *`,
    new Date(now.getTime() + leaseMs).toISOString(),
    at,
    at,
    limit,
    at,
  );
}

/** Records a delivery (`sent`) or a drop (`skipped`, e.g. unsubscribed meanwhile). */
export function* markDone(id: string, status: 'sent' | 'skipped', now: Date, note: string | null = null): Rule<void> {
  yield* run(
    'UPDATE outbox SET status = ?, sent_at = ?, leased_until = NULL, last_error = ? WHERE id = ?',
    status,
    now.toISOString(),
    note,
    id,
  );
}

/** How long a delivered or skipped item stays listed for moderators; then it goes, with the addresses and text it holds. */
export const KEEP_DONE_MS = 30 * 24 * 60 * 60_000;

/**
 * Deletes delivered and skipped items done more than KEEP_DONE_MS ago; resolves with how many. Only
 * markDone sets `sent_at`, so failed and waiting items (NULL) stay.
 */
export function* pruneDone(now: Date): Rule<number> {
  return yield* run('DELETE FROM outbox WHERE sent_at < ?', new Date(now.getTime() - KEEP_DONE_MS).toISOString());
}

/** The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min… capped at 2 h (about 17 attempts in 24 h). */
export const backoffMs = (attempts: number, baseMs = 30_000): number => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60_000);

/**
 * Records a failed attempt: tried again after a backoff, or failed for good when `permanent` or
 * when the next attempt would fall outside the 24-hour window.
 */
export function* markFailed(row: OutboxRow, error: string, now: Date, permanent: boolean, baseMs?: number): Rule<OutboxStatus> {
  const next = now.getTime() + backoffMs(Number(row.attempts), baseMs);
  const status: OutboxStatus = permanent || next > Date.parse(row.window_from) + RETRY_WINDOW_MS ? 'failed' : 'pending';
  yield* run(
    'UPDATE outbox SET status = ?, due_at = ?, leased_until = NULL, last_error = ? WHERE id = ?',
    status,
    new Date(next).toISOString(),
    error.slice(0, 500),
    row.id,
  );
  return status;
}

/** The outbox for moderators, newest first, optionally of one status. */
export function* listOutbox(status: OutboxStatus | null, limit: number): Rule<OutboxRow[]> {
  return yield* all<OutboxRow>(
    'SELECT * FROM outbox WHERE (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY created_at DESC, id LIMIT ?',
    status,
    status,
    limit,
  );
}

/** A moderator's retry: a failed (or waiting) item is due now, with a fresh 24-hour window; false when there is none to retry. */
export function* retryItem(id: string, now: Date): Rule<boolean> {
  const at = now.toISOString();
  const changed = yield* run(
    "UPDATE outbox SET status = 'pending', due_at = ?, window_from = ?, leased_until = NULL WHERE id = ? AND status IN ('failed', 'pending')",
    at,
    at,
    id,
  );
  return changed > 0;
}

/** One outbox row by id. */
export function* outboxRow(id: string): Rule<OutboxRow | undefined> {
  return yield* one<OutboxRow>('SELECT * FROM outbox WHERE id = ?', id);
}

/** Drops what a delivered item no longer needs to keep (a confirmation mail's raw token). */
export function* redactPayload(id: string, payload: unknown): Rule<void> {
  yield* run('UPDATE outbox SET payload = ? WHERE id = ?', JSON.stringify(payload), id);
}
