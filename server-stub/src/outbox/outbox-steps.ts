import { randomBytes } from 'node:crypto';
import { one, type Rule, run } from '../store/sql-steps.ts';

/**
 * What the outbox holds: `reply` (a reply mail, batched per subscription), `confirm` (a double
 * opt-in mail), `alert` (a mail to the site owner), `webhook` (a signed event), `slack` (a chat message).
 */
export type OutboxKind = 'reply' | 'confirm' | 'alert' | 'webhook' | 'slack';

/** Where an outbox item stands: waiting (or being sent), delivered, given up, or dropped as no longer wanted. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** One item to deliver, as a write rule enqueues it. */
export interface OutboxItem {
  kind: OutboxKind;
  /** An email address or a URL. */
  target: string;
  /** What the sender needs to build the message (JSON). */
  payload: unknown;
  /** Items with the same key that are due together go out as one message (reply batching). */
  batchKey?: string | null;
  /** ISO time it is due; now when absent. */
  dueAt?: string;
}

/** An outbox row as stored. */
export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  target: string;
  payload: string;
  batch_key: string | null;
  status: OutboxStatus;
  attempts: number | string;
  created_at: string;
  window_from: string;
  due_at: string;
  leased_until: string | null;
  sent_at: string | null;
  last_error: string | null;
}

/** A new outbox id; it doubles as the `webhook-id`, the same for every retry of one event (`msg_…`). */
export const newOutboxId = (): string => `msg_${randomBytes(12).toString('base64url')}`;

/**
 * Enqueues one item inside the current write: it is stored (and later sent) only if the write
 * commits, and it is stored for sure once the write has (so a crash after the answer loses nothing).
 * Usable from any write rule: `yield* enqueue({ kind: 'alert', target, payload })`.
 */
export function* enqueue(item: OutboxItem, now: Date = new Date()): Rule<string> {
  const id = newOutboxId();
  const at = now.toISOString();
  yield* run(
    `INSERT INTO outbox (id, kind, target, payload, batch_key, status, attempts, created_at, window_from, due_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    id,
    item.kind,
    item.target,
    JSON.stringify(item.payload),
    item.batchKey ?? null,
    at,
    at,
    item.dueAt ?? at,
  );
  return id;
}

/** When a batch already waiting for this key is due (a new item joins it), if one is. */
export function* pendingBatchDue(batchKey: string): Rule<string | undefined> {
  const row = yield* one<{ due_at: string }>(
    "SELECT MIN(due_at) AS due_at FROM outbox WHERE batch_key = ? AND status = 'pending' AND leased_until IS NULL",
    batchKey,
  );
  return row?.due_at ?? undefined;
}
