import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentStore, PageQuery, StoredCommentInput, VersionedEvent } from './comment-store.ts';
import { SEED_THREAD_KEY, seedIfEmpty } from './seed.ts';

/** Opens an empty store for one test, and cleans up after it. */
export type StoreFactory = () => Promise<{ store: CommentStore; dispose(): Promise<void> }>;

/**
 * The behaviour every CommentStore must have, run against SQLite and PostgreSQL alike, so that a
 * site can move from one to the other and see no difference.
 */
export function describeStoreContract(name: string, open: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let store: CommentStore;
    let dispose: () => Promise<void>;
    let clock = 0;
    const input = (id: string, over: Partial<StoredCommentInput> = {}): StoredCommentInput => ({
      id,
      thread: '/t',
      parentId: null,
      authorName: 'Ann',
      authorEmail: null,
      authorWebsite: null,
      editTokenHash: 'h',
      body: `body of ${id}`,
      createdAt: new Date(Date.UTC(2024, 4, 1) + ++clock * 1000).toISOString(),
      page: { title: 'Page', url: 'https://example.com/t' },
      ...over,
    });
    const add = (id: string, parentId: string | null = null, thread = '/t') => store.insertComment(input(id, { parentId, thread }));

    beforeEach(async () => {
      ({ store, dispose } = await open());
    });
    afterEach(async () => {
      await store.close();
      await dispose();
    });

    it('starts empty; an unknown thread has no info', async () => {
      expect(await store.isEmpty()).toBe(true);
      expect(await store.getThread('/t')).toBeNull();
      expect(await store.threadVersion('/t')).toBeNull();
      expect(await store.listComments('/t')).toEqual([]);
    });

    it('stores a comment and returns it in protocol shape; the thread learns its page', async () => {
      const c = await store.insertComment(input('a', { createdAt: '2024-05-01T10:00:00.000Z' }));
      expect(c).toEqual({
        id: 'a',
        thread: '/t',
        parentId: null,
        author: { name: 'Ann', website: null },
        body: 'body of a',
        createdAt: '2024-05-01T10:00:00.000Z',
        editedAt: null,
        score: 0,
        status: 'published',
      });
      expect(await store.findComment('a')).toEqual({
        comment: c,
        rootId: 'a',
        editTokenHash: 'h',
        authorEmail: null,
        authorSub: null,
        ipHash: null,
      });
      expect(await store.getThread('/t')).toEqual({ key: '/t', title: 'Page', url: 'https://example.com/t', commentCount: 1, version: 1 });
    });

    it('keeps the first known page title and url, and emoji and paragraphs intact', async () => {
      await store.insertComment(input('a', { page: { title: null, url: null } }));
      await store.insertComment(input('b', { page: { title: 'First', url: 'https://a.example/' }, body: 'Ugh 🤦‍♀️\n\nsecond' }));
      await store.insertComment(input('c', { page: { title: 'Second', url: 'https://b.example/' } }));
      expect(await store.getThread('/t')).toMatchObject({ title: 'First', url: 'https://a.example/' });
      expect((await store.findComment('b'))!.comment.body).toBe('Ugh 🤦‍♀️\n\nsecond');
    });

    it('refuses a duplicate id without touching what is stored', async () => {
      await add('a');
      await expect(store.insertComment(input('a', { body: 'other' }))).rejects.toThrow();
      expect((await store.listComments('/t')).map((c) => c.body)).toEqual(['body of a']);
    });

    describe('paging', () => {
      // a(a1(a1x), a2), b, c(c1), d(d1(d1x(d1xy)), d2), e
      beforeEach(async () => {
        for (const [id, parent] of [
          ['a', null],
          ['a1', 'a'],
          ['b', null],
          ['a1x', 'a1'],
          ['c', null],
          ['c1', 'c'],
          ['d', null],
          ['d1', 'd'],
          ['a2', 'a'],
          ['d1x', 'd1'],
          ['d1xy', 'd1x'],
          ['d2', 'd'],
          ['e', null],
        ] as const)
          await add(id, parent);
        await add('other', null, '/other');
      });
      const pages = async (sort: PageQuery['sort'], limit: number) => {
        const out: string[][] = [];
        let after: PageQuery['after'] = null;
        do {
          const page = await store.listPage('/t', { sort, limit, after, budget: 2 * limit });
          out.push(page.comments.filter((c) => c.parentId === null).map((c) => c.id));
          after = page.next;
        } while (after);
        return out;
      };

      it('pages top-level comments in every order, each page carrying its roots’ replies', async () => {
        expect(await pages('oldest', 3)).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
        expect(await pages('newest', 1)).toEqual([['e'], ['d'], ['c'], ['b'], ['a']]);
        expect(await pages('replies', 10)).toEqual([['d', 'a', 'c', 'b', 'e']]);
        const first = await store.listPage('/t', { sort: 'oldest', limit: 3, after: null, budget: 6 });
        expect(first.comments.map((c) => c.id)).toEqual(['a', 'b', 'a1', 'a1x', 'a2']);
        // A top-level comment with more replies than the budget still comes, whole, on its own page.
        expect((await store.listPage('/t', { sort: 'replies', limit: 1, after: null, budget: 2 })).comments.map((c) => c.id)).toEqual([
          'd',
          'd1',
          'd1x',
          'd1xy',
          'd2',
        ]);
        // Without a budget, only the limit counts.
        const unbudgeted = await store.listPage('/t', { sort: 'oldest', limit: 10, after: null });
        expect(unbudgeted.comments.filter((c) => c.parentId === null).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('gives sub-threads and counts, and keeps page boundaries under inserts', async () => {
        expect((await store.listSubtree('d')).map((c) => c.id)).toEqual(['d', 'd1', 'd1x', 'd1xy', 'd2']);
        expect((await store.findComment('d1xy'))!.rootId).toBe('d');
        expect(await store.countComments(['/t', '/other', '/none'])).toEqual({ '/t': 13, '/other': 1 });
        const first = await store.listPage('/t', { sort: 'oldest', limit: 2, after: null, budget: 4 });
        await add('f');
        await add('b1', 'b');
        const second = await store.listPage('/t', { sort: 'oldest', limit: 2, after: first.next, budget: 4 });
        expect(second.comments.map((c) => c.id)).toEqual(['b', 'c', 'c1', 'b1']);
      });

      it('sorts by score', async () => {
        await store.setVote('c', 'v1', 'ip1', true, 'now');
        await store.setVote('c', 'v2', 'ip1', true, 'now');
        await store.setVote('e', 'v1', 'ip1', true, 'now');
        expect((await pages('top', 10))[0]!.slice(0, 2)).toEqual(['c', 'e']);
      });
    });

    it('edits, deletes with placeholders, counts votes once per voter, and logs every change', async () => {
      const events: VersionedEvent[] = [];
      const stop = store.subscribe((e) => events.push(e));
      await add('p');
      await add('r', 'p');
      await add('leaf');
      expect((await store.editComment('r', 'edited', '2024-06-01T00:00:00.000Z', 'published')).editedAt).toBe('2024-06-01T00:00:00.000Z');
      expect(await store.setVote('r', 'v1', 'ip', true, 'now')).toEqual({ score: 1, voted: true });
      expect(await store.setVote('r', 'v1', 'ip', true, 'now')).toEqual({ score: 1, voted: true });
      expect(await store.setVote('r', 'v1', 'ip', false, 'now')).toEqual({ score: 0, voted: false });
      expect(await store.deleteComment('leaf')).toBeNull();
      expect(await store.deleteComment('p')).toMatchObject({ id: 'p', status: 'deleted', body: '', author: { name: null } });
      expect(await store.deleteComment('r')).toBeNull(); // and the placeholder goes with it
      expect(await store.listComments('/t')).toEqual([]);
      expect((await store.getThread('/t'))!.commentCount).toBe(0);
      // Events arrive (PostgreSQL delivers them through LISTEN, a moment later).
      // The repeated vote changed nothing, so logged nothing; deleting r also removed the placeholder p.
      await expect.poll(() => events.length, { timeout: 3000 }).toBe(10);
      stop();
      expect(events.map((e) => e.event.type)).toEqual([
        'comment',
        'comment',
        'comment',
        'edit',
        'vote',
        'vote',
        'delete',
        'delete',
        'delete',
        'delete',
      ]);
      expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const replay = await store.eventsSince('/t', 7, 100);
      expect(replay!.map((e) => [e.version, e.event.type, e.event.type === 'delete' ? e.event.id : ''])).toEqual([
        [8, 'delete', 'p'],
        [9, 'delete', 'r'],
        [10, 'delete', 'p'],
      ]);
    });

    it('holds pending comments out of sight until approved, then announces them', async () => {
      const events: VersionedEvent[] = [];
      const stop = store.subscribe((e) => events.push(e));
      await add('root');
      await store.insertComment(input('held', { parentId: 'root', status: 'pending', ipHash: 'iph', authorEmail: 'x@y.example' }));
      expect((await store.listComments('/t')).map((c) => c.id)).toEqual(['root']);
      expect(await store.hasPublishedFrom('x@y.example', null)).toBe(false);
      const admin = await store.listForAdmin({ status: 'pending', limit: 10 });
      expect(admin.comments.map((c) => [c.id, c.authorEmail, c.ipHash])).toEqual([['held', 'x@y.example', 'iph']]);
      expect((await store.setStatus('held', 'published')).status).toBe('published');
      expect(await store.hasPublishedFrom('x@y.example', null)).toBe(true);
      expect((await store.listComments('/t')).map((c) => c.id)).toEqual(['root', 'held']);
      expect((await store.listPage('/t', { sort: 'replies', limit: 5, after: null })).comments.map((c) => c.id)).toEqual(['root', 'held']);
      await expect.poll(() => events.map((e) => e.event.type), { timeout: 3000 }).toEqual(['comment', 'comment']);
      stop();
    });

    it('rejecting a published comment acts like deleting it: a placeholder where it has replies, gone where not', async () => {
      await add('p');
      await add('r', 'p');
      await add('lone');
      const versionBefore = (await store.threadVersion('/t'))!;
      expect(await store.setStatus('p', 'rejected')).toMatchObject({ id: 'p', status: 'deleted', body: '', author: { name: null } });
      expect((await store.setStatus('lone', 'rejected')).status).toBe('rejected');
      const listed = await store.listComments('/t');
      expect(listed.map((c) => [c.id, c.status])).toEqual([
        ['p', 'deleted'],
        ['r', 'published'],
      ]);
      const events = (await store.eventsSince('/t', versionBefore, 10))!.map((e) => e.event);
      expect(events).toEqual([
        { type: 'delete', id: 'p', comment: expect.objectContaining({ id: 'p', status: 'deleted' }) },
        { type: 'delete', id: 'lone', comment: null },
      ]);
    });

    it('tells readers nothing of a held comment: its edit and deletion change no version, event or reply count', async () => {
      await add('root');
      await store.insertComment(input('held', { parentId: 'root', status: 'pending' }));
      const version = await store.threadVersion('/t');
      expect((await store.editComment('held', 'still held', '2024-06-01T00:00:00.000Z', 'pending')).body).toBe('still held');
      expect(await store.deleteComment('held')).toBeNull();
      expect(await store.threadVersion('/t')).toBe(version);
      expect(await store.eventsSince('/t', version!, 10)).toEqual([]);
      const page = await store.listPage('/t', { sort: 'replies', limit: 5, after: null });
      expect(page.comments.map((c) => c.id)).toEqual(['root']);
      // The root's reply count never counted the held reply: a later reply makes it 1, not 0.
      await add('visible', 'root');
      await add('second-root');
      const byReplies = await store.listPage('/t', { sort: 'replies', limit: 1, after: null });
      expect(byReplies.comments.map((c) => c.id)).toEqual(['root', 'visible']);
    });

    it('an edit that holds a published comment takes it out of the thread: a delete event, uncounted, until approved again', async () => {
      await add('quiet-root');
      await add('root');
      await add('reply', 'root');
      const version = (await store.threadVersion('/t'))!;
      const held = await store.editComment('reply', 'now with a link', '2024-06-01T00:00:00.000Z', 'pending');
      // Its parent no longer counts it: sorted by replies, both roots have none and keep their order.
      const byReplies = await store.listPage('/t', { sort: 'replies', limit: 5, after: null });
      expect(byReplies.comments.map((c) => c.id)).toEqual(['quiet-root', 'root']);
      expect(held).toMatchObject({ status: 'pending', body: 'now with a link' });
      expect((await store.eventsSince('/t', version, 10))!.map((e) => e.event)).toEqual([{ type: 'delete', id: 'reply', comment: null }]);
      expect((await store.getThread('/t'))!.commentCount).toBe(2);
      expect((await store.listComments('/t')).map((c) => c.id)).toEqual(['quiet-root', 'root']);
      await store.setStatus('reply', 'published');
      const after = (await store.eventsSince('/t', version + 1, 10))!.map((e) => e.event);
      expect(after).toEqual([{ type: 'comment', comment: expect.objectContaining({ id: 'reply', body: 'now with a link' }) }]);
      expect((await store.getThread('/t'))!.commentCount).toBe(3);
    });

    it('counts what a reader can list: a published reply under a held comment counts once that is approved', async () => {
      const passage = { type: 'paragraph' as const, exact: 'A passage', prefix: '', suffix: '', key: 'k-passage' };
      await store.insertComment(input('root', { anchor: passage }));
      await store.insertComment(input('held', { parentId: 'root', status: 'pending' }));
      await add('under-held', 'held');
      await add('under-under', 'under-held');
      await add('other', 'root');
      const listed = (await store.listPage('/t', { sort: 'oldest', limit: 10, after: null })).comments.filter(
        (c) => c.status === 'published',
      );
      // What a reader's tree shows: every comment whose chain of parents is all listed.
      const shown = new Set<string>();
      for (const c of listed) if (c.parentId === null || shown.has(c.parentId)) shown.add(c.id);
      expect([...shown]).toEqual(['root', 'other']);
      expect((await store.getThread('/t'))!.commentCount).toBe(2);
      expect(await store.countComments(['/t'])).toEqual({ '/t': 2 });
      expect((await store.listAnchors('/t')).map((a) => a.count)).toEqual([2]);
      await store.setStatus('held', 'published');
      expect((await store.getThread('/t'))!.commentCount).toBe(5);
      expect(await store.countComments(['/t'])).toEqual({ '/t': 5 });
      expect((await store.listAnchors('/t')).map((a) => a.count)).toEqual([5]);
    });

    it('the thread count read after every kind of write is a fresh count (counts are remembered by thread version)', async () => {
      const counted = async () => {
        const info = (await store.getThread('/t'))!;
        expect(info.commentCount).toBe((await store.countComments(['/t']))['/t'] ?? 0);
        return info.commentCount;
      };
      await add('a');
      expect(await counted()).toBe(1);
      await add('b', 'a');
      expect(await counted()).toBe(2);
      await store.insertComment(input('held', { status: 'pending' }));
      expect(await counted()).toBe(2);
      await store.setStatus('held', 'published');
      expect(await counted()).toBe(3);
      await store.editComment('b', 'held again', '2024-06-01T00:00:00.000Z', 'pending');
      expect(await counted()).toBe(2);
      await store.setStatus('a', 'rejected');
      expect(await counted()).toBe(1);
      await store.deleteComment('held');
      expect(await counted()).toBe(0);
    });

    it('caps new votes per address and comment, and leaves existing voters alone', async () => {
      await add('c');
      const cap = { perIp: 2, since: '2024-01-01T00:00:00.000Z' };
      expect(await store.setVote('c', 'v1', 'ip-a', true, '2024-06-01T00:00:00.000Z', cap)).toEqual({ score: 1, voted: true });
      expect(await store.setVote('c', 'v2', 'ip-a', true, '2024-06-01T00:00:01.000Z', cap)).toEqual({ score: 2, voted: true });
      expect(await store.setVote('c', 'v3', 'ip-a', true, '2024-06-01T00:00:02.000Z', cap)).toEqual({
        score: 2,
        voted: false,
        cappedUntil: '2024-06-01T00:00:00.000Z',
      });
      expect(await store.setVote('c', 'v1', 'ip-a', true, '2024-06-01T00:00:03.000Z', cap)).toEqual({ score: 2, voted: true });
      expect(await store.setVote('c', 'v4', 'ip-b', true, '2024-06-01T00:00:04.000Z', cap)).toEqual({ score: 3, voted: true });
      // Votes older than the window do not count against the address.
      expect(
        await store.setVote('c', 'v5', 'ip-a', true, '2024-06-02T00:00:00.000Z', { perIp: 2, since: '2024-06-01T12:00:00.000Z' }),
      ).toEqual({
        score: 4,
        voted: true,
      });
    });

    it('keeps idempotency keys, meta values, locks and bans', async () => {
      await store.insertComment(input('a', { idempotency: { key: 'k-1', requestHash: 'rh' } }));
      expect(await store.findIdempotencyKey('k-1')).toEqual({ requestHash: 'rh', commentId: 'a' });
      await expect(store.insertComment(input('b', { idempotency: { key: 'k-1', requestHash: 'rh' } }))).rejects.toThrow();
      expect(await store.getMeta('secret')).toBeNull();
      await store.setMeta('secret', 's1');
      await store.setMeta('secret', 's2');
      expect(await store.getMeta('secret')).toBe('s2');
      expect(await store.ensureMeta('token', 'first')).toBe('first');
      expect(await store.ensureMeta('token', 'second')).toBe('first');
      const before = await store.threadVersion('/t');
      await store.setThreadLocked('/t', true);
      expect(await store.isThreadLocked('/t')).toBe(true);
      expect(await store.threadVersion('/t')).toBeGreaterThan(before!);
      expect((await store.getThread('/t'))!.locked).toBe(true);
      await store.setThreadLocked('/t', false);
      expect(await store.isThreadLocked('/t')).toBe(false);
      await store.setBan('email', 'bad@x.example', true);
      expect(await store.isBanned(null, 'bad@x.example')).toBe(true);
      expect(await store.isBanned('ip', 'good@x.example')).toBe(false);
      await store.setBan('email', 'bad@x.example', false);
      expect(await store.isBanned(null, 'bad@x.example')).toBe(false);
    });

    it('keeps anchors on top-level comments, lists pages by anchor and counts each passage', async () => {
      const trust = {
        type: 'quote' as const,
        exact: 'Connecticut Trust Act',
        prefix: 'trains its officers on the ',
        suffix: ', which',
        key: 'k-trust',
      };
      const chief = { type: 'paragraph' as const, exact: 'Chief Foti Koskinas would like', key: 'k-chief' };
      await store.insertComment(input('plain'));
      const a = await store.insertComment(input('a', { anchor: trust }));
      expect(a.anchor).toEqual(trust);
      await add('a1', 'a');
      await add('a2', 'a1');
      await store.insertComment(input('b', { anchor: chief }));
      await store.insertComment(input('c', { anchor: trust }));
      await store.insertComment(input('held', { anchor: chief, status: 'pending' }));
      // Replies never carry an anchor of their own: they follow their thread.
      await store.insertComment(input('r', { parentId: 'plain', anchor: chief }));
      expect((await store.findComment('r'))!.comment.anchor).toBeUndefined();
      expect((await store.findComment('plain'))!.comment.anchor).toBeUndefined();

      expect(await store.listAnchors('/t')).toEqual([
        { key: 'k-trust', anchor: trust, count: 4 },
        { key: 'k-chief', anchor: chief, count: 1 },
      ]);
      const page = (q: Partial<PageQuery>) => store.listPage('/t', { sort: 'oldest', limit: 50, after: null, ...q });
      expect((await page({ filter: 'inline' })).comments.map((c) => c.id)).toEqual(['a', 'b', 'c', 'a1', 'a2']);
      expect((await page({ anchors: ['k-trust'] })).comments.map((c) => c.id)).toEqual(['a', 'c', 'a1', 'a2']);
      expect((await page({ anchors: ['nope'] })).comments).toEqual([]);
      expect((await page({})).comments).toHaveLength(7);
      // A deleted anchored comment with replies keeps its passage for them.
      await store.deleteComment('a');
      expect((await store.listAnchors('/t'))[0]).toEqual({ key: 'k-trust', anchor: trust, count: 3 });
      expect(await store.listAnchors('/other')).toEqual([]);
    });

    it('imports all or nothing: a batch that throws leaves no comment, vote, lock or ban, and the same batch then goes in whole', async () => {
      const batch = (fail: boolean) =>
        store.importBatch(async (tx) => {
          await tx.insertComment(input('i1'));
          await tx.insertComment(input('i2', { parentId: 'i1' }));
          await tx.insertComment(input('i3', { status: 'pending' }));
          await tx.setVote('i1', 'v1', 'ip1', true, '2024-05-02T00:00:00.000Z');
          await tx.setThreadLocked('/t', true);
          await tx.setBan('email', 'troll@example.com', true);
          // Writes inside the batch see each other before the commit.
          expect((await tx.findComment('i2'))?.rootId).toBe('i1');
          if (fail) throw new Error('line 9: mismatched tag');
          return 'done';
        });
      await expect(batch(true)).rejects.toThrow('mismatched tag');
      expect(await store.isEmpty()).toBe(true);
      expect(await store.getThread('/t')).toBeNull();
      expect(await store.isThreadLocked('/t')).toBe(false);
      expect(await store.listVotes()).toEqual([]);
      expect(await store.isBanned(null, 'troll@example.com')).toBe(false);

      expect(await batch(false)).toBe('done');
      expect((await store.listComments('/t')).map((c) => [c.id, c.parentId, c.score])).toEqual([
        ['i1', null, 1],
        ['i2', 'i1', 0],
      ]);
      expect(await store.getThread('/t')).toMatchObject({ commentCount: 2, locked: true });
      expect(await store.isBanned(null, 'troll@example.com')).toBe(true);
      expect((await store.listForAdmin({ status: 'pending', limit: 5 })).comments.map((c) => c.id)).toEqual(['i3']);
    });

    it('seeds the Westport thread into an empty store once, threaded as the page shows it', async () => {
      expect(await seedIfEmpty(store, 'http://127.0.0.1:5173/x')).toBe(19);
      expect(await seedIfEmpty(store, 'http://127.0.0.1:5173/x')).toBe(0);
      const comments = await store.listComments(SEED_THREAD_KEY);
      expect(comments).toHaveLength(19);
      expect(comments.filter((c) => c.parentId === null)).toHaveLength(7);
      expect(comments.find((c) => c.id === 'c7')).toMatchObject({ parentId: 'c6', author: { name: 'Sharon Paulsen' } });
      expect(comments.filter((c) => c.author.name === null)).toHaveLength(12);
      // The demo's inline comments: four top-level seed comments answer a passage of the article.
      expect(comments.filter((c) => c.anchor).map((c) => c.id)).toEqual(['c5', 'c10', 'c11', 'c13']);
      expect(comments.find((c) => c.id === 'c11')!.anchor).toMatchObject({ type: 'quote', exact: 'Connecticut Trust Act' });
      expect((await store.listAnchors(SEED_THREAD_KEY)).map((a) => a.count)).toEqual([5, 1, 2, 1]);
    });
  });
}
