import type { PostingContext } from '../domain/posting.ts';
import type { RateLimiter } from '../domain/rate-limit.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { ReadCache } from './read-cache.ts';

/** What the API routes share: the store, posting rules, limits and how to read client addresses. */
export interface ApiContext {
  store: CommentStore;
  posting: PostingContext;
  readCache: ReadCache;
  /** Votes per IP (hashed). */
  voteLimiter: RateLimiter;
  trustProxy: boolean;
  /** Seconds between SSE keep-alive comments. */
  heartbeatSeconds: number;
  /** Aborted at shutdown: live streams end, so their clients reconnect (to another instance). */
  closing: AbortSignal;
}
