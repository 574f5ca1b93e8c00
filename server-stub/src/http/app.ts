import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { IdentityMode } from '../../../widget/src/protocol/types.ts';
import { createOidcClient, type OidcSettings } from '../auth/oidc-client.ts';
import { ownTokenKey } from '../auth/own-token.ts';
import { createTokenVerifier, MAX_TOKEN_SECONDS, type SsoSettings } from '../auth/token-verifier.ts';
import { combineModerators, type ExternalModerator } from '../domain/external-moderation.ts';
import type { PostingPolicy } from '../domain/policy.ts';
import { createProofOfWork } from '../domain/proof-of-work.ts';
import { createRateLimiter } from '../domain/rate-limit.ts';
import { createAkismet } from '../outbound/akismet.ts';
import { createModerationWebhook } from '../outbound/moderation-webhook.ts';
import { createWebhookSigner } from '../outbound/signed-webhook.ts';
import { isNotifyOn, NO_NOTIFY, type NotifySettings } from '../outbox/notify-settings.ts';
import { createOutboxPlan } from '../outbox/outbox-plan.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { accessLog, type Logger } from './access-log.ts';
import { adminPage } from './admin-page.ts';
import { adminRoutes } from './admin-routes.ts';
import type { ApiContext } from './api-context.ts';
import { commentRoutes } from './comment-routes.ts';
import { apiCors } from './cors.ts';
import { embedRoutes } from './embed-routes.ts';
import { eventsRoute } from './events-route.ts';
import { feedRoutes } from './feed-routes.ts';
import { HttpError, isHttpError } from './http-error.ts';
import { notifyRoutes } from './notify-routes.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { createReadCache } from './read-cache.ts';
import { reportRoutes } from './report-routes.ts';
import { createStreamSlots } from './stream-slots.ts';
import { anchorsRoutes, countsRoutes, threadRoutes } from './thread-routes.ts';

/** What the HTTP app needs from its host process. */
export interface AppOptions {
  store: CommentStore;
  /** Site origins allowed to call the API from a browser. */
  origins: readonly string[];
  /** Folder holding the built `embed.js` and `threadline.js`. */
  distDir: string;
  /** Secret for edit tokens and IP hashes (see edit-token.ts). Default: a fixed test value. */
  secret?: string;
  /** How long after posting an author may edit or delete (default 15 minutes). */
  editWindowMs?: number;
  /** Thread reads kept in memory (default 500; 0 turns the cache off). */
  readCacheEntries?: number;
  /** Votes allowed per IP: a burst of `burst`, then `perMinute` (defaults 60 and 30). */
  voteLimit?: { burst: number; perMinute: number };
  /** Posts allowed per IP (default 20 at once, then 6 a minute) and per thread (300, then 120 a minute). */
  postLimit?: { perIp: { burst: number; perMinute: number }; perThread: { burst: number; perMinute: number }; limitLoopback?: boolean };
  /** The site's rules for new comments; see PostingPolicy for each field's meaning. */
  policy?: Partial<Pick<PostingPolicy, 'moderation' | 'maxLinks' | 'maxDepth' | 'bannedWords' | 'bannedLinks' | 'minSubmitMs'>>;
  /** Token for the admin API and feeds; without one they are switched off. */
  adminToken?: string | undefined;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Seconds between SSE keep-alives (default 25). */
  heartbeatSeconds?: number;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Where unexpected errors are reported (default: console.error). */
  logError?: (err: unknown) => void;
  /** Where request log lines go (default: nowhere; the CLI logs JSON lines to stdout). */
  log?: Logger;
  /** Aborted when the server shuts down: live streams end so clients reconnect elsewhere. */
  closing?: AbortSignal;
  /** The server's public base URL (`THREADLINE_PUBLIC_URL`); every absolute URL it writes starts with it. Default http://127.0.0.1:8787. */
  publicUrl?: string;
  /** Open live streams allowed per client address (default 16) and in all (default 5,000). */
  streams?: { perIp: number; max: number };
  /** New votes one address may give one comment per 24 h (default 3; 0: no cap). */
  votesPerIp?: number;
  /** Proof of work on new comments (`THREADLINE_POW=1`); `maxNumber` sets the work (default 50,000). */
  pow?: boolean | { maxNumber: number };
  /** External moderation: a signed webhook asked for a verdict on every new comment and edit. */
  moderationWebhook?: { url: string; timeoutMs?: number } | undefined;
  /** Signs outgoing webhooks (Standard Webhooks); `whsec_…` (base64) or any string. */
  webhookSecret?: string | undefined;
  /** Built-in Akismet check (`THREADLINE_AKISMET_KEY`, `THREADLINE_AKISMET_URL`). */
  akismet?: { key: string; url?: string } | undefined;
  /** How the site signs its readers' tokens (`THREADLINE_SSO_SECRET`, `…_JWKS_URL`, `…_ISSUER`, `…_AUDIENCE`); default: no site sign-in. */
  sso?: SsoSettings;
  /** Who may post (`THREADLINE_IDENTITY`): default `optional` where sign-in is configured; always `anonymous` where it is not. */
  identity?: IdentityMode | undefined;
  /** Reports from this many different readers hold a comment for review (`THREADLINE_FLAG_THRESHOLD`, default 3). */
  flagThreshold?: number;
  /** Close threads this many days after their first comment (`THREADLINE_AUTO_CLOSE_DAYS`, default 0: never). */
  autoCloseDays?: number;
  /** Authors with this many approved comments skip pre-moderation (`THREADLINE_TRUST_AFTER`, default 0: off). */
  trustAfter?: number;
  /** Reply mail, owner alerts, webhooks (outbox/notify-settings.ts); default none. The sender runs beside the app (outbox-sender.ts). */
  notify?: Partial<NotifySettings>;
  /** "Sign in" with an OpenID provider (`THREADLINE_OIDC_ISSUER`, `…_CLIENT_ID`, `…_CLIENT_SECRET`); default: none. */
  oidc?: OidcSettings | undefined;
}

