import type { ExternalModerator, ModerationSubject } from '../domain/external-moderation.ts';

/** Settings of the built-in Akismet check. */
export interface AkismetOptions {
  /** `THREADLINE_AKISMET_KEY`. */
  key: string;
  /** `THREADLINE_AKISMET_URL` (default https://rest.akismet.com): Akismet or a compatible service. */
  url: string;
  /** The site, as Akismet's `blog` (the server's public URL). */
  blog: string;
  timeoutMs: number;
  log: (message: string) => void;
}

/**
 * Asks Akismet's `comment-check` about each new comment and edit: spam (`true`) is held for a
 * moderator, never refused outright (Akismet is sometimes wrong). The key goes in the form body
 * as `api_key`, never in a key subdomain, so any compatible service works. Failures hold too.
 */
export function createAkismet(options: AkismetOptions): ExternalModerator {
  const endpoint = `${options.url.replace(/\/+$/, '')}/1.1/comment-check`;
  return {
    async check(s: ModerationSubject) {
      const form = new URLSearchParams({
        api_key: options.key,
        blog: options.blog,
        user_ip: s.ip,
        user_agent: s.userAgent ?? '',
        referrer: s.referrer ?? '',
        permalink: s.thread.url ?? '',
        comment_type: s.comment.parentId ? 'reply' : 'comment',
        comment_author: s.comment.author.name ?? '',
        comment_author_email: s.email ?? '',
        comment_author_url: s.comment.author.website ?? '',
        comment_content: s.comment.body,
        comment_date_gmt: s.comment.createdAt,
        ...(s.action === 'edit' ? { recheck_reason: 'edit' } : {}),
      });
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'threadline | Akismet/1.1' },
          body: form,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const text = (await res.text()).trim();
        if (res.ok && text === 'false') return { verdict: 'allow' };
        if (res.ok && text === 'true') return { verdict: 'hold', reason: 'akismet: spam' };
        options.log(
          `akismet answered ${res.status} ${res.headers.get('x-akismet-debug-help') ?? text.slice(0, 80)}; comment ${s.comment.id} held`,
        );
      } catch (err) {
        options.log(`akismet failed (${(err as Error).message}); comment ${s.comment.id} held`);
      }
      return { verdict: 'hold', reason: 'akismet: no answer' };
    },
  };
}
