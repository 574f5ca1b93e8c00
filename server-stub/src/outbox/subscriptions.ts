import { createHash, randomBytes } from 'node:crypto';
import { all, one, type Rule, run } from '../store/sql-steps.ts';
import { enqueue } from './outbox-steps.ts';

/** How long a confirmation link works. */
export const CONFIRM_VALID_MS = 7 * 24 * 60 * 60_000;
/** At most one confirmation mail per address in this time. */
export const CONFIRM_EVERY_MS = 60 * 60_000;

/** What a reader asked for when posting: replies to this comment, or every new comment in the thread. */
export type NotifyMode = 'replies' | 'thread';

/** A subscription with its address's stop-all token, as the sender needs it. */
export interface SubscriptionRow {
  id: string;
  email: string;
  thread_key: string;
  comment_id: string;
  lang: string;
  stop_token: string;
  confirmed_at: string | null;
}

const token = () => randomBytes(18).toString('base64url');
/** Confirmation tokens are kept only as hashes (the raw token is in the mail alone, and in its outbox item until sent). */
export const hashNotifyToken = (t: string): string => createHash('sha256').update(t).digest('hex');

/**
 * Records a subscription of `email` and, while the address is unconfirmed, enqueues one
 * confirmation mail (none if one went out within the hour). A confirmed address needs none.
 */
export function* subscribe(
  email: string,
  thread: string,
  commentId: string | null,
  lang: string,
  now: Date,
): Rule<{ subscriptionId: string; confirmationQueued: boolean }> {
  const at = now.toISOString();
  const address = email.toLowerCase();
  yield* run(
    'INSERT INTO notify_addresses (email, stop_token, created_at) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING',
    address,
    token(),
    at,
  );
  const { id } = (yield* one<{ id: string }>(
    `INSERT INTO subscriptions (id, email, thread_key, comment_id, lang, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (email, thread_key, comment_id) DO UPDATE SET lang = excluded.lang RETURNING id`,
    token(),
    address,
    thread,
    commentId ?? '',
    lang,
    at,
  ))!;
  const state = (yield* one<{ confirmed_at: string | null; confirm_sent_at: string | null }>(
    'SELECT confirmed_at, confirm_sent_at FROM notify_addresses WHERE email = ?',
    address,
  ))!;
  if (state.confirmed_at || (state.confirm_sent_at && Date.parse(state.confirm_sent_at) > now.getTime() - CONFIRM_EVERY_MS)) {
    return { subscriptionId: id, confirmationQueued: false };
  }
  const raw = token();
  yield* run(
    'UPDATE notify_addresses SET token_hash = ?, token_expires_at = ?, confirm_sent_at = ? WHERE email = ?',
    hashNotifyToken(raw),
    new Date(now.getTime() + CONFIRM_VALID_MS).toISOString(),
    at,
    address,
  );
  yield* enqueue({ kind: 'confirm', target: address, payload: { token: raw, lang, thread } }, now);
  return { subscriptionId: id, confirmationQueued: true };
}

/** Confirms the address a link's token belongs to (single use, within 7 days); false for an unknown, used or expired token. */
export function* confirmAddress(raw: string, now: Date): Rule<boolean> {
  const changed = yield* run(
    'UPDATE notify_addresses SET confirmed_at = ?, token_hash = NULL WHERE token_hash = ? AND token_expires_at > ?',
    now.toISOString(),
    hashNotifyToken(raw),
    now.toISOString(),
  );
  return changed > 0;
}

/**
 * The confirmed subscribers a newly published comment concerns: those following its parent's
 * replies, and those following the whole thread; one subscription per address (replies first),
 * never the comment's own author.
 */
export function* replyRecipients(thread: string, parentId: string | null, authorEmail: string | null): Rule<SubscriptionRow[]> {
  const rows = yield* all<SubscriptionRow>(
    `SELECT s.*, a.stop_token, a.confirmed_at FROM subscriptions s JOIN notify_addresses a ON a.email = s.email
     WHERE a.confirmed_at IS NOT NULL AND s.thread_key = ? AND (s.comment_id = '' OR s.comment_id = ?) AND s.email <> ?
     ORDER BY s.comment_id DESC, s.id`,
    thread,
    parentId ?? '',
    (authorEmail ?? '').toLowerCase(),
  );
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.email) && seen.add(r.email));
}

/** One subscription with its address (null once unsubscribed). */
export function* findSubscription(id: string): Rule<SubscriptionRow | undefined> {
  return yield* one<SubscriptionRow>(
    'SELECT s.*, a.stop_token, a.confirmed_at FROM subscriptions s JOIN notify_addresses a ON a.email = s.email WHERE s.id = ?',
    id,
  );
}

/** Ends one subscription (the mail's List-Unsubscribe); true when there was one. */
export function* unsubscribe(id: string): Rule<boolean> {
  return (yield* run('DELETE FROM subscriptions WHERE id = ?', id)) > 0;
}

/** Ends every subscription of the address a stop-all token belongs to; true when the token is known. */
export function* stopAll(stopToken: string): Rule<boolean> {
  const address = yield* one<{ email: string }>('SELECT email FROM notify_addresses WHERE stop_token = ?', stopToken);
  if (!address) return false;
  yield* run('DELETE FROM subscriptions WHERE email = ?', address.email);
  return true;
}
