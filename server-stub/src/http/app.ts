import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { CommentStore } from '../store/comment-store.ts';
import { commentsRoutes, countsRoutes } from './comments-routes.ts';
import { apiCors } from './cors.ts';
import { embedRoutes } from './embed-routes.ts';
import { HttpError, isHttpError } from './http-error.ts';
import { createReadCache } from './read-cache.ts';

/** What the HTTP app needs from its host process. */
export interface AppOptions {
  store: CommentStore;
  /** Site origins allowed to call the API from a browser. */
  origins: readonly string[];
  /** Folder holding the built `embed.js` and `threadline.js`. */
  distDir: string;
  /** Thread reads kept in memory (default 500; 0 turns the cache off). */
  readCacheEntries?: number;
  /** Where unexpected errors are reported (default: console.error). */
  logError?: (err: unknown) => void;
}

/** The whole threadline HTTP server as a Hono app (testable in-process with `app.request()`). */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  // The widget's files are loaded by other sites' pages, so they must be cross-origin readable.
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: false }));
  app.use('/api/*', apiCors(options.origins));
  app.route('/api/comments', commentsRoutes(options.store, createReadCache(options.readCacheEntries ?? 500)));
  app.route('/api/counts', countsRoutes(options.store));
  app.route('/', embedRoutes(options.distDir));
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.notFound((c) => c.json(new HttpError(404, 'not_found', 'No such endpoint.').toJSON(), 404));
  app.onError((err, c) => {
    if (isHttpError(err)) return c.json(err.toJSON(), err.status);
    (options.logError ?? console.error)(err);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } }, 500);
  });
  return app;
}
