import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { type AppOptions, createApp } from './app.ts';

let store: CommentStore | undefined;
afterEach(() => store?.close());

const ADMIN = 'admin-token-for-tests';
function setup(options: Partial<AppOptions> = {}) {
  store = openSqliteStore(':memory:');
  const app = createApp({ store, origins: [], distDir: '/none', trustProxy: true, adminToken: ADMIN, ...options });
  const post = (body: object, ip = '203.0.113.7') =>
    app.request('/api/comments', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    });
  const admin = (path: string, init: RequestInit = {}) =>
    app.request(`/api/admin${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
    });
  const list = async (thread = '/t') =>
    (await (await app.request(`/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as ThreadResponse;
  return { app, post, admin, list };
}
const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;

describe('abuse limits', () => {
  it('limits posts per IP with 429 and Retry-After, without touching other IPs', async () => {
    const { post } = setup({ postLimit: { perIp: { burst: 3, perMinute: 1 }, perThread: { burst: 100, perMinute: 100 } } });
    for (let i = 0; i < 3; i++) expect((await post({ thread: '/t', body: `ok ${i}` })).status).toBe(201);
    const limited = await post({ thread: '/t', body: 'one too many' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await code(limited)).toBe('rate_limited');
    expect((await post({ thread: '/t', body: 'someone else' }, '198.51.100.2')).status).toBe(201);
  });

  it('limits posts per thread, whoever sends them', async () => {
    const { post } = setup({ postLimit: { perIp: { burst: 100, perMinute: 100 }, perThread: { burst: 2, perMinute: 1 } } });
    expect((await post({ thread: '/t', body: 'a' }, '198.51.100.1')).status).toBe(201);
    expect((await post({ thread: '/t', body: 'b' }, '198.51.100.2')).status).toBe(201);
    expect((await post({ thread: '/t', body: 'c' }, '198.51.100.3')).status).toBe(429);
    expect((await post({ thread: '/other', body: 'd' }, '198.51.100.3')).status).toBe(201);
  });

  it('refuses bots: a filled honeypot, and (when set) a post faster than a person can write', async () => {
    const { post, list } = setup({ policy: { minSubmitMs: 2000 } });
    expect(await code(await post({ thread: '/t', body: 'buy now', hp: 'http://spam.example' }))).toBe('spam_suspected');
    expect(await code(await post({ thread: '/t', body: 'too quick', elapsedMs: 150 }))).toBe('spam_suspected');
    expect((await post({ thread: '/t', body: 'took my time', elapsedMs: 45_000 })).status).toBe(201);
    expect((await list()).comments.map((c) => c.body)).toEqual(['took my time']);
  });

  it('limits links per comment and refuses banned words and hosts', async () => {
    const { post } = setup({ policy: { maxLinks: 2, bannedWords: ['casino'], bannedLinks: ['spam.example'] } });
    const three = 'https://a.example https://b.example https://c.example';
    expect(await code(await post({ thread: '/t', body: three }))).toBe('too_many_links');
    expect((await post({ thread: '/t', body: 'https://a.example and https://b.example' })).status).toBe(201);
    expect(await code(await post({ thread: '/t', body: 'Best CASINO in town' }))).toBe('banned_content');
    expect((await post({ thread: '/t', body: 'Casinos aside, the word occasion is fine' })).status).toBe(201);
    expect(await code(await post({ thread: '/t', body: 'see [this](https://www.spam.example/x)' }))).toBe('banned_content');
    expect(await code(await post({ thread: '/t', body: 'x', author: { website: 'https://spam.example' } }))).toBe('banned_content');
  });

  it('limits nesting depth', async () => {
    const { post } = setup({ policy: { maxDepth: 2 } });
    let parentId: string | undefined;
    for (let depth = 0; depth <= 2; depth++) {
      const res = await post({ thread: '/t', body: `depth ${depth}`, ...(parentId ? { parentId } : {}) });
      expect(res.status, `depth ${depth}`).toBe(201);
      parentId = ((await res.json()) as PostCommentResponse).comment.id;
    }
    expect(await code(await post({ thread: '/t', body: 'depth 3', parentId }))).toBe('too_deep');
  });
});

describe('moderation', () => {
  it('locks a thread and bans an email or IP through the admin API', async () => {
    const { post, admin } = setup();
    expect((await admin('/threads/lock', { method: 'POST', body: JSON.stringify({ thread: '/t', locked: true }) })).status).toBe(200);
    const locked = await post({ thread: '/t', body: 'x' });
    expect(locked.status).toBe(403);
    expect(await code(locked)).toBe('thread_locked');
    await admin('/threads/lock', { method: 'POST', body: JSON.stringify({ thread: '/t', locked: false }) });
    expect((await post({ thread: '/t', body: 'open again' })).status).toBe(201);

    await admin('/bans', { method: 'POST', body: JSON.stringify({ kind: 'email', value: 'Troll@Example.com', banned: true }) });
    expect(await code(await post({ thread: '/t', body: 'x', author: { email: 'troll@example.com' } }))).toBe('banned');
    const { comments } = (await (await admin('/comments')).json()) as { comments: { ipHash: string }[] };
    await admin('/bans', { method: 'POST', body: JSON.stringify({ kind: 'ip', value: comments[0]!.ipHash, banned: true }) });
    expect(await code(await post({ thread: '/t', body: 'same network' }))).toBe('banned');
    expect((await post({ thread: '/t', body: 'other network' }, '192.0.2.55')).status).toBe(201);
  });

  it('pre-moderates everything: held comments are invisible until approved', async () => {
    const { post, admin, list } = setup({ policy: { moderation: 'all' } });
    const res = await post({ thread: '/t', body: 'Wait for me' });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as PostCommentResponse;
    expect(comment.status).toBe('pending');
    let thread = await list();
    expect(thread.comments).toEqual([]);
    expect(thread.thread.commentCount).toBe(0);
    const pending = (await (await admin('/comments?status=pending')).json()) as { comments: { id: string; authorEmail: string | null }[] };
    expect(pending.comments.map((c) => c.id)).toEqual([comment.id]);
    expect((await admin(`/comments/${comment.id}/approve`, { method: 'POST' })).status).toBe(200);
    thread = await list();
    expect(thread.comments.map((c) => [c.body, c.status])).toEqual([['Wait for me', 'published']]);
    expect(thread.thread.commentCount).toBe(1);
  });

  it('pre-moderates first-time authors and comments with links', async () => {
    const { post, admin } = setup({ policy: { moderation: 'first-time-and-links' } });
    const first = (await (await post({ thread: '/t', body: 'Hello', author: { email: 'new@example.com' } })).json()) as PostCommentResponse;
    expect(first.comment.status).toBe('pending');
    await admin(`/comments/${first.comment.id}/approve`, { method: 'POST' });
    const second = (await (
      await post({ thread: '/t', body: 'Me again', author: { email: 'new@example.com' } })
    ).json()) as PostCommentResponse;
    expect(second.comment.status).toBe('published');
    const linked = (await (
      await post({ thread: '/t', body: 'See https://x.example', author: { email: 'new@example.com' } })
    ).json()) as PostCommentResponse;
    expect(linked.comment.status).toBe('pending');
  });

  it('rejects and deletes as a moderator; the public never sees emails or IP hashes', async () => {
    const { post, admin, list, app } = setup();
    const a = (await (await post({ thread: '/t', body: 'fine', author: { email: 'a@example.com' } })).json()) as PostCommentResponse;
    const b = (await (await post({ thread: '/t', body: 'rude' })).json()) as PostCommentResponse;
    expect((await admin(`/comments/${b.comment.id}/reject`, { method: 'POST' })).status).toBe(200);
    expect((await list()).comments.map((c) => c.body)).toEqual(['fine']);
    expect((await admin(`/comments/${a.comment.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await list()).comments).toEqual([]);
    expect((await admin('/comments/nope/approve', { method: 'POST' })).status).toBe(404);
    const pub = await (await app.request('/api/comments?thread=%2Ft')).text();
    expect(pub).not.toMatch(/a@example\.com|ipHash/);
  });
});

describe('the admin surface', () => {
  it('does not exist without a configured token, and never answers without it', async () => {
    const off = setup({ adminToken: undefined });
    expect((await off.app.request('/api/admin/comments', { headers: { authorization: 'Bearer anything' } })).status).toBe(404);
    const { app } = setup();
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${ADMIN}x`, `Basic ${ADMIN}`, ADMIN]) {
      const res = await app.request('/api/admin/comments', { headers: auth ? { authorization: auth } : {} });
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    }
    expect((await app.request('/api/admin/comments', { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(200);
  });
});

describe('feeds', () => {
  it('publishes Atom feeds per thread and site-wide, and pending ones only with the token', async () => {
    const { post, app } = setup();
    await post({
      thread: '/t',
      body: 'First <b>comment</b> & more',
      author: { name: 'Ann', email: 'ann@example.com' },
      page: { title: 'A story', url: 'https://news.example/t' },
    });
    const res = await app.request('/api/feeds/thread.atom?thread=%2Ft');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toContain('<title>Comments on A story</title>');
    expect(xml).toContain('First &#60;b&#62;comment&#60;/b&#62; &#38; more');
    expect(xml).toMatch(/<link rel="alternate" href="https:\/\/news\.example\/t#comment-[\w-]+"\/>/);
    expect(xml).not.toContain('ann@example.com');
    expect(await (await app.request('/api/feeds/recent.atom')).text()).toContain('<name>Ann</name>');
    expect((await app.request('/api/feeds/pending.atom')).status).toBe(401);
    expect((await app.request(`/api/feeds/pending.atom?token=${ADMIN}`)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('are on API answers, errors and assets alike', async () => {
    const { app } = setup();
    for (const url of ['/api/comments?thread=%2Ft', '/api/nope', '/embed.js', '/healthz']) {
      const res = await app.request(url);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
    }
  });
});
