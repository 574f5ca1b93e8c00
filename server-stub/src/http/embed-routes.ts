import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { etag } from 'hono/etag';

/** Files of the built widget a page may load, with their content types. */
const ASSETS: Record<string, string> = {
  'embed.js': 'text/javascript; charset=utf-8',
  'threadline.js': 'text/javascript; charset=utf-8',
};

/**
 * Serves the built widget (`embed.js` loader and the `threadline.js` module) from `distDir`.
 * Unversioned names, so a short max-age plus ETag revalidation: a deploy reaches readers in minutes.
 */
export function embedRoutes(distDir: string): Hono {
  const app = new Hono();
  app.use('*', etag());
  app.get('/:file{[a-z0-9.-]+\\.js}', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    const full = path.join(distDir, file);
    if (!type || !fs.existsSync(full)) return c.json({ error: { code: 'not_found', message: `No asset ${file}.` } }, 404);
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    // Module scripts are fetched in CORS mode from the host page's origin.
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(fs.readFileSync(full));
  });
  return app;
}
