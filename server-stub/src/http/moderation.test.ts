import { afterEach, describe, expect, it } from 'vitest';
import type { AdminComment, AuditEntry, Moderator, NewModeratorResponse } from '../../../widget/src/protocol/moderation.ts';
import type { ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { signHs256 } from '../auth/test-signer.ts';
import type { Identity } from '../domain/identity.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const OWNER = 'owner-token-for-moderation-tests';
/** The site's sign-in secret: named readers below get real tokens signed with it. */
const SSO_SECRET = 'sso-secret-for-moderation-tests-0123456789';
const READERS: Record<string, Identity> = {
  'signed-in-moderator': { sub: 'u-mod', name: 'Mira (signed in)', roles: ['moderator'] },
  'signed-in-reader': { sub: 'u-reader', name: 'Rae', email: 'rae@example.com', roles: [] },
};

describe.each(STORE_KINDS)('moderation ($name)', (kind) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  async function setup(options: Partial<AppOptions> = {}) {
    const opened = await kind.open();
    dispose = opened.dispose;
    const { store } = opened;
    const app = createApp({
      store,
      origins: [],
      distDir: '/none',
      trustProxy: true,
      adminToken: OWNER,
      sso: { secret: SSO_SECRET },
      ...options,
    });
    const send = async (path: string, method: string, body?: unknown, headers: Record<string, string> = {}, ip = '203.0.113.1') => {
      // `Bearer <reader name>` stands for a real token the site signed for that reader.
      const reader = READERS[headers.authorization?.replace(/^Bearer /, '') ?? ''];
      const signed = reader ? { authorization: `Bearer ${await signHs256(SSO_SECRET, { ...reader, roles: [...reader.roles] })}` } : {};
      return app.request(path, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers, ...signed },
      });
    };
    const create = async (body: object, ip = '203.0.113.1') => {
      const res = await send('/api/comments', 'POST', body, {}, ip);
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as PostCommentResponse).comment;
    };
    const report = (id: string, ip: string, body: unknown = { reason: 'spam' }, voter = `voter-${ip.replaceAll('.', '-')}`) =>
      send(`/api/comments/${id}/flags`, 'POST', body, { 'x-voter-id': voter }, ip);
    const admin = (path: string, method = 'POST', body?: unknown, token = OWNER) =>
      send(`/api/admin${path}`, method, body, { authorization: `Bearer ${token}` });
    const adminJson = async <T>(path: string, method = 'GET', body?: unknown, token = OWNER) => {
      const res = await admin(path, method, body, token);
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const queue = async (query: string) => (await adminJson<{ comments: AdminComment[] }>(`/comments?${query}`)).comments;
    const read = async (query = '') => (await (await app.request(`/api/comments?thread=%2Ft${query}`)).json()) as ThreadResponse;
    const audit = async () => (await adminJson<{ entries: AuditEntry[] }>('/audit')).entries;
    // The event log readers' live streams replay from (PostgreSQL delivers to subscribers asynchronously).
    const lastEvent = async (thread = '/t') => ((await store.eventsSince(thread, 0, 1000)) ?? []).at(-1)!.event;
    return { app, store, send, create, report, admin, adminJson, queue, read, audit, lastEvent };
  }
  const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;

  describe('reader reports', () => {
    it('refuses bad reports with a 4xx naming the problem, and stores nothing', async () => {
      const g = await setup();
      const c = await g.create({ thread: '/t', body: 'hello' });
      const cases: [unknown, number, string][] = [
        [{ reason: 'boring' }, 422, 'validation_failed'],
        [{ reason: 'other', note: 'x'.repeat(501) }, 422, 'validation_failed'],
        [{ reason: 'spam', extra: 1 }, 422, 'validation_failed'],
        [[], 422, 'validation_failed'],
      ];
      for (const [body, status, expected] of cases) {
        const res = await g.report(c.id, '198.51.100.1', body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(await code(res)).toBe(expected);
      }
      const noVoter = await g.send(`/api/comments/${c.id}/flags`, 'POST', { reason: 'spam' });
      expect(noVoter.status).toBe(400);
      expect((await g.report('nope', '198.51.100.1')).status).toBe(404);
      expect(await g.queue('status=reported')).toEqual([]);
    });

    it('holds a comment once THREADLINE_FLAG_THRESHOLD different reporters reported it: readers see it go, live', async () => {
      const g = await setup();
      const c = await g.create({ thread: '/t', body: 'buy cheap pills' });
      await g.create({ thread: '/t', body: 'a fine comment' });
      // One network is one reporter, whatever voter ids it sends.
      expect((await g.report(c.id, '198.51.100.1', { reason: 'spam' }, 'voter-aaaaaaaa')).status).toBe(200);
      expect((await g.report(c.id, '198.51.100.1', { reason: 'spam' }, 'voter-bbbbbbbb')).status).toBe(200);
      expect((await g.report(c.id, '198.51.100.2', { reason: 'abuse', note: 'rude to everyone' })).status).toBe(200);
      expect((await g.read()).comments.map((x) => x.body)).toContain('buy cheap pills');
      await g.report(c.id, '198.51.100.3', { reason: 'off-topic' });
      expect((await g.read()).comments.map((x) => x.body)).toEqual(['a fine comment']);
      expect((await g.read()).thread.commentCount).toBe(1);
      expect(await g.lastEvent()).toEqual({ type: 'delete', id: c.id, comment: null });

      const [reported] = await g.queue('status=reported');
      expect(reported!.id).toBe(c.id);
      expect(reported!.heldFor).toBe('reports');
      expect(reported!.reports!.map((r) => [r.reason, r.note])).toEqual([
        ['spam', null],
        ['abuse', 'rude to everyone'],
        ['off-topic', null],
      ]);
      expect(reported!.reports!.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
      expect((await g.audit())[0]).toMatchObject({ actor: 'readers', action: 'hold', commentId: c.id, thread: '/t' });
    });

    it('counts signed-in readers as reporters of their own, and takes the threshold from the options', async () => {
      const g = await setup({ flagThreshold: 2 });
      const c = await g.create({ thread: '/t', body: 'hmm' });
      // Two signed-in readers on one network are two reporters.
      const signed = (token: string) =>
        g.send(`/api/comments/${c.id}/flags`, 'POST', { reason: 'abuse' }, { authorization: `Bearer ${token}` }, '198.51.100.9');
      expect((await signed('signed-in-reader')).status).toBe(200);
      expect((await signed('forged-token')).status).toBe(401);
      expect((await g.read()).comments).toHaveLength(1);
      expect((await signed('signed-in-moderator')).status).toBe(200);
      expect((await g.read()).comments).toHaveLength(0);
    });

    it('dismissing the reports brings the comment back, and the same readers cannot hold it again', async () => {
      const g = await setup({ flagThreshold: 2 });
      const c = await g.create({ thread: '/t', body: 'an unpopular opinion' });
      await g.report(c.id, '198.51.100.1');
      await g.report(c.id, '198.51.100.2');
      expect((await g.read()).comments).toHaveLength(0);
      const { comment } = await g.adminJson<{ comment: AdminComment }>(`/comments/${c.id}/dismiss-reports`, 'POST');
      expect(comment.status).toBe('published');
      expect((await g.read()).comments.map((x) => x.id)).toEqual([c.id]);
      expect(await g.lastEvent()).toMatchObject({ type: 'comment', comment: { id: c.id } });
      expect(await g.queue('status=reported')).toEqual([]);
      await g.report(c.id, '198.51.100.1');
      await g.report(c.id, '198.51.100.2');
      expect((await g.read()).comments).toHaveLength(1);
      expect((await g.audit()).map((e) => e.action)).toEqual(['dismiss-reports', 'hold']);
    });

    it('a moderator may reject a reported comment instead: it stays gone, and leaves the reported queue', async () => {
      const g = await setup({ flagThreshold: 1 });
      const c = await g.create({ thread: '/t', body: 'spam spam' });
      await g.report(c.id, '198.51.100.1');
      await g.adminJson(`/comments/${c.id}/reject`, 'POST');
      expect(await g.queue('status=reported')).toEqual([]);
      expect((await g.read()).comments).toHaveLength(0);
      expect((await g.report(c.id, '198.51.100.2')).status).toBe(404);
    });
  });

  describe('a moderator team', () => {
    it('the owner creates a moderator whose token is shown once; the list never shows it; revoking shuts it out', async () => {
      const g = await setup();
      const created = await g.adminJson<NewModeratorResponse>('/moderators', 'POST', { name: 'Nadia' });
      expect(created.token).toMatch(/^tlm_[A-Za-z0-9_-]{40,}$/);
      const { moderators } = await g.adminJson<{ moderators: Moderator[] }>('/moderators');
      expect(moderators).toEqual([created.moderator]);
      expect(JSON.stringify(moderators)).not.toContain(created.token);
      // Stored hashed: the token itself is nowhere in the database's moderator rows.
      expect(JSON.stringify(await g.store.listModerators())).not.toContain(created.token);

      const c = await g.create({ thread: '/t', body: 'to approve' });
      expect((await g.admin(`/comments/${c.id}/reject`, 'POST', undefined, created.token)).status).toBe(200);
      expect((await g.audit())[0]).toMatchObject({
        actor: 'Nadia',
        action: 'reject',
        commentId: c.id,
        before: { status: 'published' },
        after: { status: 'rejected' },
      });
      // Moderators moderate; the team is the owner's.
      expect((await g.admin('/moderators', 'POST', { name: 'Eve' }, created.token)).status).toBe(403);
      expect((await g.admin(`/moderators/${created.moderator.id}`, 'DELETE', undefined, created.token)).status).toBe(403);

      expect((await g.admin(`/moderators/${created.moderator.id}`, 'DELETE')).status).toBe(200);
      expect((await g.admin(`/comments/${c.id}/approve`, 'POST', undefined, created.token)).status).toBe(401);
      expect((await g.admin(`/moderators/${created.moderator.id}`, 'DELETE')).status).toBe(404);
      expect((await g.audit()).slice(0, 1)).toMatchObject([{ actor: 'owner', action: 'remove-moderator', before: { name: 'Nadia' } }]);
    });

    it('refuses a bad moderator name with 422', async () => {
      const g = await setup();
      for (const body of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 'Owner' }, { name: 3 }]) {
        const res = await g.admin('/moderators', 'POST', body);
        expect(res.status, JSON.stringify(body)).toBe(422);
      }
    });

    it('a signed-in reader with the moderator role moderates under their name; one without it cannot', async () => {
      const g = await setup();
      const c = await g.create({ thread: '/t', body: 'hello' });
      expect((await g.admin(`/comments/${c.id}/reject`, 'POST', undefined, 'signed-in-reader')).status).toBe(401);
      expect((await g.admin(`/comments/${c.id}/reject`, 'POST', undefined, 'signed-in-moderator')).status).toBe(200);
      expect((await g.audit())[0]).toMatchObject({ actor: 'Mira (signed in)', action: 'reject' });
      expect((await g.admin('/moderators', 'GET', undefined, 'signed-in-moderator')).status).toBe(403);
    });

    it('the audit log lists every action, newest first, with what changed', async () => {
      const g = await setup({ policy: { moderation: 'all' } });
      const c = await g.create({ thread: '/t', body: 'first' });
      await g.adminJson(`/comments/${c.id}/approve`, 'POST');
      await g.adminJson(`/comments/${c.id}/feature`, 'POST', { featured: true });
      await g.adminJson('/threads/lock', 'POST', { thread: '/t', locked: true });
      await g.adminJson('/bans', 'POST', { kind: 'email', value: 'Spam@Example.com', banned: true });
      await g.adminJson(`/comments/${c.id}`, 'DELETE');
      const entries = await g.audit();
      expect(entries.map((e) => e.action)).toEqual(['delete', 'ban', 'lock', 'feature', 'approve']);
      expect(entries.every((e) => e.actor === 'owner' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
      expect(entries[0]).toMatchObject({ commentId: c.id, thread: '/t', before: { body: 'first', status: 'published' } });
      expect(entries[1]).toMatchObject({ after: { kind: 'email', value: 'spam@example.com' } });
      expect(entries[2]).toMatchObject({ thread: '/t', before: { locked: false }, after: { locked: true } });
      expect(entries[4]).toMatchObject({ before: { status: 'pending' }, after: { status: 'published' } });
      const page = await g.adminJson<{ entries: AuditEntry[]; nextBefore: number }>('/audit?limit=2');
      expect(page.entries.map((e) => e.action)).toEqual(['delete', 'ban']);
      const next = await g.adminJson<{ entries: AuditEntry[] }>(`/audit?limit=2&before=${page.nextBefore}`);
      expect(next.entries.map((e) => e.action)).toEqual(['lock', 'feature']);
    });
  });

  it('a moderator edit carries editedBy "moderator" to readers, live, and its note into the audit', async () => {
    const g = await setup();
    const c = await g.create({ thread: '/t', body: 'call me on 555-0100' });
    expect((await g.admin(`/comments/${c.id}`, 'PATCH', { body: '' })).status).toBe(422);
    expect((await g.admin(`/comments/${c.id}`, 'PATCH', { body: 'ok', note: 'n'.repeat(501) })).status).toBe(422);
    expect((await g.admin(`/comments/${c.id}`, 'PATCH', { body: 'ok', mood: 1 })).status).toBe(422);
    const { comment } = await g.adminJson<{ comment: AdminComment }>(`/comments/${c.id}`, 'PATCH', {
      body: 'call me [number removed]',
      note: 'personal data',
    });
    expect(comment).toMatchObject({ body: 'call me [number removed]', editedBy: 'moderator' });
    expect((await g.read()).comments[0]).toMatchObject({ body: 'call me [number removed]', editedBy: 'moderator' });
    expect(await g.lastEvent()).toMatchObject({ type: 'edit', comment: { editedBy: 'moderator' } });
    expect((await g.audit())[0]).toMatchObject({
      action: 'edit',
      before: { body: 'call me on 555-0100' },
      after: { body: 'call me [number removed]', note: 'personal data' },
    });
  });

  it('editors’ picks: featured on the comment, on the first page only, live both ways; held comments cannot be picked', async () => {
    const g = await setup({ policy: { moderation: 'first-time-and-links' } });
    const held = await g.create({ thread: '/t', body: 'https://example.com look' });
    expect((await g.admin(`/comments/${held.id}/feature`, 'POST', { featured: true })).status).toBe(409);
    expect((await g.admin(`/comments/${held.id}/feature`, 'POST', { featured: 'yes' })).status).toBe(422);
    await g.adminJson(`/comments/${held.id}/approve`, 'POST');
    const other = await g.create({ thread: '/t', body: 'second' });
    await g.adminJson(`/comments/${other.id}/feature`, 'POST', { featured: true });
    expect(await g.lastEvent()).toMatchObject({ type: 'edit', comment: { id: other.id, featured: true } });
    const first = await g.read('&limit=1');
    expect(first.featured?.map((x) => x.id)).toEqual([other.id]);
    expect(first.comments[0]!.featured).toBeUndefined();
    const second = await g.read(`&limit=1&cursor=${first.nextCursor}`);
    expect(second.comments[0]).toMatchObject({ id: other.id, featured: true });
    expect(second.featured).toBeUndefined();
    await g.adminJson(`/comments/${other.id}/feature`, 'POST', { featured: false });
    expect(await g.lastEvent()).toMatchObject({ type: 'edit', comment: { id: other.id } });
    expect(((await g.lastEvent()) as unknown as { comment: AdminComment }).comment.featured).toBeUndefined();
    expect((await g.read()).featured).toBeUndefined();
  });

  it('auto-closing: a thread closes N days after its first comment; a moderator can reopen it', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const g = await setup({ autoCloseDays: 2, now: () => now });
    const c = await g.create({ thread: '/t', body: 'first' });
    expect((await g.read()).thread.locked).toBeUndefined();
    now = new Date('2026-03-03T10:00:01Z');
    expect((await g.read()).thread).toMatchObject({ locked: true, lockReason: 'auto', closedAt: '2026-03-03T10:00:00.000Z' });
    const refused = await g.send('/api/comments', 'POST', { thread: '/t', body: 'too late' });
    expect(refused.status).toBe(403);
    expect(await code(refused)).toBe('thread_locked');
    expect((await g.send(`/api/comments/${c.id}/vote`, 'PUT', undefined, { 'x-voter-id': 'voter-12345678' })).status).toBe(403);
    await g.adminJson('/threads/lock', 'POST', { thread: '/t', locked: false });
    expect((await g.read()).thread.locked).toBeUndefined();
    await g.create({ thread: '/t', body: 'open again' });
    await g.adminJson('/threads/lock', 'POST', { thread: '/t', locked: true });
    expect((await g.read()).thread).toMatchObject({ locked: true, lockReason: 'moderator', closedAt: now.toISOString() });
  });

  it('trust: N approved comments from a confirmed email skip pre-moderation; a rejection starts the count again', async () => {
    const g = await setup({ policy: { moderation: 'all' }, trustAfter: 2 });
    const signedIn = { authorization: 'Bearer signed-in-reader' };
    const post = async (body: string, headers: Record<string, string> = signedIn) => {
      const res = await g.send('/api/comments', 'POST', { thread: '/t', body, author: { email: 'rae@example.com' } }, headers);
      expect(res.status).toBe(201);
      return ((await res.json()) as PostCommentResponse).comment;
    };
    const first = await post('one');
    const second = await post('two');
    expect([first.status, second.status]).toEqual(['pending', 'pending']);
    await g.adminJson(`/comments/${first.id}/approve`, 'POST');
    expect((await post('three')).status).toBe('pending');
    await g.adminJson(`/comments/${second.id}/approve`, 'POST');
    expect((await post('four')).status).toBe('published');
    // The same email typed in without signing in is not trusted: nothing confirms it.
    const typed = await post('five', {});
    expect(typed.status).toBe('pending');
    await g.adminJson(`/comments/${typed.id}/reject`, 'POST');
    expect((await post('six')).status).toBe('pending');
  });

  it('search: full text, an author’s history by name, email or IP hash, combined with status and thread', async () => {
    const g = await setup();
    const a = await g.create(
      { thread: '/t', body: 'The harbour bridge is lovely', author: { name: 'Ann', email: 'ann@example.com' } },
      '198.51.100.1',
    );
    const b = await g.create(
      { thread: '/u', body: 'Bridge tolls are too high', author: { name: 'Bo', email: 'bo@example.com' } },
      '198.51.100.2',
    );
    const ann2 = await g.create(
      { thread: '/u', body: 'I agree about the tolls', author: { name: 'Ann', email: 'ANN@example.com' } },
      '198.51.100.1',
    );
    const ids = async (query: string) => (await g.queue(query)).map((x) => x.id);
    expect(await ids('q=bridge')).toEqual([b.id, a.id]);
    expect(await ids('q=bridge%20harbour')).toEqual([a.id]);
    expect(await ids('q=tolls&thread=%2Fu')).toEqual([ann2.id, b.id]);
    expect(await ids('email=ann@example.com')).toEqual([ann2.id, a.id]);
    expect(await ids('author=bo')).toEqual([b.id]);
    const ipHash = (await g.store.findComment(a.id))!.ipHash!;
    expect(await ids(`ipHash=${ipHash}`)).toEqual([ann2.id, a.id]);
    await g.adminJson(`/comments/${a.id}/reject`, 'POST');
    expect(await ids('q=bridge&status=rejected')).toEqual([a.id]);
    expect(await ids('q=bridge&status=published')).toEqual([b.id]);
    // Search syntax of either database never reaches it from a request.
    for (const q of ['"', 'bridge OR', 'NEAR(', '*', "'; DROP TABLE comments; --", 'a:b', '!!&|']) {
      const res = await g.admin(`/comments?q=${encodeURIComponent(q)}`, 'GET');
      expect(res.status, q).toBe(200);
    }
    expect((await g.admin('/comments?status=lost', 'GET')).status).toBe(400);
  });
});
