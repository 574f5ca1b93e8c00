import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { HttpError } from './http-error.ts';

/** Built widget files: `embed.js`, `threadline.js`, and content-hashed chunks `threadline-NAME-HASH.js`. */
const ASSET = /^(embed|threadline)(-[a-z0-9]+-[A-Za-z0-9_-]{6,})?\.js$/;
const HASHED = /-[A-Za-z0-9_-]{6,}\.js$/;

/**
 * Serves the built widget from `distDir`. Stable names (`embed.js`, `threadline.js`) get a short
 * max-age plus ETag revalidation, so a deploy reaches readers in minutes; hashed chunks never
 * change and are cached for a year.
 */
export function embedRoutes(distDir: string): Hono {
  const app = new Hono();
  app.use('*', etag());
  app.get('/:file{[A-Za-z0-9_.-]+\\.js}', (c) => {
    const file = c.req.param('file');
    const full = path.join(distDir, file);
    if (!ASSET.test(file) || !fs.existsSync(full)) {
      throw new HttpError(404, 'not_found', `No asset ${file}.`);
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header(
      'Cache-Control',
      HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
    );
    // Module scripts are fetched in CORS mode from the host page's origin.
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(fs.readFileSync(full));
  });
  return app;
}
