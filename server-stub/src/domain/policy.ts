import { HttpError } from '../http/http-error.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { type AutoClose, closingOf } from './closing.ts';
import type { RateLimiter } from './rate-limit.ts';

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

/** Who is writing: the address (for limits and external checks) and its salted hash (for bans and moderation). */
export interface Writer {
  ip: string;
  ipHash: string;
  /** Sent to external spam checks only. */
  userAgent?: string | undefined;
  referrer?: string | undefined;
  /** The writer's email as a sign-in provider confirmed it (a typed-in email proves nothing); trust keys on it. */
  confirmedEmail?: string | undefined;
}

/** What the content rules look at: the text and the author's name and website. */
export interface WrittenContent {
  body: string;
  authorName: string | null;
  authorWebsite: string | null;
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

/** True for the machine's own addresses (and in-process requests, which have none). */
export const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.') || ip === 'unknown';

/** Refuses a writer whose address or email a moderator banned. */
export async function refuseBanned(store: CommentStore, ipHash: string, email: string | null): Promise<void> {
  if (await store.isBanned(ipHash, email)) throw new HttpError(403, 'banned', 'This site no longer accepts comments from you.');
}

/** Refuses a write to a thread the site closed (a moderator's lock, or auto-closing). */
export async function refuseLocked(store: CommentStore, autoClose: AutoClose, thread: string): Promise<void> {
  if ((await closingOf(store, autoClose, thread)).locked)
    throw new HttpError(403, 'thread_locked', 'This discussion is closed to new comments.');
}

/** Applies the content rules (links per comment, banned hosts and words); resolves with every link found. */
export function checkContent(policy: PostingPolicy, content: WrittenContent): string[] {
  const bodyLinks = findLinks(content.body);
  const links = content.authorWebsite ? [...bodyLinks, content.authorWebsite] : bodyLinks;
  if (bodyLinks.length > policy.maxLinks) {
    throw new HttpError(422, 'too_many_links', `A comment may contain at most ${policy.maxLinks} links.`, 'body');
  }
  const banned = policy.bannedLinks.map((h) => h.toLowerCase());
  if (links.some((l) => banned.some((h) => hostOf(l) === h || hostOf(l).endsWith(`.${h}`)))) {
    throw new HttpError(422, 'banned_content', 'This comment links to a site that is not accepted here.', 'body');
  }
  const words = `${content.body} ${content.authorName ?? ''}`.normalize('NFKC').toLowerCase();
  if (
    policy.bannedWords.some((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(words))
  ) {
    throw new HttpError(422, 'banned_content', 'This comment contains words this site does not accept.', 'body');
  }
  return links;
}

/** Takes one write from the writer's and the thread's allowance, or refuses with 429. */
export function takeAllowance(policy: PostingPolicy, who: Writer, thread: string): void {
  const limited = policy.limitLoopback || !isLoopback(who.ip) ? policy.postsPerIp.take(who.ipHash) : ({ ok: true } as const);
  const perThread = limited.ok ? policy.postsPerThread.take(thread) : limited;
  if (!perThread.ok) {
    const wait = perThread.retryAfterSeconds;
    throw new HttpError(429, 'rate_limited', `Too many comments; try again in ${wait} s.`, undefined, wait);
  }
}

/** Whether the site's moderation mode holds this text (its links counted) from this author. */
export async function statusByMode(
  store: CommentStore,
  policy: PostingPolicy,
  links: readonly string[],
  email: string | null,
  ipHash: string,
): Promise<'published' | 'pending'> {
  if (policy.moderation === 'all') return 'pending';
  if (policy.moderation === 'first-time-and-links') {
    if (links.length > 0) return 'pending';
    if (!(await store.hasPublishedFrom(email, ipHash))) return 'pending';
  }
  return 'published';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
