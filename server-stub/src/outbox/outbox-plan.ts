import type { Comment } from '../../../widget/src/protocol/types.ts';
import { one, type Rule } from '../store/sql-steps.ts';
import type { NotifySettings } from './notify-settings.ts';
import { enqueue, pendingBatchDue } from './outbox-steps.ts';
import { slackText } from './slack-text.ts';
import { type NotifyMode, replyRecipients, subscribe } from './subscriptions.ts';

/** The events signed webhooks receive. */
export type WebhookEventType = 'comment.created' | 'comment.pending' | 'comment.approved' | 'comment.edited' | 'comment.deleted';

/**
 * Something a write did that someone may want to hear of. `comment.flagged` (a reader's report,
 * issue 16) alerts the owner whatever `THREADLINE_ALERT_ON` says, with `reason`.
 */
export interface Happening {
  type: WebhookEventType | 'comment.flagged';
  comment: Comment;
  /** The author's email and IP hash: for the owner's alert mail and signed webhooks only. */
  email: string | null;
  ipHash: string | null;
  /** What the author asked for when posting (`notify`, `lang`). */
  notify?: { mode: NotifyMode; lang: string } | null;
  reason?: string;
}

/** Turns what writes do into outbox items, inside their transaction. Write rules call `happened`. */
export interface OutboxPlan {
  happened(h: Happening): Rule<void>;
}

/** A plan that enqueues nothing (no settings, imports). */
export const NO_OUTBOX: OutboxPlan = {
  *happened() {},
};

/** The thread a comment belongs to, as events and mails name it. */
export function* threadOf(key: string): Rule<{ key: string; title: string | null; url: string | null }> {
  const t = yield* one<{ key: string; title: string | null; url: string | null }>('SELECT key, title, url FROM threads WHERE key = ?', key);
  return t ?? { key, title: null, url: null };
}

/** The outbox plan for these settings; `now` is the server's clock. */
export function createOutboxPlan(settings: NotifySettings, now: () => Date = () => new Date()): OutboxPlan {
  function* replyMails(h: Happening, at: Date): Rule<void> {
    const recipients = yield* replyRecipients(h.comment.thread, h.comment.parentId, h.email);
    for (const r of recipients) {
      // Batching: a reply joins the mail already waiting for this subscription, else starts one.
      const batchKey = settings.batchMinutes > 0 ? `reply:${r.id}` : null;
      const waiting = batchKey ? yield* pendingBatchDue(batchKey) : undefined;
      const dueAt = waiting ?? new Date(at.getTime() + settings.batchMinutes * 60_000).toISOString();
      yield* enqueue({ kind: 'reply', target: r.email, payload: { subscription: r.id, comment: h.comment.id }, batchKey, dueAt }, at);
    }
  }

  return {
    *happened(h) {
      const at = now();
      const { comment } = h;
      if (settings.mail && h.notify && h.email && h.type !== 'comment.flagged') {
        yield* subscribe(h.email, comment.thread, h.notify.mode === 'replies' ? comment.id : null, h.notify.lang, at);
      }
      const published = h.type === 'comment.created' || h.type === 'comment.approved';
      if (settings.mail && published) yield* replyMails(h, at);
      const alert =
        h.type === 'comment.flagged' || h.type === 'comment.pending' || (settings.alertOn === 'all' && h.type === 'comment.created');
      if (settings.mail && alert) {
        const kind = h.type === 'comment.flagged' ? 'flagged' : h.type === 'comment.pending' ? 'pending' : 'created';
        for (const to of settings.alertEmails) {
          yield* enqueue({ kind: 'alert', target: to, payload: { comment: comment.id, alert: kind, reason: h.reason ?? null } }, at);
        }
      }
      if (h.type === 'comment.flagged') return;
      const thread = settings.webhookUrls.length || settings.slackUrl ? yield* threadOf(comment.thread) : null;
      for (const url of settings.webhookUrls) {
        const data = { comment, thread, email: h.email, ipHash: h.ipHash };
        yield* enqueue({ kind: 'webhook', target: url, payload: { type: h.type, timestamp: at.toISOString(), data } }, at);
      }
      if (settings.slackUrl && h.type === 'comment.pending' && thread) {
        yield* enqueue({ kind: 'slack', target: settings.slackUrl, payload: { text: slackText(comment, thread) } }, at);
      }
    },
  };
}
