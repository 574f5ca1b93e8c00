import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from './http-backend.ts';

/** Answers each request with the next of `answers` (a Response, or an Error to throw), recording them. */
function serve(...answers: (Response | Error)[]) {
  const sent: (Request & { init?: RequestInit })[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo, init?: RequestInit) => {
    sent.push(Object.assign(new Request(input, init), init ? { init } : {}));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  return sent;
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const page = { thread: { key: '/t', title: null, url: null, commentCount: 0 }, comments: [], nextCursor: null };
const backend = () => createHttpBackend({ api: 'https://comments.example', timeoutMs: 200 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reads over plain fetch', () => {
  it('asks for JSON with the page’s query, without cookies, and leaves revalidation (ETag) to the browser’s cache', async () => {
    const sent = serve(json(page), json({ challenge: 'c' }));
    await backend().listThread('/t', { sort: 'newest', limit: 5, anchors: ['a1', 'a2'] });
    await backend().getChallenge?.();
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/api/comments');
    expect([...url.searchParams]).toEqual([
      ['thread', '/t'],
      ['sort', 'newest'],
      ['limit', '5'],
      ['anchor', 'a1'],
      ['anchor', 'a2'],
    ]);
    expect(sent[0]!.headers.get('accept')).toBe('application/json');
    expect(sent[0]!.credentials).toBe('omit');
    expect(sent[0]!.init?.cache).toBeUndefined();
    // A challenge is used once: never from a cache.
    expect(sent[1]!.init?.cache).toBe('no-store');
  });

  it('tries again after a network error or a busy server (Retry-After), then gives up with the server’s code', async () => {
    const sent = serve(new TypeError('Failed to fetch'), json({}, 503, { 'retry-after': '0' }), json(page));
    await expect(backend().listThread('/t')).resolves.toEqual(page);
    expect(sent).toHaveLength(3);
    serve(...Array.from({ length: 3 }, () => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'retry-after': '0' })));
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfter: undefined });
  });

  it('does not retry what a retry cannot fix, and maps each failure to the code the reader’s message is picked by', async () => {
    const sent = serve(json({ error: { code: 'not_found', message: 'no thread', field: 'thread' } }, 404));
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'not_found', status: 404, field: 'thread' });
    expect(sent).toHaveLength(1);
    serve(new Response('<html>', { status: 404 }));
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'bad_response', status: 404 });
    serve(new Response('<html>oops', { status: 200 }));
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'bad_response' });
    serve(...Array.from({ length: 3 }, () => new Response('', { status: 502 })));
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'server_error', status: 502 });
  });

  it('gives up on an attempt after the timeout, without retrying it', async () => {
    const sent: string[] = [];
    vi.stubGlobal(
      'fetch',
      (input: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          sent.push(input);
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'timeout' });
    expect(sent).toHaveLength(1);
  });

  it('does not try at all while the browser is offline', async () => {
    const sent = serve(json(page));
    vi.stubGlobal('navigator', { onLine: false });
    await expect(backend().listThread('/t')).rejects.toMatchObject({ code: 'offline' });
    expect(sent).toHaveLength(0);
  });
});
