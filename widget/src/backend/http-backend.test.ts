import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from './http-backend.ts';

/** Every request the backend sends, answered with a plausible body. */
let sent: Request[];
beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (request: RequestInfo, init?: RequestInit) => {
    // Reads call fetch(url, init), ky's writes fetch(request).
    const input = new Request(request, init);
    sent.push(input);
    const body = input.url.includes('/vote') ? { id: 'a', score: 1, voted: true } : { comment: { id: 'a' }, thread: {}, comments: [] };
    return new Response(JSON.stringify(body), {
      status: input.method === 'POST' ? 201 : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the HTTP backend and sign-in', () => {
  it('sends the signed-in reader’s token as Bearer with every write, and never with reads', async () => {
    let token: string | null = 'header.payload.signature';
    const backend = createHttpBackend({ api: 'https://comments.example', token: () => token });
    await backend.listThread('/t');
    await backend.postComment({ thread: '/t', body: 'hi' });
    await backend.editComment?.('a', 'edited', 'edit-token-000000');
    await backend.deleteComment?.('a', 'edit-token-000000');
    await backend.vote?.('a', 'voter-00000001', true);
    token = null;
    await backend.postComment({ thread: '/t', body: 'as a guest' });
    expect(sent.map((r) => [r.method, r.headers.get('authorization')])).toEqual([
      ['GET', null],
      ['POST', 'Bearer header.payload.signature'],
      ['PATCH', 'Bearer header.payload.signature'],
      ['DELETE', 'Bearer header.payload.signature'],
      ['PUT', 'Bearer header.payload.signature'],
      ['POST', null],
    ]);
  });

  it('tells the session when the server refuses the token, and not for a guest’s refused write', async () => {
    vi.stubGlobal('fetch', async (input: Request) => {
      sent.push(input);
      return new Response(JSON.stringify({ error: { code: 'invalid_token', message: 'x' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    });
    let token: string | null = 'header.payload.signature';
    const onTokenRejected = vi.fn();
    const backend = createHttpBackend({ api: 'https://comments.example', token: () => token, onTokenRejected, retries: 0 });
    await expect(backend.postComment({ thread: '/t', body: 'hi' })).rejects.toMatchObject({ code: 'invalid_token' });
    expect(onTokenRejected).toHaveBeenCalledTimes(1);
    token = null;
    await expect(backend.postComment({ thread: '/t', body: 'hi' })).rejects.toMatchObject({ code: 'invalid_token' });
    expect(onTokenRejected).toHaveBeenCalledTimes(1);
  });
});