/** The external moderators the options switch on, combined (null: none). */
function externalModerators(options: AppOptions, publicUrl: string, logError: (err: unknown) => void): ExternalModerator | null {
  const log = (message: string) => logError(new Error(`[threadline] ${message}`));
  const list: ExternalModerator[] = [];
  if (options.moderationWebhook) {
    const signer = createWebhookSigner(options.webhookSecret ?? options.secret ?? 'threadline-test-secret');
    list.push(
      createModerationWebhook({ url: options.moderationWebhook.url, signer, timeoutMs: options.moderationWebhook.timeoutMs ?? 2000, log }),
    );
  }
  if (options.akismet) {
    list.push(
      createAkismet({
        key: options.akismet.key,
        url: options.akismet.url ?? 'https://rest.akismet.com',
        blog: publicUrl,
        timeoutMs: 5000,
        log,
      }),
    );
  }
  return combineModerators(list);
}

/** The whole threadline HTTP server as a Hono app (testable in-process with `app.request()`). */
export function createApp(options: AppOptions): Hono {
  const voteLimit = options.voteLimit ?? { burst: 60, perMinute: 30 };
  const postLimit = options.postLimit ?? { perIp: { burst: 20, perMinute: 6 }, perThread: { burst: 300, perMinute: 120 } };
  const secret = options.secret ?? 'threadline-test-secret';
  const publicUrl = (options.publicUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const logError = options.logError ?? console.error;
  const pow = options.pow
    ? createProofOfWork(secret, typeof options.pow === 'object' ? options.pow.maxNumber : undefined, () =>
        (options.now?.() ?? new Date()).getTime(),
      )
    : null;
  const now = options.now ?? (() => new Date());
  const own = options.oidc ? ownTokenKey(secret, publicUrl) : null;
  const verifyToken = createTokenVerifier(options.sso ?? {}, own, now);
  if (options.identity === 'required' && !verifyToken) {
    throw new Error(
      'THREADLINE_IDENTITY=required needs a way to sign in: set THREADLINE_SSO_SECRET, THREADLINE_SSO_JWKS_URL or THREADLINE_OIDC_*.',
    );
  }
  const identity: IdentityMode = verifyToken ? (options.identity ?? 'optional') : 'anonymous';
  const notify: NotifySettings = { ...NO_NOTIFY, ...options.notify };
  // Every write from now on enqueues what it causes in its own transaction.
  options.store.setOutboxPlan(createOutboxPlan(notify, options.now));
  const ctx: ApiContext = {
    store: options.store,
    posting: {
      secret,
      editWindowMs: options.editWindowMs ?? 15 * 60_000,
      now,
      policy: {
        moderation: options.policy?.moderation ?? 'open',
        maxLinks: options.policy?.maxLinks ?? 5,
        maxDepth: options.policy?.maxDepth ?? 12,
        bannedWords: options.policy?.bannedWords ?? [],
        bannedLinks: options.policy?.bannedLinks ?? [],
        minSubmitMs: options.policy?.minSubmitMs ?? 0,
        postsPerIp: createRateLimiter(postLimit.perIp.burst, postLimit.perIp.perMinute / 60),
        postsPerThread: createRateLimiter(postLimit.perThread.burst, postLimit.perThread.perMinute / 60),
        limitLoopback: postLimit.limitLoopback ?? false,
      },
      pow,
      external: externalModerators(options, publicUrl, logError),
      votesPerIp: options.votesPerIp ?? 3,
      identity,
      autoClose: { days: options.autoCloseDays ?? 0, now: options.now ?? (() => new Date()) },
      trustAfter: options.trustAfter ?? 0,
    },
    verifyToken: identity === 'anonymous' ? null : verifyToken,
    reporting: { threshold: Math.max(1, options.flagThreshold ?? 3) },
    streams: createStreamSlots(options.streams?.perIp ?? 16, options.streams?.max ?? 5000),
    features: {
      pow: pow !== null,
      notify: isNotifyOn(notify),
      ...(identity === 'anonymous' ? {} : { identity, ...(own ? { oidc: true } : {}) }),
    },
    publicUrl,
    readCache: createReadCache(options.readCacheEntries ?? 500),
    voteLimiter: createRateLimiter(voteLimit.burst, voteLimit.perMinute / 60),
    trustProxy: options.trustProxy ?? false,
    heartbeatSeconds: options.heartbeatSeconds ?? 25,
    closing: options.closing ?? new AbortController().signal,
  };
  const app = new Hono();
  app.use('*', requestId());
  if (options.log) app.use('*', accessLog(options.log));
  // The widget's files are loaded by other sites' pages, so they must be cross-origin readable.
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: false }));
  app.use('/api/*', apiCors(options.origins));
  app.route('/api/comments', threadRoutes(ctx));
  app.route('/api/comments', commentRoutes(ctx));
  app.route('/api/comments', reportRoutes(ctx));
  app.route('/api/counts', countsRoutes(ctx));
  app.route('/api/anchors', anchorsRoutes(ctx));
  app.route('/api/events', eventsRoute(ctx));
  app.route('/api/notify', notifyRoutes(ctx));
  if (options.oidc && own && identity !== 'anonymous') {
    const tokenSeconds = Math.min(MAX_TOKEN_SECONDS, Math.max(10, options.oidc.tokenSeconds ?? 3600));
    const client = createOidcClient(options.oidc);
    app.route('/api/auth/oidc', oidcRoutes({ client, own, tokenSeconds, origins: options.origins, secret, publicUrl, now, logError }));
  }
  app.route('/api/admin', adminRoutes(ctx, options.adminToken));
  app.route('/api/feeds', feedRoutes(ctx, options.adminToken));
  app.route('/admin', adminPage(options.distDir, !!options.adminToken));
  app.route('/', embedRoutes(options.distDir));
  app.get('/api/challenge', async (c) => {
    if (!pow) throw new HttpError(404, 'not_found', 'Proof of work is off on this server.');
    c.header('Cache-Control', 'no-store');
    return c.json(await pow.challenge());
  });
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.notFound((c) => c.json(new HttpError(404, 'not_found', 'No such endpoint.').toJSON(), 404));
  app.onError((err, c) => {
    if (isHttpError(err)) {
      if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
      return c.json(err.toJSON(), err.status);
    }
    logError(err);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } }, 500);
  });
  return app;
}
