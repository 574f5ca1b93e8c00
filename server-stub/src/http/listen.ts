import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A listening HTTP server. */
export interface Listening {
  url: string;
  /**
   * Stops accepting and resolves once every connection is closed: in-flight requests get up to
   * `graceMs` to finish (default 0: drop them at once).
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves a Hono app on host:port; `portEnv` names the variable to change when the port is taken. */
export async function listen(app: Hono, host: string, port: number, portEnv: string): Promise<Listening> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use; set ${portEnv} to another one`) : err),
    );
  });
  // A client may shut down its sending side once its request is complete (HTTP/1.1 allows it); without
  // this Node aborts the request and closes the socket before the answer is written.
  if ('httpAllowHalfOpen' in server) (server as { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  // A client that announces a body and never sends it must not hold a socket for minutes.
  if ('requestTimeout' in server) {
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
  }
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (!('closeAllConnections' in server)) return;
        if (graceMs === 0) return server.closeAllConnections();
        // Connections go idle as their last answers finish: close each then, and force the rest at the end.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.once('close', () => {
          clearInterval(sweep);
          clearTimeout(force);
        });
        server.closeIdleConnections();
      }),
  };
}
