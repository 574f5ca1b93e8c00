import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A listening HTTP server. */
export interface Listening {
  url: string;
  /** Stops accepting, drops idle keep-alive sockets, and resolves once closed. */
  close(): Promise<void>;
}

/** Serves a Hono app on host:port; `portEnv` names the variable to change when the port is taken. */
export async function listen(app: Hono, host: string, port: number, portEnv: string): Promise<Listening> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use; set ${portEnv} to another one`) : err),
    );
  });
  // A client that announces a body and never sends it must not hold a socket for minutes.
  if ('requestTimeout' in server) {
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
  }
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
