import type { ExternalModerator, ModerationSubject, Verdict } from '../domain/external-moderation.ts';
import { postSignedJson, type WebhookSigner } from './signed-webhook.ts';

/** Settings of `THREADLINE_MODERATION_WEBHOOK`. */
export interface ModerationWebhookOptions {
  url: string;
  signer: WebhookSigner;
  /** How long to wait for a verdict before holding the comment (`THREADLINE_MODERATION_WEBHOOK_TIMEOUT_MS`, 2000). */
  timeoutMs: number;
  /** Where failures are reported (they hold the comment). */
  log: (message: string) => void;
}

const VERDICTS: readonly Verdict[] = ['allow', 'hold', 'refuse'];

/**
 * External moderation (as Coral calls it): every new comment and every edit is POSTed, signed, to
 * the site's service, which answers `{"verdict": "allow" | "hold" | "refuse", "reason"?}`. No
 * answer in time, an error status or an unreadable answer holds the comment for a person.
 */
export function createModerationWebhook(options: ModerationWebhookOptions): ExternalModerator {
  return {
    async check(subject: ModerationSubject) {
      const { ip: _ip, userAgent: _ua, referrer: _ref, ...shared } = subject;
      const payload = {
        type: `comment.${subject.action === 'create' ? 'created' : 'edited'}`,
        timestamp: new Date().toISOString(),
        data: shared,
      };
      try {
        const res = await postSignedJson(options.url, options.signer, payload, options.timeoutMs);
        const answer = (await res.json().catch(() => null)) as { verdict?: unknown; reason?: unknown } | null;
        if (!res.ok || !answer || !VERDICTS.includes(answer.verdict as Verdict)) {
          options.log(`moderation webhook answered ${res.status} without a verdict; comment ${subject.comment.id} held`);
          return { verdict: 'hold' };
        }
        return {
          verdict: answer.verdict as Verdict,
          ...(typeof answer.reason === 'string' ? { reason: answer.reason.slice(0, 500) } : {}),
        };
      } catch (err) {
        options.log(`moderation webhook failed (${(err as Error).name}: ${(err as Error).message}); comment ${subject.comment.id} held`);
        return { verdict: 'hold' };
      }
    },
  };
}
