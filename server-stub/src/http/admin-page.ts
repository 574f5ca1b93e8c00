import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';

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
  app.get('/', (c) => (enabled ? c.html(SHELL) : c.json({ error: { code: 'not_found', message: 'No such endpoint.' } }, 404)));
  app.get('/admin.js', (c) => {
    const file = path.join(distDir, 'admin', 'admin.js');
    if (!enabled || !fs.existsSync(file)) return c.json({ error: { code: 'not_found', message: 'No such endpoint.' } }, 404);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(fs.readFileSync(file));
  });
  return app;
}
