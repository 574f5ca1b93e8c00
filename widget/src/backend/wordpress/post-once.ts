import { isBackendError } from '../backend-error.ts';
import { COMMENT_FIELDS, comparableText, type WordPressComment } from './comments.ts';
import type { RestClient } from './rest-client.ts';

/** What WordPress is sent for a new comment. */
export interface NewComment {
  post: number;
  parent: number;
  content: string;
  author_name: string;
  author_email: string;
  author_url: string;
  /** Read by the threadline plugin only (stored as comment meta). */
  threadline_anchor?: string;
}

/** The answer to a post: the comment as WordPress stored it, or `held` when it landed unseen. */
export type PostOutcome = { comment: WordPressComment } | { held: true };

/** Options of postOnce. */
export interface PostOnceOptions {
  /** Attempts after the first when an attempt's fate is unknown (timeout, network, 5xx). Default 3. */
  retries?: number;
  /** Milliseconds before the first retry, doubled each time. Default 1000. */
  backoffMs?: number;
}

/** A failure after which the comment may or may not be stored. */
const isUncertain = (err: unknown) =>
  isBackendError(err) && (err.code === 'timeout' || err.code === 'network' || err.code === 'server_error' || err.code === 'bad_response');

/**
 * Posts a comment at most once. WordPress has no idempotency key, so before each new attempt
 * after one whose fate is unknown, the post's comments are searched for it (by the author's
 * email, then text and time); and a `comment_duplicate` answer to such a retry means the first
 * attempt was stored but is held for moderation (which a visitor cannot list).
 * `attempts` remembers unknown fates per idempotency key across calls (the reader pressing
 * "Post" again after a failure).
 */
export function createPostOnce(rest: RestClient, options: PostOnceOptions = {}) {
  const uncertain = new Map<string, number>();
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 1000;

  /** The comment, if an earlier attempt stored it and WordPress shows it. */
  async function findLanded(request: NewComment, since: number): Promise<WordPressComment | null> {
    // `after` compares the site's local time: a day either side covers every time zone.
    const { items } = await rest.list<WordPressComment>('wp/v2/comments', {
      post: request.post,
      search: request.author_email || request.author_name || undefined,
      after: new Date(since - 86_400_000).toISOString().slice(0, 19),
      per_page: 20,
      order: 'desc',
      _fields: COMMENT_FIELDS,
    });
    // WordPress refuses the same author's same words on a post twice, so a match can only be ours
    // (no clock comparison: the reader's clock may be off).
    const text = comparableText(request.content);
    return (
      items.find(
        (c) => c.parent === request.parent && c.author_name === request.author_name && comparableText(c.content.rendered) === text,
      ) ?? null
    );
  }

  return async function postOnce(request: NewComment, key: string): Promise<PostOutcome> {
    for (let attempt = 0; ; attempt++) {
      const since = uncertain.get(key);
      if (since !== undefined) {
        const landed = await findLanded(request, since);
        if (landed) {
          uncertain.delete(key);
          return { comment: landed };
        }
      }
      try {
        const comment = await rest.post<WordPressComment>('wp/v2/comments', { ...request });
        uncertain.delete(key);
        return { comment };
      } catch (err) {
        if (since !== undefined && isBackendError(err) && err.code === 'duplicate') {
          uncertain.delete(key);
          return { held: true };
        }
        if (!isUncertain(err)) throw err;
        if (since === undefined) uncertain.set(key, Date.now());
        if (attempt >= retries) throw err;
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
      }
    }
  };
}
