import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import type { CommentStore, VersionedEvent } from '../store/comment-store.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const ADMIN = 'admin-token-for-gate-tests';
const AUTHOR_IP = '203.0.113.7';

describe.each(STORE_KINDS)('one write gate ($name)', (kind) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  async function setup(options: Partial<AppOptions> = {}) {
    const opened = await kind.open();
    dispose = opened.dispose;
    const store: CommentStore = opened.store;
    const app = createApp({ store, origins: [], distDir: '/none', trustProxy: true, adminToken: ADMIN, ...options });
    const send = (path: string, method: string, body?: object, headers: Record<string, string> = {}, ip = AUTHOR_IP) =>
      app.request(path, {
        method,
        ...(body ? { body: JSON.stringify(body) } : {}),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      });
    const post = async (body: object, ip = AUTHOR_IP) => send('/api/comments', 'POST', body, {}, ip);
    const create = async (body: object, ip = AUTHOR_IP) => {
      const res = await post(body, ip);
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as PostCommentResponse;
    };
    const edit = (c: PostCommentResponse, body: string, ip = AUTHOR_IP) =>
      send(`/api/comments/${c.comment.id}`, 'PATCH', { body }, { 'x-edit-token': c.editToken }, ip);
    const remove = (c: PostCommentResponse) => send(`/api/comments/${c.comment.id}`, 'DELETE', undefined, { 'x-edit-token': c.editToken });
    const vote = (id: string, voter: string, ip = AUTHOR_IP) =>
      send(`/api/comments/${id}/vote`, 'PUT', undefined, { 'x-voter-id': voter }, ip);
    const admin = (path: string, body?: object) => send(`/api/admin${path}`, 'POST', body, { authorization: `Bearer ${ADMIN}` });
    const list = async (thread = '/t') =>
      (await (await app.request(`/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as ThreadResponse;
    const events = async (thread = '/t') => (await store.eventsSince(thread, 0, 100)) ?? [];
    const live: VersionedEvent[] = [];
    store.subscribe((e) => live.push(e));
    return { app, store, post, create, edit, remove, vote, admin, list, events, live };
  }
  const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;

  describe('an edit is checked exactly like a new comment', () => {
    it('refuses links beyond the limit, banned words and banned hosts with the codes a post gets, and changes nothing', async () => {
      const g = await setup({ policy: { maxLinks: 2, bannedWords: ['casino'], bannedLinks: ['spam.example'] } });
      const c = await g.create({ thread: '/t', body: 'Something bland' });
      const cases: [string, string][] = [
        ['https://a.example https://b.example https://c.example', 'too_many_links'],
        ['Best CASINO in town', 'banned_content'],
        ['see [this](https://www.spam.example/x)', 'banned_content'],
      ];
      for (const [body, expected] of cases) {
        const res = await g.edit(c, body);
        expect(res.status, body).toBe(422);
        expect(await code(res)).toBe(expected);
        // The same text as a new comment is refused with the same code.
        expect(await code(await g.post({ thread: '/t', body }))).toBe(expected);
      }
      expect((await g.list()).comments.map((x) => x.body)).toEqual(['Something bland']);
      expect((await g.events()).map((e) => e.event.type)).toEqual(['comment']);
    });

    it('refuses an edit from a banned address, and of a comment whose stored email was banned', async () => {
      const g = await setup();
      const c = await g.create({ thread: '/t', body: 'bland', author: { email: 'spammer@example.com' } });
      await g.admin('/bans', { kind: 'email', value: 'spammer@example.com', banned: true });
      expect(await code(await g.edit(c, 'now with a pitch'))).toBe('banned');
      await g.admin('/bans', { kind: 'email', value: 'spammer@example.com', banned: false });
      const d = await g.create({ thread: '/t', body: 'another' }, '198.51.100.9');
      const ipHash = (await g.store.findComment(d.comment.id))!.ipHash!;
      await g.admin('/bans', { kind: 'ip', value: ipHash, banned: true });
      expect(await code(await g.edit(d, 'edited from the banned address', '198.51.100.9'))).toBe('banned');
      // Moving to another network does not shake off a ban of the address the comment came from.
      expect(await code(await g.edit(d, 'edited from elsewhere', '192.0.2.55'))).toBe('banned');
      expect((await g.list()).comments.map((x) => x.body)).toEqual(['bland', 'another']);
    });

    it('holds an edit that the moderation mode would hold: 200 pending, gone for readers (live too), shown to its author', async () => {
      const g = await setup({ policy: { moderation: 'first-time-and-links' } });
      // An author's second comment is published once the first was approved.
      const first = await g.create({ thread: '/t', body: 'first time', author: { email: 'ann@example.com' } });
      await g.admin(`/comments/${first.comment.id}/approve`);
      const c = await g.create({ thread: '/t', body: 'bland', author: { email: 'ann@example.com' } });
      expect(c.comment.status).toBe('published');
      const res = await g.edit(c, 'now buy at https://shop.example');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { comment: { status: string; body: string } }).comment).toMatchObject({
        status: 'pending',
        body: 'now buy at https://shop.example',
      });
      const read = await g.list();
      expect(read.comments.map((x) => x.id)).toEqual([first.comment.id]);
      expect(read.thread.commentCount).toBe(1);
      const last = (await g.events()).at(-1)!;
      expect(last.event).toEqual({ type: 'delete', id: c.comment.id, comment: null });
      expect(JSON.stringify(await g.events())).not.toContain('shop.example');
      // The author may keep editing the held comment: nobody else hears of it.
      const before = (await g.events()).length;
      expect((await g.edit(c, 'no link after all')).status).toBe(200);
      expect(await g.events()).toHaveLength(before);
    });

    it('holds every edit of an approved comment under moderation=all', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const c = await g.create({ thread: '/t', body: 'approved by a moderator' });
      await g.admin(`/comments/${c.comment.id}/approve`);
      expect((await g.list()).comments).toHaveLength(1);
      const res = await g.edit(c, 'changed after approval');
      expect(((await res.json()) as { comment: { status: string } }).comment.status).toBe('pending');
      expect((await g.list()).comments).toEqual([]);
    });
  });

  describe('closed threads and allowances', () => {
    it('a locked thread refuses edits and votes as it refuses posts; authors may still delete', async () => {
      const g = await setup();
      const c = await g.create({ thread: '/t', body: 'said before the lock' });
      await g.admin('/threads/lock', { thread: '/t', locked: true });
      expect(await code(await g.post({ thread: '/t', body: 'too late' }))).toBe('thread_locked');
      expect(await code(await g.edit(c, 'changed after the lock'))).toBe('thread_locked');
      expect(await code(await g.vote(c.comment.id, 'voter-cccccccc'))).toBe('thread_locked');
      expect((await g.remove(c)).status).toBe(200);
    });

    it('edits draw on the same per-address allowance as posts', async () => {
      const g = await setup({ postLimit: { perIp: { burst: 2, perMinute: 1 }, perThread: { burst: 100, perMinute: 100 } } });
      const c = await g.create({ thread: '/t', body: 'one' });
      expect((await g.edit(c, 'one, edited')).status).toBe(200);
      const limited = await g.edit(c, 'one, edited again');
      expect([limited.status, await code(limited)]).toEqual([429, 'rate_limited']);
      expect((await g.list()).comments.map((x) => x.body)).toEqual(['one, edited']);
    });
  });

  describe('held means invisible', () => {
    it('sends no event of any type for a held comment, live or on replay, and announces its approval once', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const c = await g.create({ thread: '/t', body: 'held', author: { name: 'Hidden', website: 'https://hidden.example' } });
      expect(c.comment.status).toBe('pending');
      expect((await g.edit(c, 'held and edited')).status).toBe(200);
      expect((await g.vote(c.comment.id, 'voter-aaaaaaaa')).status).toBe(404);
      expect(await g.events()).toEqual([]);
      await g.admin(`/comments/${c.comment.id}/approve`);
      expect((await g.events()).map((e) => e.event.type)).toEqual(['comment']);
      // Live events arrive in commit order (PostgreSQL's through LISTEN): nothing came before the approval.
      await expect.poll(() => g.live.map((e) => e.event.type)).toEqual(['comment']);
    });

    it('deletes a held comment without telling anyone', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const c = await g.create({ thread: '/t', body: 'held, then thought better of' });
      expect((await g.remove(c)).status).toBe(200);
      expect(await g.events()).toEqual([]);
      expect(await g.store.findComment(c.comment.id)).toBeNull();
    });

    it('answers votes on, edits of and deletions of a rejected comment as for an unknown one, and broadcasts nothing', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const c = await g.create({ thread: '/t', body: 'to be rejected' });
      await g.admin(`/comments/${c.comment.id}/reject`);
      expect(await code(await g.edit(c, 'sneaking it back in'))).toBe('comment_not_found');
      expect(await code(await g.vote(c.comment.id, 'voter-bbbbbbbb'))).toBe('comment_not_found');
      expect(await code(await g.remove(c))).toBe('comment_not_found');
      expect((await g.store.findComment(c.comment.id))!.comment.body).toBe('to be rejected');
      expect(await g.events()).toEqual([]);
    });

    it('answers around=<held id> exactly as an unknown id, and leaves it out of counts, anchors and feeds', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const anchor = { type: 'paragraph', exact: 'A passage of the article' };
      const c = await g.create({ thread: '/t', body: 'held on a passage', anchor });
      const held = await g.app.request(`/api/comments?thread=%2Ft&around=${c.comment.id}`);
      const unknown = await g.app.request('/api/comments?thread=%2Ft&around=no-such-comment');
      expect(held.status).toBe(404);
      expect(await held.json()).toEqual(await unknown.json());
      expect(await (await g.app.request('/api/counts?thread=%2Ft')).json()).toEqual({ counts: { '/t': 0 } });
      expect(await (await g.app.request('/api/anchors?thread=%2Ft')).json()).toEqual({ thread: '/t', anchors: [] });
      expect(await (await g.app.request('/api/feeds/thread.atom?thread=%2Ft')).text()).not.toContain('held on a passage');
      expect(await (await g.app.request('/api/feeds/recent.atom')).text()).not.toContain('held on a passage');
    });
  });

  describe('votes per address', () => {
    it('takes at most THREADLINE_VOTES_PER_IP votes on one comment from one address a day, whatever voter ids it sends', async () => {
      const g = await setup({ votesPerIp: 3, voteLimit: { burst: 100, perMinute: 100 } });
      const c = await g.create({ thread: '/t', body: 'vote for me' });
      for (let i = 0; i < 3; i++) expect((await g.vote(c.comment.id, `invented-${i}-xxxx`, '198.51.100.20')).status).toBe(200);
      const limited = await g.vote(c.comment.id, 'invented-9-xxxx', '198.51.100.20');
      expect(limited.status).toBe(429);
      expect(await code(limited)).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3600);
      // A vote already given stays idempotent, other addresses still vote, other comments too.
      expect((await g.vote(c.comment.id, 'invented-0-xxxx', '198.51.100.20')).status).toBe(200);
      expect((await g.vote(c.comment.id, 'someone-else-1', '192.0.2.1')).status).toBe(200);
      const d = await g.create({ thread: '/t', body: 'another' });
      expect((await g.vote(d.comment.id, 'invented-9-xxxx', '198.51.100.20')).status).toBe(200);
      expect((await g.list()).comments.find((x) => x.id === c.comment.id)?.score).toBe(4);
    });
  });

  describe('feeds', () => {
    it('build every link from THREADLINE_PUBLIC_URL, never from the Host header', async () => {
      const g = await setup({ publicUrl: 'https://comments.news.example/' });
      await g.create({ thread: '/t', body: 'in the feed', page: { url: 'https://news.example/t', title: 'T' } });
      const res = await g.app.request('https://evil.example/api/feeds/thread.atom?thread=%2Ft', { headers: { host: 'evil.example' } });
      const xml = await res.text();
      expect(xml).toContain('https://comments.news.example/api/feeds/thread.atom?thread=%2Ft');
      expect(xml).not.toContain('evil.example');
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      const pending = await g.app.request('/api/feeds/pending.atom', { headers: { authorization: `Bearer ${ADMIN}` } });
      expect(pending.headers.get('cache-control')).toBe('private, no-store');
    });
  });
});
