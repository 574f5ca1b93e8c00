import type { Anchor } from '../../../widget/src/protocol/types.ts';

/** What an external moderator says of a comment: let it in, hold it for a person, or refuse it. */
export type Verdict = 'allow' | 'hold' | 'refuse';

/** A new or edited comment as external moderators see it (emails and addresses included: they work for the site). */
export interface ModerationSubject {
  action: 'create' | 'edit';
  comment: {
    id: string;
    thread: string;
    parentId: string | null;
    author: { name: string | null; website: string | null };
    body: string;
    createdAt: string;
    anchor: Anchor | null;
  };
  thread: { key: string; title: string | null; url: string | null };
  email: string | null;
  ipHash: string;
  /** The raw address, user agent and referrer: Akismet needs them; the webhook gets the hash only. */
  ip: string;
  userAgent: string | null;
  referrer: string | null;
}

/** One external check (a moderation webhook, Akismet). */
export interface ExternalModerator {
  check(subject: ModerationSubject): Promise<{ verdict: Verdict; reason?: string }>;
}

/** Asks every moderator: any refusal refuses, else any hold holds. */
export function combineModerators(moderators: readonly ExternalModerator[]): ExternalModerator | null {
  if (moderators.length === 0) return null;
  return {
    async check(subject) {
      const answers = await Promise.all(moderators.map((m) => m.check(subject)));
      return answers.find((a) => a.verdict === 'refuse') ?? answers.find((a) => a.verdict === 'hold') ?? { verdict: 'allow' };
    },
  };
}
