import type { ServerFeatures } from '../../../widget/src/protocol/types.ts';
import type { Identity } from '../domain/identity.ts';
import type { PostingContext } from '../domain/posting.ts';
import type { RateLimiter } from '../domain/rate-limit.ts';
import type { ReportingOptions } from '../domain/reporting.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { ReadCache } from './read-cache.ts';
import type { StreamSlots } from './stream-slots.ts';

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
  /** Places for live streams, per client address and server-wide. */
  streams: StreamSlots;
  /** What the server offers beyond the basics, announced with every thread read. */
  features: ServerFeatures;
  /** Base of every absolute URL the server writes (`THREADLINE_PUBLIC_URL`), never taken from request headers. */
  publicUrl: string;
  /** Verifies a sign-in token (site SSO or the server's own, after OpenID); null when sign-in is not configured. Rejects with `401 invalid_token`. */
  verifyToken: ((token: string) => Promise<Identity>) | null;
  /** Aborted at shutdown: live streams end, so their clients reconnect (to another instance). */
  closing: AbortSignal;
  /** Reader reports: the threshold that holds a comment, and the hook told when one is held. */
  reporting: ReportingOptions;
}
