import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer | undefined;
let dir: string;
afterEach(async () => {
  await server?.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-server-'));
  server = await startServer({
    ...configFromEnv({ THREADLINE_SEED: '0', THREADLINE_LOG: '0' }),
    port: 0,
    dbPath: path.join(dir, 'db.sqlite'),
  });
  return server;
};

describe('the server process', () => {
  it('shuts down gracefully: live streams end, a request in flight still gets its answer', async () => {
    const s = await start();
    const events = await fetch(`${s.url}/api/events?thread=%2Ft&after=0`);
    const reader = events.body!.getReader();
    await reader.read(); // the stream is open (retry: line)
    // In flight for sure: the server has read the request's head (it answers "100 Continue") when the
    // shutdown starts, and its body arrives only after (a fixed pause lost this race on a busy machine).
    const body = JSON.stringify({ thread: '/t', body: 'made it' });
    const req = http.request(`${s.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
    });
    // A final answer before "100 Continue" fails the test rather than leaving it waiting.
    await Promise.race([
      new Promise((resolve) => req.once('continue', resolve)),
      answered.then((status) => {
        throw new Error(`answered ${status} before 100 Continue`);
      }),
    ]);
    const closed = s.close(5_000);
    req.end(body);
    expect(await answered).toBe(201);
    // The event stream ends instead of hanging until the grace period runs out.
    let done = false;
    for (let i = 0; i < 20 && !done; i++) done = (await reader.read()).done;
    expect(done).toBe(true);
    await closed;
    server = undefined;
  });

  it('answers /healthz and gives every answer a request id', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });
});
