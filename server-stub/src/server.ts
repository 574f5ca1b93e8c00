import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './http/app.ts';
import type { CommentStore } from './store/comment-store.ts';
import { seedIfEmpty } from './store/seed.ts';
import { openSqliteStore } from './store/sqlite-store.ts';

/** How to run the server; every field has a documented default in cli.ts. */
export interface ServerConfig {
  host: string;
  port: number;
  dbPath: string;
  origins: readonly string[];
  distDir: string;
  /** URL of the seed article's page, stored with the seed thread; null to not seed. */
  seedPageUrl: string | null;
}

/** A running server. */
export interface RunningServer {
  url: string;
  store: CommentStore;
  close(): Promise<void>;
}

/** Opens the store, seeds it when empty, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = openSqliteStore(config.dbPath);
  if (config.seedPageUrl !== null) await seedIfEmpty(store, config.seedPageUrl);
  const app = createApp({ store, origins: config.origins, distDir: config.distDir });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      void store.close();
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${config.port} on ${config.host} is already in use; set PORT to another one`) : err);
    });
  });
  // A client that announces a body and never sends it must not hold a socket for minutes.
  if ('requestTimeout' in server) {
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => store.close()),
  };
}
