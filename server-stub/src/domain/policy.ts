import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { NewCommentInput } from './validation.ts';

/** How comments are let in: `open`, every comment held for a moderator, or first-time authors and comments with links held. */
export type ModerationMode = 'open' | 'all' | 'first-time-and-links';

/** A site's rules for new comments (env names in config.ts). */
export interface PostingPolicy {
  moderation: ModerationMode;
  /** Links allowed in one comment. */
  maxLinks: number;
  /** Deepest reply allowed (top level is 0). */
  maxDepth: number;
  /** Words (whole, case-insensitive) that refuse a comment. */
  bannedWords: readonly string[];
  /** Hosts (and their subdomains) that may not be linked. */
  bannedLinks: readonly string[];
  /** A post sent sooner than this after its form appeared is a bot's (0: off). */
  minSubmitMs: number;
  postsPerIp: RateLimiter;
  postsPerThread: RateLimiter;
  /** Loopback clients (tests, a local proxy without THREADLINE_TRUST_PROXY) skip the per-IP limit. */
  limitLoopback: boolean;
}

const URLS = /\bhttps?:\/\/[^\s<>()"'`\]]+|\bmailto:[^\s<>()"'`\]]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s<>()"'`\]]*/gi;

/** Links in a text (bare URLs, Markdown links, mailto). */
export function findLinks(text: string): string[] {
  return text.match(URLS) ?? [];
}

const hostOf = (link: string) => {
  try {
    return new URL(/^www\./i.test(link) ? `http://${link}` : link).hostname.toLowerCase();
  } catch {
    return '';
  }
};

const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.') || ip === 'unknown';

/** Throws the 4xx that refuses a post before it is stored, or decides whether it is published or held. */
export async function admit(
  store: CommentStore,
  policy: PostingPolicy,
  input: NewCommentInput,
  who: { ip: string; ipHash: string },
): Promise<'published' | 'pending'> {
  if (await store.isBanned(who.ipHash, input.authorEmail)) {
    throw new HttpError(403, 'banned', 'This site no longer accepts comments from you.');
  }
  if (await store.isThreadLocked(input.thread)) {
    throw new HttpError(403, 'thread_locked', 'This discussion is closed to new comments.');
  }
  if (input.honeypot) throw new HttpError(422, 'spam_suspected', 'This comment looks automated and was not posted.');
  if (policy.minSubmitMs > 0 && input.elapsedMs !== null && input.elapsedMs < policy.minSubmitMs) {
    throw new HttpError(422, 'spam_suspected', 'That was sent faster than anyone can write; please try again.');
  }
  const bodyLinks = findLinks(input.body);
  const links = input.authorWebsite ? [...bodyLinks, input.authorWebsite] : bodyLinks;
  if (bodyLinks.length > policy.maxLinks) {
    throw new HttpError(422, 'too_many_links', `A comment may contain at most ${policy.maxLinks} links.`, 'body');
  }
  const banned = new Set(policy.bannedLinks.map((h) => h.toLowerCase()));
  if (links.some((l) => [...banned].some((h) => hostOf(l) === h || hostOf(l).endsWith(`.${h}`)))) {
    throw new HttpError(422, 'banned_content', 'This comment links to a site that is not accepted here.', 'body');
  }
  const words = `${input.body} ${input.authorName ?? ''}`.normalize('NFKC').toLowerCase();
  if (
    policy.bannedWords.some((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(words))
  ) {
    throw new HttpError(422, 'banned_content', 'This comment contains words this site does not accept.', 'body');
  }
  if (input.parentId !== null) {
    let depth = 1;
    for (let p = (await store.findComment(input.parentId))?.comment.parentId; p; p = (await store.findComment(p))?.comment.parentId) {
      if (++depth > policy.maxDepth)
        throw new HttpError(422, 'too_deep', 'This conversation is nested too deeply to reply here.', 'parentId');
    }
  }
  // Limits last, so refused posts above do not use up a person's allowance.
  const limited = (policy.limitLoopback || !isLoopback(who.ip) ? policy.postsPerIp.take(who.ipHash) : { ok: true as const }) as ReturnType<
    RateLimiter['take']
  >;
  const perThread = limited.ok ? policy.postsPerThread.take(input.thread) : limited;
  if (!perThread.ok) {
    const wait = perThread.retryAfterSeconds;
    throw new HttpError(429, 'rate_limited', `Too many comments; try again in ${wait} s.`, undefined, wait);
  }
  if (policy.moderation === 'all') return 'pending';
  if (policy.moderation === 'first-time-and-links') {
    if (links.length > 0) return 'pending';
    if (!(await store.hasPublishedFrom(input.authorEmail, who.ipHash))) return 'pending';
  }
  return 'published';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
