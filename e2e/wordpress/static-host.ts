import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server-stub/src/http/free-port.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json' };

/** A plain static host for the built widget (another origin than the WordPress site, as a CDN would be). */
export async function startStaticHost(
  extra: Map<string, string> = new Map(),
): Promise<{ url: string; files: Map<string, string>; stop(): Promise<void> }> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(DIST, name);
    const body =
      extra.get(name) ?? (file.startsWith(DIST) && fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null);
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    // Module scripts from another origin need CORS.
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, files: extra, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
