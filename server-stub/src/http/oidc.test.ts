import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { createOidcClient } from '../auth/oidc-client.ts';
import { answerFromProvider, startOidcProvider, type TestOidcProvider } from '../auth/test-oidc-provider.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const PUBLIC_URL = 'http://127.0.0.1:8787';
const SITE = 'https://news.example';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;
let provider: TestOidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider(CALLBACK);
});
afterAll(() => provider.close());

const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;
const json = { accept: 'application/json' };

describe('OpenID sign-in', () => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  async function setup(options: Partial<AppOptions> = {}) {
    const opened = await STORE_KINDS[0]!.open();
    dispose = opened.dispose;
    const errors: unknown[] = [];
    let clock = Date.now();
    const app = createApp({
      store: opened.store,
      origins: [SITE, 'https://other.example'],
      distDir: '/none',
      publicUrl: PUBLIC_URL,
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, tokenSeconds: 600 },
      logError: (e) => errors.push(e),
      now: () => new Date(clock),
      ...options,
    });
    /** Opens the start URL as the widget's popup does; returns the provider URL and the flow's cookie. */
    const start = async (origin = SITE) => {
      const res = await app.request(`/api/auth/oidc/start?origin=${encodeURIComponent(origin)}`);
      expect(res.status, await res.clone().text()).toBe(302);
      return { location: res.headers.get('location')!, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
    };
    const callback = (url: URL, cookie: string, headers: Record<string, string> = {}) =>
      app.request(`/api/auth/oidc/callback${url.search}`, { headers: { cookie, ...headers } });
    const tokenIn = (html: string) => /"token":"([^"]+)"/.exec(html)?.[1] ?? null;
    const advance = (ms: number) => {
      clock += ms;
    };
    return { app, start, callback, tokenIn, errors, advance };
  }

  it('announces the OpenID sign-in with the thread read', async () => {
    const g = await setup();
    const read = (await (await g.app.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    expect(read.features).toEqual({ pow: false, notify: false, identity: 'optional', oidc: true });
    const off = await setup({ oidc: undefined });
    const plain = (await (await off.app.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    expect(plain.features?.oidc).toBeUndefined();
    expect((await off.app.request('/api/auth/oidc/start?origin=https%3A%2F%2Fnews.example')).status).toBe(404);
  });

  it('sends the reader to the provider with PKCE (S256), a state and a nonce, all fresh each time', async () => {
    const g = await setup();
    const first = new URL((await g.start()).location);
    const second = new URL((await g.start()).location);
    expect(first.origin).toBe(provider.issuer);
    expect(first.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(first.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) {
      expect(first.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
      expect(first.searchParams.get(p)).not.toBe(second.searchParams.get(p));
    }
  });

  it('hands the verified reader a token of its own, posted to the opener origin only, that posts under their name', async () => {
    const g = await setup();
    const { location, cookie } = await g.start();
    const res = await g.callback(await answerFromProvider(location, 'ann', CALLBACK), cookie);
    const html: string = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain(`"origin":"${SITE}"`);
    expect(html).toContain('window.opener.postMessage({type:d.type,token:d.token},d.origin)');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    const token = g.tokenIn(html)!;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: PUBLIC_URL, sub: 'oidc:ann', name: 'Ann Okafor', email: 'ann@example.org' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);

    const post = (headers: Record<string, string>) =>
      g.app.request('/api/comments', {
        method: 'POST',
        body: JSON.stringify({ thread: '/t', body: 'Hello', author: { name: 'Typed Name' } }),
        headers: { 'content-type': 'application/json', ...headers },
      });
    const posted = await post({ authorization: `Bearer ${token}` });
    expect(posted.status).toBe(201);
    expect(((await posted.json()) as PostCommentResponse).comment.author).toEqual({ name: 'Ann Okafor', website: null, verified: true });
    // The token lapses: the server refuses it and stores nothing.
    g.advance(601_000);
    const late = await post({ authorization: `Bearer ${token}` });
    expect(late.status).toBe(401);
    expect(await code(late)).toBe('invalid_token');
  });

  it('refuses an answer whose state is not the one this browser was given (login CSRF), and hands out no token', async () => {
    const g = await setup();
    const { location, cookie } = await g.start();
    const back = await answerFromProvider(location, 'ann', CALLBACK);
    const forged = new URL(back);
    forged.searchParams.set('state', 'someone-elses-state-0123456789');
    const res = await g.callback(forged, cookie);
    expect(res.status).toBe(400);
    const html: string = await res.text();
    expect(html).toContain('does not belong to this sign-in');
    expect(g.tokenIn(html)).toBeNull();
    expect(html).not.toContain('postMessage');
    expect(await code(await g.callback(forged, cookie, json))).toBe('state_mismatch');
    // Without the cookie of its start (another browser, or after 10 minutes), the answer is refused too.
    expect(await code(await g.callback(back, 'tl_oidc=forged', json))).toBe('state_mismatch');
  });

  it('refuses a code redeemed without the PKCE secret of its own start', async () => {
    const client = createOidcClient({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret });
    const { pending, url } = await client.start(SITE, CALLBACK);
    const back = await answerFromProvider(url.href, 'ann', CALLBACK);
    const other = await client.start(SITE, CALLBACK);
    await expect(client.finish(back, { ...pending, verifier: other.pending.verifier })).rejects.toThrow();
    await expect(client.finish(back, pending)).resolves.toMatchObject({ sub: 'ann', name: 'Ann Okafor' });
  });

  it.each([
    ['an origin the API does not list', 'https://evil.example'],
    ['a listed origin with a path', 'https://news.example/article'],
    ['no origin', ''],
  ])('never starts a sign-in for %s', async (_title, origin) => {
    const g = await setup();
    const res = await g.app.request(`/api/auth/oidc/start?origin=${encodeURIComponent(origin)}`, { headers: json });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('origin_not_allowed');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('does not hand tokens to any origin where the API allows every origin (*)', async () => {
    const g = await setup({ origins: ['*'] });
    const res = await g.app.request(`/api/auth/oidc/start?origin=${encodeURIComponent(SITE)}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('not allowed to sign readers in');
  });

  it('checks the origin again when handing the token over: one dropped from the list meanwhile gets nothing', async () => {
    const before = await setup();
    const { location, cookie } = await before.start('https://other.example');
    const back = await answerFromProvider(location, 'ann', CALLBACK);
    // The same server (same secret), restarted with a shorter list.
    const after = await setup({ origins: [SITE] });
    const res = await after.callback(back, cookie);
    expect(res.status).toBe(403);
    const html: string = await res.text();
    expect(after.tokenIn(html)).toBeNull();
    expect(html).not.toContain('other.example');
  });
});
