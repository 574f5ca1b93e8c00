import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentStore } from '../store/comment-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { type AppOptions, createApp } from './app.ts';
import { type Listening, listen } from './listen.ts';

let server: Listening | undefined;
let store: CommentStore | undefined;
const open: http.ClientRequest[] = [];
afterEach(async () => {
  for (const req of open.splice(0)) req.destroy();
  await server?.close();
  await store?.close();
});

async function start(options: Partial<AppOptions> = {}) {
  store = openSqliteStore(':memory:');
  server = await listen(createApp({ store, origins: [], distDir: '/none', ...options }), '127.0.0.1', 0, 'PORT');
  return server.url;
}

/** Opens a live stream and resolves with its status once the answer starts (the request stays open). */
function stream(url: string, headers: Record<string, string> = {}): Promise<{ status: number; req: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/events?thread=%2Ft`, { agent: false, headers }, (res) => {
      res.on('data', () => {});
      resolve({ status: res.statusCode!, req });
    });
    req.on('error', reject);
    open.push(req);
  });
}

/** Sends one raw HTTP/1.1 request, half-closes the socket (shutdown of the write side), and reads the whole answer. */
function halfClosed(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('live stream limits', () => {
  it('opens at most THREADLINE_STREAMS_PER_IP streams per address (429 beyond), and frees a place the moment a client goes', async () => {
    const url = await start({ streams: { perIp: 4, max: 100 } });
    const first = await Promise.all([1, 2, 3, 4].map(() => stream(url)));
    expect(first.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const refused = await stream(url);
    expect(refused.status).toBe(429);
    // Two clients go away: their places are free at once, not at the next heartbeat.
    first[0]!.req.destroy();
    first[1]!.req.destroy();
    await expect.poll(async () => (await stream(url)).status, { timeout: 2000 }).toBe(200);
    expect((await stream(url)).status).toBe(200);
    expect((await stream(url)).status).toBe(429);
  });

  it('counts places per client address behind a trusted proxy, under a server-wide cap', async () => {
    const url = await start({ streams: { perIp: 2, max: 3 }, trustProxy: true });
    const from = (ip: string) => stream(url, { 'x-forwarded-for': ip });
    expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.1')).status).toBe(429);
    expect((await from('198.51.100.2')).status).toBe(200);
    expect((await from('198.51.100.3')).status).toBe(429);
  });

  it('sends a heartbeat comment so proxies keep idle streams open', async () => {
    const url = await start({ heartbeatSeconds: 0.2 });
    const res = await new Promise<string>((resolve) => {
      const req = http.get(`${url}/api/events?thread=%2Fh`, { agent: false }, (r) => {
        let text = '';
        r.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes(': keep-alive')) resolve(text);
        });
      });
      open.push(req);
    });
    expect(res).toContain(': keep-alive');
  });
});

describe('half-closed connections', () => {
  it('answers a client that shuts down its sending side after a complete request', async () => {
    const url = await start();
    const answers = await Promise.all(
      ['/healthz', '/api/comments?thread=%2Ft', '/api/nothing'].map((path) => halfClosed(url, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`)),
    );
    expect(answers.map((a) => a.split('\r\n')[0])).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    const body = JSON.stringify({ thread: '/t', body: 'sent, then shut down' });
    const posted = await halfClosed(
      url,
      `POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(posted.split('\r\n')[0]).toBe('HTTP/1.1 201 Created');
  });
});
