import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, PostCommentResponse, ThreadResponse, VoteResponse } from '../../../widget/src/protocol/types.ts';
import { signHs256, startJwksServer, type TestClaims } from '../auth/test-signer.ts';
import { exportAll } from '../io/archive.ts';
import { importFile } from '../io/import-file.ts';
import type { CommentStore } from '../store/comment-store.ts';
import type { LogEntry } from './access-log.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const SECRET = 'site-sso-secret-for-tests-0123456789';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
beforeAll(async () => {
  jwks = await startJwksServer();
});
afterAll(() => jwks.close());

describe.each(STORE_KINDS)('sign-in ($name)', (kind) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  async function setup(options: Partial<AppOptions> = {}) {
    const opened = await kind.open();
    dispose = opened.dispose;
    const store: CommentStore = opened.store;
    const log: LogEntry[] = [];
    const errors: unknown[] = [];
    const app = createApp({
      store,
      origins: ['https://news.example'],
      distDir: '/none',
      sso: { secret: SECRET },
      log: (e) => log.push(e),
      logError: (e) => errors.push(e),
      ...options,
    });
    const send = (path: string, method: string, body?: object, headers: Record<string, string> = {}) =>
      app.request(path, {
        method,
        ...(body ? { body: JSON.stringify(body) } : {}),
        headers: { 'content-type': 'application/json', ...headers },
      });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const post = (body: object, headers: Record<string, string> = {}) => send('/api/comments', 'POST', body, headers);
    const create = async (body: object, headers: Record<string, string> = {}) => {
      const res = await post(body, headers);
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as PostCommentResponse;
    };
    const list = async () => (await (await app.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    const stored = async () => (await store.listForAdmin({ limit: 100 })).comments;
    return { app, store, send, bearer, post, create, list, stored, log, errors };
  }
  const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;
  const ann = (claims: TestClaims = {}, lifetime?: number) =>
    signHs256(SECRET, { sub: 'user-41', name: 'Ann Lee', email: 'ann@news.example', ...claims }, lifetime);

  it('posts a signed-in reader under the name in the token, verified, with no email shown and a typed name ignored', async () => {
    const g = await setup();
    const token = await ann();
    const { comment } = await g.create(
      { thread: '/t', body: 'Hello', author: { name: 'Someone Else', email: 'x@y.example' } },
      g.bearer(token),
    );
    expect(comment.author).toEqual({ name: 'Ann Lee', website: null, verified: true });
    const [read] = (await g.list()).comments;
    expect(read!.author).toEqual({ name: 'Ann Lee', website: null, verified: true });
    expect(JSON.stringify(await g.list())).not.toContain('ann@news.example');
    // The site owner keeps the email and the user id.
    expect((await g.stored()).map((c) => [c.authorEmail, c.authorSub])).toEqual([['ann@news.example', 'user-41']]);
    const guest = await g.create({ thread: '/t', body: 'Hi', author: { name: 'Bob' } });
    expect(guest.comment.author).toEqual({ name: 'Bob', website: null });
  });

  it('gives the staff badge to the staff and moderator roles, and nothing for other roles', async () => {
    const g = await setup();
    const badge = async (roles: string[], sub: string) =>
      (await g.create({ thread: '/t', body: `as ${roles}` }, g.bearer(await ann({ sub, name: `N ${sub}`, roles })))).comment.author.badge;
    expect(await badge(['staff'], 's1')).toBe('staff');
    expect(await badge(['moderator'], 's2')).toBe('staff');
    expect(await badge(['subscriber', 'admin'], 's3')).toBeUndefined();
  });

  it('refuses every bad token and Authorization scheme with 401 invalid_token and stores nothing', async () => {
    const g = await setup({ sso: { secret: SECRET, jwksUrl: jwks.url, issuer: 'https://news.example', audience: 'threadline' } });
    const good = { sub: 'u1', name: 'Ann', iss: 'https://news.example', aud: 'threadline' };
    const iat = nowS();
    const cases: { title: string; header: string | Promise<string> }[] = [
      { title: 'alg none (unsigned)', header: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...good, iat, exp: iat + 60 })}.` },
      { title: 'signed with another secret', header: signHs256('not-the-site-secret-at-all-000000', good).then((t) => `Bearer ${t}`) },
      {
        title: 'RSA public key used as an HMAC secret (key confusion)',
        header: signHs256(JSON.stringify(jwks.rsaPublicJwk), good).then((t) => `Bearer ${t}`),
      },
      { title: 'expired', header: signHs256(SECRET, { ...good, iat: iat - 7200, exp: iat - 3600 }).then((t) => `Bearer ${t}`) },
      { title: 'no sub', header: signHs256(SECRET, (({ sub: _s, ...rest }) => rest)(good)).then((t) => `Bearer ${t}`) },
      { title: 'no exp', header: signHs256(SECRET, good, Number.NaN).then((t) => `Bearer ${t}`) },
      { title: 'exp more than 24 h after iat', header: signHs256(SECRET, good, 24 * 3600 + 60).then((t) => `Bearer ${t}`) },
      { title: 'wrong issuer', header: signHs256(SECRET, { ...good, iss: 'https://evil.example' }).then((t) => `Bearer ${t}`) },
      { title: 'missing issuer', header: signHs256(SECRET, (({ iss: _i, ...rest }) => rest)(good)).then((t) => `Bearer ${t}`) },
      { title: 'wrong audience', header: signHs256(SECRET, { ...good, aud: 'other-app' }).then((t) => `Bearer ${t}`) },
      { title: 'missing audience', header: signHs256(SECRET, (({ aud: _a, ...rest }) => rest)(good)).then((t) => `Bearer ${t}`) },
      {
        title: 'RS256 signed by an unknown key',
        header: startJwksServer().then(async (other) => `Bearer ${await other.sign('RS256', good)}`),
      },
      { title: 'Basic scheme', header: `Basic ${Buffer.from('ann:pw').toString('base64')}` },
      { title: 'Token scheme with a valid token', header: signHs256(SECRET, good).then((t) => `Token ${t}`) },
      { title: 'Bearer without a token', header: 'Bearer ' },
      { title: 'Bearer with garbage', header: 'Bearer not.a.jwt!!' },
    ];
    for (const { title, header } of cases) {
      const authorization = await header;
      const res = await g.post({ thread: '/t', body: 'sneaky', author: { name: 'Ann' } }, { authorization });
      expect(res.status, title).toBe(401);
      expect(await code(res), title).toBe('invalid_token');
      expect(res.headers.get('www-authenticate'), title).toContain('invalid_token');
    }
    expect(await g.stored()).toEqual([]);
    // The same claims, properly signed, pass: HS256 by the secret, RS256 and ES256 by the JWKS.
    for (const t of [await signHs256(SECRET, good), await jwks.sign('RS256', good), await jwks.sign('ES256', good)]) {
      await g.create({ thread: '/t', body: 'fine' }, g.bearer(t));
    }
    expect((await g.stored()).map((c) => c.authorSub)).toEqual(['u1', 'u1', 'u1']);
  });

  it('lets a signed-in author edit and delete from any browser within the edit window, and nobody else', async () => {
    let clock = Date.now();
    const g = await setup({ now: () => new Date(clock), editWindowMs: 15 * 60_000 });
    const first = await g.create({ thread: '/t', body: 'first' }, g.bearer(await ann()));
    const second = await g.create({ thread: '/t', body: 'second' }, g.bearer(await ann()));
    // Another browser: no edit token, a fresh token for the same user.
    const mine = g.bearer(await ann());
    const other = g.bearer(await ann({ sub: 'user-42', name: 'Eve' }));
    expect(await code(await g.send(`/api/comments/${first.comment.id}`, 'PATCH', { body: 'hijack' }, other))).toBe('forbidden');
    expect(await code(await g.send(`/api/comments/${first.comment.id}`, 'PATCH', { body: 'no one' }))).toBe('forbidden');
    const edited = await g.send(`/api/comments/${first.comment.id}`, 'PATCH', { body: 'first, edited' }, mine);
    expect(edited.status).toBe(200);
    expect((await g.send(`/api/comments/${first.comment.id}`, 'DELETE', undefined, mine)).status).toBe(200);
    expect((await g.list()).comments.map((c) => c.body)).toEqual(['second']);
    clock += 16 * 60_000;
    const fresh = await signHs256(SECRET, { sub: 'user-41', name: 'Ann Lee' }, 600, clock);
    expect(await code(await g.send(`/api/comments/${second.comment.id}`, 'PATCH', { body: 'late' }, g.bearer(fresh)))).toBe(
      'edit_window_closed',
    );
  });

  it('counts one vote per signed-in reader, whatever voter ids their browsers send', async () => {
    const g = await setup({ votesPerIp: 0 });
    const { comment } = await g.create({ thread: '/t', body: 'vote me' });
    const vote = async (voter: string, token?: string) =>
      (await (
        await g.send(`/api/comments/${comment.id}/vote`, 'PUT', undefined, { 'x-voter-id': voter, ...(token ? g.bearer(token) : {}) })
      ).json()) as VoteResponse;
    await vote('browser-aaaaaaaa', await ann());
    await vote('browser-bbbbbbbb', await ann());
    expect((await vote('browser-cccccccc', await ann())).score).toBe(1);
    expect((await vote('browser-dddddddd', await ann({ sub: 'user-99' }))).score).toBe(2);
    // Signed in, no voter id is needed at all.
    const res = await g.send(`/api/comments/${comment.id}/vote`, 'DELETE', undefined, g.bearer(await ann()));
    expect(((await res.json()) as VoteResponse).score).toBe(1);
  });

  it('refuses a guest name that matches a verified author’s, ignoring case, accents and look-alike letters', async () => {
    const g = await setup();
    await g.create({ thread: '/t', body: 'verified' }, g.bearer(await ann()));
    for (const name of ['Ann Lee', 'ann lee', 'ÁNN LÉE', 'Аnn Lее' /* Cyrillic А and е */, 'ａｎｎ ｌｅｅ', 'Ann.Lee']) {
      const res = await g.post({ thread: '/t', body: 'impostor', author: { name } });
      expect(res.status, name).toBe(422);
      expect(await code(res), name).toBe('name_reserved');
    }
    await g.create({ thread: '/t', body: 'a real other', author: { name: 'Ann Leeds' } });
    // The verified author themself is not refused.
    await g.create({ thread: '/t', body: 'me again' }, g.bearer(await ann()));
    expect((await g.stored()).length).toBe(3);
  });

  it('THREADLINE_IDENTITY=required: guests may read but not post (401 sign_in_required); the thread read says so', async () => {
    const g = await setup({ identity: 'required' });
    const res = await g.post({ thread: '/t', body: 'guest', author: { name: 'Bob' } });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('sign_in_required');
    expect(await g.stored()).toEqual([]);
    await g.create({ thread: '/t', body: 'member' }, g.bearer(await ann()));
    const read = await g.list();
    expect(read.features?.identity).toBe('required');
    expect(read.comments.map((c) => c.body)).toEqual(['member']);
  });

  it('THREADLINE_IDENTITY=anonymous ignores tokens, and a server without sign-in announces nothing', async () => {
    const g = await setup({ identity: 'anonymous' });
    const { comment } = await g.create({ thread: '/t', body: 'typed name', author: { name: 'Typed' } }, g.bearer(await ann()));
    expect(comment.author).toEqual({ name: 'Typed', website: null });
    expect((await g.list()).features).toEqual({ pow: false, notify: false });
    await dispose?.();
    const h = await setup({ sso: {} });
    expect((await h.create({ thread: '/t', body: 'x' }, h.bearer('a.b.c'))).comment.author.verified).toBeUndefined();
  });

  it('lets browsers send Authorization across origins (CORS preflight)', async () => {
    const g = await setup();
    const res = await g.app.request('/api/comments', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://news.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('never writes a token into the logs, refused or accepted', async () => {
    const g = await setup();
    const token = await ann();
    await g.create({ thread: '/t', body: 'logged' }, g.bearer(token));
    await g.post({ thread: '/t', body: 'refused' }, g.bearer(`${token}x`));
    await g.post({ thread: '/t', body: 'refused' }, { authorization: `Basic ${token}` });
    expect(g.log.length).toBe(3);
    const written = JSON.stringify([g.log, g.errors.map(String)]);
    expect(written).not.toContain(token.split('.')[1]!);
  });

  it('keeps verified identities and badges through export and import; emails stay out of what readers get', async () => {
    const g = await setup();
    await g.create({ thread: '/t', body: 'staff says' }, g.bearer(await ann({ roles: ['staff'] })));
    const archive = await exportAll(g.store);
    expect(archive.comments.map((c) => [c.authorSub, c.authorBadge, c.authorName, c.authorEmail])).toEqual([
      ['user-41', 'staff', 'Ann Lee', 'ann@news.example'],
    ]);
    await dispose?.();
    const h = await setup();
    const fs = await import('node:fs/promises');
    const file = `${await fs.mkdtemp('/tmp/threadline-signin-')}/site.json`;
    await fs.writeFile(file, JSON.stringify(archive));
    await importFile(h.store, file);
    const [read] = (await h.list()).comments;
    expect(read!.author).toEqual({ name: 'Ann Lee', website: null, verified: true, badge: 'staff' });
    expect((await h.stored()).map((c) => [c.authorSub, c.authorEmail])).toEqual([['user-41', 'ann@news.example']]);
    // The imported author may still edit from any browser, and their name is still reserved.
    expect(await code(await h.post({ thread: '/t', body: 'x', author: { name: 'ann lee' } }))).toBe('name_reserved');
  });
});
