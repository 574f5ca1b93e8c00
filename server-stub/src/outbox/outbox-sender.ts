import type { Transporter } from 'nodemailer';
import type { Comment } from '../../../widget/src/protocol/types.ts';
import { postSignedJson, type WebhookSigner } from '../outbound/signed-webhook.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { type RenderedMail, renderAlertMail, renderConfirmMail, renderReplyMail } from './mail-render.ts';
import type { NotifySettings } from './notify-settings.ts';
import { threadOf } from './outbox-plan.ts';
import { claimDue, markDone, markFailed, pruneDone, redactPayload } from './outbox-queue.ts';
import type { OutboxRow } from './outbox-steps.ts';
import { findSubscription } from './subscriptions.ts';

/** What the sender needs: the store, the settings, and how to reach the outside. */
export interface OutboxSenderOptions {
  store: CommentStore;
  settings: NotifySettings;
  /** `THREADLINE_PUBLIC_URL`: links in mails start with it. */
  publicUrl: string;
  signer: WebhookSigner;
  now?: () => Date;
  /** How long a claimed item is this sender's alone (default 5 min; longer than any delivery may take). */
  leaseMs?: number;
  /** First retry delay, doubled each time (default 30 s). */
  retryBaseMs?: number;
  /** Where failed attempts are reported. */
  log?: (message: string) => void;
}

/** The background sender: claims due outbox items, delivers them, records the outcome. */
export interface OutboxSender {
  /** One round: claims what is due and delivers it; resolves with how many items it handled. */
  runOnce(): Promise<number>;
  /** Runs a round every `intervalMs` (default 1000) until `stop()`. */
  start(intervalMs?: number): void;
  /** Stops the rounds and waits for the one in flight. */
  stop(): Promise<void>;
}

/** A failure that retrying will not fix (a mail server's 5xx answer). */
class PermanentError extends Error {}
/** Not failed, not sent: nothing left to say (unsubscribed, or the replies were deleted meanwhile). */
class NothingToSend extends Error {}

/** Creates the sender; nothing is sent until `start()` or `runOnce()`. */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { store, settings, publicUrl, signer } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => console.error(`[threadline] ${m}`));
  // Timeouts well inside the lease (nodemailer's idle default is 10 min): a hung mail server must not
  // outlast this sender's claim, or another instance could send the same mail.
  // nodemailer loads with the first mail, not at every server start.
  let transport: Promise<Transporter> | null = null;
  const transportFor = (smtpUrl: string) =>
    (transport ??= import('nodemailer').then((m) =>
      m.default.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }),
    ));

  const mail = async (to: string, m: RenderedMail) => {
    if (!settings.mail) throw new PermanentError('mail is not configured (THREADLINE_SMTP_URL, THREADLINE_MAIL_FROM)');
    try {
      await (await transportFor(settings.mail.smtpUrl)).sendMail({
        from: settings.mail.from,
        to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: m.headers,
      });
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      throw code && code >= 500 ? new PermanentError((err as Error).message) : err;
    }
  };

  const published = async (ids: readonly string[]): Promise<Comment[]> => {
    const found = await Promise.all(ids.map((id) => store.findComment(id)));
    return found.flatMap((f) => (f && f.comment.status === 'published' ? [f.comment] : []));
  };

  /** Delivers one item, or a batch of reply items for one subscription, as one message. */
  async function deliver(group: readonly OutboxRow[]): Promise<void> {
    const first = group[0]!;
    const payload = JSON.parse(first.payload) as Record<string, unknown>;
    switch (first.kind) {
      case 'reply': {
        const sub = await store.runRule(findSubscription(String(payload.subscription)));
        // Only confirmed addresses were enqueued (replyRecipients); gone means unsubscribed since.
        if (!sub) throw new NothingToSend('unsubscribed');
        const replies = await published(group.map((r) => String((JSON.parse(r.payload) as { comment: string }).comment)));
        if (!replies.length) throw new NothingToSend('the replies are no longer published');
        const thread = await store.runRule(threadOf(sub.thread_key));
        const unsubscribeUrl = `${publicUrl}/api/notify/unsubscribe?token=${encodeURIComponent(sub.id)}&lang=${sub.lang}`;
        const stopAllUrl = `${publicUrl}/api/notify/stop?token=${encodeURIComponent(sub.stop_token)}&lang=${sub.lang}`;
        return mail(sub.email, renderReplyMail({ lang: sub.lang, thread, replies, unsubscribeUrl, stopAllUrl, publicUrl }));
      }
      case 'confirm': {
        const thread = await store.runRule(threadOf(String(payload.thread)));
        const confirmUrl = `${publicUrl}/api/notify/confirm?token=${encodeURIComponent(String(payload.token))}&lang=${encodeURIComponent(String(payload.lang))}`;
        await mail(first.target, renderConfirmMail({ lang: String(payload.lang), thread, confirmUrl }));
        return store.runRule(redactPayload(first.id, { ...payload, token: null }));
      }
      case 'alert': {
        const found = await store.findComment(String(payload.comment));
        if (!found) throw new NothingToSend('the comment was deleted');
        const thread = await store.runRule(threadOf(found.comment.thread));
        const alert = payload.alert as 'pending' | 'created' | 'flagged';
        const reason = typeof payload.reason === 'string' ? payload.reason : null;
        const { comment, authorEmail: email, ipHash } = found;
        return mail(first.target, renderAlertMail({ alert, reason, comment, email, ipHash, thread, publicUrl }));
      }
      case 'webhook': {
        // The outbox id is the webhook-id: the same for every retry, so receivers can drop repeats.
        const res = await postSignedJson(first.target, signer, payload, 10_000, first.id, now());
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return;
      }
      case 'slack': {
        const res = await fetch(first.target, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: first.payload,
          redirect: 'error',
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return;
      }
    }
  }

  // Done items are pruned once an hour, not every second: the delete scans what a month collected.
  let prunedAt = Number.NEGATIVE_INFINITY;
  async function runOnce(): Promise<number> {
    const at = now();
    if (at.getTime() - prunedAt >= 60 * 60_000) {
      prunedAt = at.getTime();
      await store.runRule(pruneDone(at));
    }
    const rows = await store.runRule(claimDue(now(), options.leaseMs ?? 5 * 60_000, 50));
    const groups = new Map<string, OutboxRow[]>();
    for (const r of rows) {
      const key = r.batch_key ?? r.id;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const group of groups.values()) {
      try {
        await deliver(group);
        for (const r of group) await store.runRule(markDone(r.id, 'sent', now()));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        for (const r of group) {
          if (err instanceof NothingToSend) await store.runRule(markDone(r.id, 'skipped', now(), message));
          else {
            const status = await store.runRule(markFailed(r, message, now(), err instanceof PermanentError, options.retryBaseMs));
            log(
              `outbox ${r.kind} ${r.id} to ${r.kind === 'webhook' || r.kind === 'slack' ? r.target : 'an address'}: ${message} (${status})`,
            );
          }
        }
      }
    }
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  let running = false;
  return {
    runOnce,
    start(intervalMs = 1000) {
      running = true;
      const tick = () => {
        round = runOnce()
          .catch((err: unknown) => log(`outbox round failed: ${(err as Error).message}`))
          .finally(() => {
            if (running) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await round;
      (await transport?.catch(() => null))?.close();
    },
  };
}
