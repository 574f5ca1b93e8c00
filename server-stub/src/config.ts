import { fileURLToPath } from 'node:url';
import type { ServerConfig } from './server.ts';
import { SEED_THREAD_KEY } from './store/seed.ts';

/**
 * Server settings from environment variables, each with its default:
 * - `HOST` (127.0.0.1), `PORT` (8787)
 * - `THREADLINE_DB` (./data/threadline.db): the SQLite file, created and migrated on start
 * - `DATABASE_URL` (none): a PostgreSQL URL; when set it is used instead of SQLite (several instances may share it)
 * - `THREADLINE_ORIGINS` (none): comma-separated site origins allowed to call the API, besides the
 *   demo's own `http://127.0.0.1:$DEMO_PORT` and `http://localhost:$DEMO_PORT` (`DEMO_PORT` 5173)
 * - `THREADLINE_SEED` (1): `0` leaves an empty database empty instead of seeding the Westport thread
 * - `THREADLINE_READ_CACHE` (500): thread reads kept in memory; `0` turns the cache off
 * - `THREADLINE_EDIT_WINDOW_MINUTES` (15): how long authors may edit or delete their comments
 * - `THREADLINE_SECRET` (generated once, kept in the database): signs edit tokens, salts IP hashes
 * - `THREADLINE_TRUST_PROXY` (0): `1` takes client addresses from X-Forwarded-For (behind your proxy only)
 * - `THREADLINE_ADMIN_TOKEN` (none): enables the admin API, admin page and pending feed
 * - `THREADLINE_MODERATION` (open): `open`, `all` (hold every comment) or `first-time-and-links`
 * - `THREADLINE_MAX_LINKS` (5), `THREADLINE_MAX_DEPTH` (12): links per comment, reply depth
 * - `THREADLINE_BANNED_WORDS`, `THREADLINE_BANNED_LINKS` (none): comma-separated words and hosts
 * - `THREADLINE_MIN_SUBMIT_MS` (0 = off): posts sent sooner after the form appeared are refused
 * - `THREADLINE_POST_LIMIT` (20,6): posts per IP, a burst then per minute; `THREADLINE_THREAD_LIMIT` (300,120) per thread
 * - `THREADLINE_LIMIT_LOOPBACK` (0): `1` applies the per-IP limit to loopback clients too
 * - `THREADLINE_LOG` (1): JSON request logs on stdout; `0` turns them off
 * - `THREADLINE_PUBLIC_URL` (http://HOST:PORT): the server's public base URL; every absolute URL it writes uses it
 * - `THREADLINE_STREAMS_PER_IP` (16), `THREADLINE_STREAMS_MAX` (5000): open live streams per client address, and in all
 * - `THREADLINE_VOTES_PER_IP` (3): new votes one address may give one comment per 24 h (0: no cap)
 * - `THREADLINE_POW` (0): `1` requires a solved ALTCHA proof of work with every new comment; `THREADLINE_POW_MAX_NUMBER` (50000) sets its work
 * - `THREADLINE_MODERATION_WEBHOOK` (none): URL asked for a verdict on every new comment and edit, signed with
 *   `THREADLINE_WEBHOOK_SECRET` (Standard Webhooks); `THREADLINE_MODERATION_WEBHOOK_TIMEOUT_MS` (2000), then the comment is held
 * - `THREADLINE_AKISMET_KEY` (none): Akismet check of new comments and edits (spam is held); `THREADLINE_AKISMET_URL` (https://rest.akismet.com)
 * - `THREADLINE_SSO_SECRET` (none): verifies the site's HS256 sign-in tokens; `THREADLINE_SSO_JWKS_URL` (none): RS256/ES256 keys;
 *   `THREADLINE_SSO_ISSUER`, `THREADLINE_SSO_AUDIENCE` (none): required `iss` and `aud` when set
 * - `THREADLINE_OIDC_ISSUER`, `THREADLINE_OIDC_CLIENT_ID`, `THREADLINE_OIDC_CLIENT_SECRET` (none): "Sign in" with an OpenID
 *   provider (redirect URL `$THREADLINE_PUBLIC_URL/api/auth/oidc/callback`); `THREADLINE_OIDC_TOKEN_SECONDS` (3600): the server's own token's lifetime
 * - `THREADLINE_IDENTITY` (optional): `optional`, `required` (only signed-in readers post) or `anonymous` (tokens ignored)
 * - `THREADLINE_FLAG_THRESHOLD` (3): reports from this many different readers hold a comment for review
 * - `THREADLINE_AUTO_CLOSE_DAYS` (0 = never): threads close this many days after their first comment
 * - `THREADLINE_TRUST_AFTER` (0 = off): authors with this many approved comments skip pre-moderation
 * - `THREADLINE_SMTP_URL`, `THREADLINE_MAIL_FROM` (none): reply mail and owner alerts; without both there is no mail
 * - `THREADLINE_NOTIFY_BATCH_MINUTES` (10): replies within this many minutes go out as one mail; 0 sends each at once
 * - `THREADLINE_ALERT_EMAIL` (none, comma-separated), `THREADLINE_ALERT_ON` (pending): owner alerts per held comment, or `all`
 * - `THREADLINE_WEBHOOK_URLS` (none, comma-separated): signed comment events; `THREADLINE_SLACK_WEBHOOK_URL` (none): held comments to chat
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.HOST || '127.0.0.1';
  const demoPort = Number(env.DEMO_PORT || 5173);
  const demoOrigins = [`http://127.0.0.1:${demoPort}`, `http://localhost:${demoPort}`];
  const extraOrigins = (env.THREADLINE_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const port = Number(env.PORT || 8787);
  return {
    host,
    port,
    publicUrl: env.THREADLINE_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    streams: { perIp: positiveOr(env.THREADLINE_STREAMS_PER_IP, 16), max: positiveOr(env.THREADLINE_STREAMS_MAX, 5000) },
    votesPerIp: numberOr(env.THREADLINE_VOTES_PER_IP, 3),
    flagThreshold: positiveOr(env.THREADLINE_FLAG_THRESHOLD, 3),
    autoCloseDays: numberOr(env.THREADLINE_AUTO_CLOSE_DAYS, 0),
    trustAfter: numberOr(env.THREADLINE_TRUST_AFTER, 0),
    pow: env.THREADLINE_POW === '1' ? { maxNumber: positiveOr(env.THREADLINE_POW_MAX_NUMBER, 50_000) } : false,
    moderationWebhook: env.THREADLINE_MODERATION_WEBHOOK
      ? { url: env.THREADLINE_MODERATION_WEBHOOK, timeoutMs: positiveOr(env.THREADLINE_MODERATION_WEBHOOK_TIMEOUT_MS, 2000) }
      : undefined,
    webhookSecret: env.THREADLINE_WEBHOOK_SECRET || undefined,
    akismet: env.THREADLINE_AKISMET_KEY
      ? { key: env.THREADLINE_AKISMET_KEY, url: env.THREADLINE_AKISMET_URL || 'https://rest.akismet.com' }
      : undefined,
    sso: {
      secret: env.THREADLINE_SSO_SECRET || undefined,
      jwksUrl: env.THREADLINE_SSO_JWKS_URL || undefined,
      issuer: env.THREADLINE_SSO_ISSUER || undefined,
      audience: env.THREADLINE_SSO_AUDIENCE || undefined,
    },
    oidc:
      env.THREADLINE_OIDC_ISSUER && env.THREADLINE_OIDC_CLIENT_ID && env.THREADLINE_OIDC_CLIENT_SECRET
        ? {
            issuer: env.THREADLINE_OIDC_ISSUER,
            clientId: env.THREADLINE_OIDC_CLIENT_ID,
            clientSecret: env.THREADLINE_OIDC_CLIENT_SECRET,
            tokenSeconds: positiveOr(env.THREADLINE_OIDC_TOKEN_SECONDS, 3600),
          }
        : undefined,
    identity: (['optional', 'required', 'anonymous'] as const).find((m) => m === env.THREADLINE_IDENTITY),
    notify: {
      mail:
        env.THREADLINE_SMTP_URL && env.THREADLINE_MAIL_FROM ? { smtpUrl: env.THREADLINE_SMTP_URL, from: env.THREADLINE_MAIL_FROM } : null,
      batchMinutes: numberOr(env.THREADLINE_NOTIFY_BATCH_MINUTES, 10),
      alertEmails: list(env.THREADLINE_ALERT_EMAIL),
      alertOn: env.THREADLINE_ALERT_ON === 'all' ? 'all' : 'pending',
      webhookUrls: list(env.THREADLINE_WEBHOOK_URLS),
      slackUrl: env.THREADLINE_SLACK_WEBHOOK_URL || null,
    },
    dbPath: env.THREADLINE_DB || './data/threadline.db',
    databaseUrl: env.DATABASE_URL || undefined,
    origins: [...demoOrigins, ...extraOrigins],
    distDir: fileURLToPath(new URL('../../dist', import.meta.url)),
    seedPageUrl: env.THREADLINE_SEED === '0' ? null : `${demoOrigins[0]}${SEED_THREAD_KEY}`,
    readCacheEntries: env.THREADLINE_READ_CACHE === undefined ? 500 : Math.max(0, Number(env.THREADLINE_READ_CACHE) || 0),
    secret: env.THREADLINE_SECRET || undefined,
    editWindowMs: Math.max(0, Number(env.THREADLINE_EDIT_WINDOW_MINUTES ?? 15) || 0) * 60_000,
    trustProxy: env.THREADLINE_TRUST_PROXY === '1',
    adminToken: env.THREADLINE_ADMIN_TOKEN || undefined,
    policy: {
      moderation: (['open', 'all', 'first-time-and-links'] as const).find((m) => m === env.THREADLINE_MODERATION) ?? 'open',
      maxLinks: numberOr(env.THREADLINE_MAX_LINKS, 5),
      maxDepth: numberOr(env.THREADLINE_MAX_DEPTH, 12),
      bannedWords: list(env.THREADLINE_BANNED_WORDS),
      bannedLinks: list(env.THREADLINE_BANNED_LINKS),
      minSubmitMs: numberOr(env.THREADLINE_MIN_SUBMIT_MS, 0),
    },
    log: env.THREADLINE_LOG !== '0',
    postLimit: {
      perIp: pair(env.THREADLINE_POST_LIMIT, 20, 6),
      perThread: pair(env.THREADLINE_THREAD_LIMIT, 300, 120),
      limitLoopback: env.THREADLINE_LIMIT_LOOPBACK === '1',
    },
  };
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const numberOr = (v: string | undefined, fallback: number) =>
  v !== undefined && Number.isFinite(Number(v)) ? Math.max(0, Number(v)) : fallback;
const positiveOr = (v: string | undefined, fallback: number) => (Number(v) > 0 ? Number(v) : fallback);
/** "burst,perMinute" with defaults. */
const pair = (v: string | undefined, burst: number, perMinute: number) => {
  const [b, p] = list(v).map(Number);
  return { burst: b && b > 0 ? b : burst, perMinute: p && p > 0 ? p : perMinute };
};
