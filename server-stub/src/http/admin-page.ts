import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { HttpError } from './http-error.ts';

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>threadline moderation</title>
<script type="module" src="/admin/admin.js"></script>
</head>
<body><div id="admin"></div></body>
</html>
`;

/** The moderation page at `/admin` (its API calls need the admin token; the page itself is public). */
export function adminPage(distDir: string, enabled: boolean): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // Our own page: nothing from elsewhere, no framing.
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    c.header('Cache-Control', 'no-store');
  });
  const notFound = () => new HttpError(404, 'not_found', 'No such endpoint.');
  app.get('/', (c) => {
    if (!enabled) throw notFound();
    return c.html(SHELL);
  });
  app.get('/admin.js', (c) => {
    const file = path.join(distDir, 'admin', 'admin.js');
    if (!enabled || !fs.existsSync(file)) throw notFound();
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(fs.readFileSync(file));
  });
  return app;
}
