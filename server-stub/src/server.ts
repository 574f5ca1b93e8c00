import { serverSecret } from './domain/edit-token.ts';
import { jsonLogger } from './http/access-log.ts';
import { type AppOptions, createApp } from './http/app.ts';
import { listen } from './http/listen.ts';
import { createWebhookSigner } from './outbound/signed-webhook.ts';
import type { NotifySettings } from './outbox/notify-settings.ts';
import { createOutboxSender } from './outbox/outbox-sender.ts';
import type { CommentStore } from './store/comment-store.ts';
import { seedIfEmpty } from './store/seed.ts';
import { openSqliteStore } from './store/sqlite-store.ts';

/** How to run the server; every field has a documented default in config.ts. */
export interface ServerConfig {
  host: string;
  port: number;
  dbPath: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  origins: readonly string[];
  distDir: string;
  /** URL of the seed article's page, stored with the seed thread; null to not seed. */
  seedPageUrl: string | null;
  /** Thread reads kept in memory (0: none). */
  readCacheEntries: number;
  /** `THREADLINE_SECRET`; when absent one is generated and kept in the database. */
  secret: string | undefined;
  editWindowMs: number;
  trustProxy: boolean;
  adminToken: string | undefined;
  policy: NonNullable<AppOptions['policy']>;
  postLimit: NonNullable<AppOptions['postLimit']>;
  /** JSON request logs on stdout (THREADLINE_LOG=0 turns them off). */
  log: boolean;
  publicUrl: string;
  streams: NonNullable<AppOptions['streams']>;
  votesPerIp: number;
  pow: NonNullable<AppOptions['pow']>;
  moderationWebhook: AppOptions['moderationWebhook'];
  webhookSecret: string | undefined;
  akismet: AppOptions['akismet'];
  /** Sign-in with the site's tokens (`THREADLINE_SSO_*`) and who may post (`THREADLINE_IDENTITY`). */
  sso: NonNullable<AppOptions['sso']>;
  identity: AppOptions['identity'];
  /** Moderation (issue 16): the report threshold, auto-closing and trust (see config.ts). */
  flagThreshold?: number;
  autoCloseDays?: number;
  trustAfter?: number;
  /** Reply mail, owner alerts and webhooks, delivered from the outbox by a background sender. */
  notify: NotifySettings;
  /** "Sign in" with an OpenID provider (`THREADLINE_OIDC_*`). */
  oidc: AppOptions['oidc'];
}

/** A running server. */
export interface RunningServer {
  url: string;
  store: CommentStore;
  /** Graceful: ends live streams, lets in-flight requests finish (up to `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

/** The configured store: PostgreSQL when a DATABASE_URL is set, else the SQLite file. */
export async function openConfiguredStore(config: Pick<ServerConfig, 'databaseUrl' | 'dbPath'>): Promise<CommentStore> {
  // pg loads only for PostgreSQL sites: every server start skips it otherwise.
  if (!config.databaseUrl) return openSqliteStore(config.dbPath);
  const { openPgStore } = await import('./store/pg-store.ts');
  return openPgStore(config.databaseUrl);
}

/** Opens the store, seeds it when empty, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = await openConfiguredStore(config);
  const closing = new AbortController();
  try {
    if (config.seedPageUrl !== null) await seedIfEmpty(store, config.seedPageUrl);
    const secret = await serverSecret(store, config.secret);
    const app = createApp({
      store,
      notify: config.notify,
      origins: config.origins,
      distDir: config.distDir,
      readCacheEntries: config.readCacheEntries,
      secret,
      editWindowMs: config.editWindowMs,
      trustProxy: config.trustProxy,
      ...(config.adminToken ? { adminToken: config.adminToken } : {}),
      policy: config.policy,
      postLimit: config.postLimit,
      closing: closing.signal,
      publicUrl: config.publicUrl,
      streams: config.streams,
      votesPerIp: config.votesPerIp,
      pow: config.pow,
      moderationWebhook: config.moderationWebhook,
      webhookSecret: config.webhookSecret,
      akismet: config.akismet,
      sso: config.sso,
      identity: config.identity,
      ...(config.flagThreshold ? { flagThreshold: config.flagThreshold } : {}),
      ...(config.autoCloseDays ? { autoCloseDays: config.autoCloseDays } : {}),
      ...(config.trustAfter ? { trustAfter: config.trustAfter } : {}),
      oidc: config.oidc,
      ...(config.log
        ? {
            log: jsonLogger,
            logError: (err: unknown) => jsonLogger({ level: 'error', msg: String(err), stack: (err as Error)?.stack ?? null }),
          }
        : {}),
    });
    const http = await listen(app, config.host, config.port, 'PORT');
    // Mails and webhooks leave from here, never from a request: posting never waits for them.
    const sender = createOutboxSender({
      store,
      settings: config.notify,
      publicUrl: config.publicUrl.replace(/\/+$/, ''),
      signer: createWebhookSigner(config.webhookSecret ?? secret),
    });
    sender.start();
    return {
      url: http.url,
      store,
      async close(graceMs = 0) {
        closing.abort();
        await http.close(graceMs);
        await sender.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
