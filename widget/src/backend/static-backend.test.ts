import { describe, expect, it } from 'vitest';
import { isBackendError } from './backend-error.ts';
import { createStaticBackend, type StaticArchive } from './static-backend.ts';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 12, minute)).toISOString();
const comment = (id: string, extra: Partial<StaticArchive['comments'][number]> = {}): StaticArchive['comments'][number] => ({
  id,
  thread: '/news/story',
  parentId: null,
  authorName: `Author ${id}`,
  body: `Body of ${id}`,
  createdAt: at(Number(id.slice(1))),
  status: 'published',
  ...extra,
});
const ARCHIVE: StaticArchive & { bans: unknown[] } = {
  format: 'threadline-export',
  version: 1,
  threads: [{ key: '/news/story', title: 'A story', url: 'https://news.example/news/story', locked: false }],
  comments: [
    comment('c1'),
    comment('c2', { parentId: 'c1' }),
    comment('c3', { status: 'deleted' }),
    comment('c4', { parentId: 'c3' }),
    comment('c5', { status: 'pending' }),
    comment('c6', { status: 'rejected' }),
    comment('c7', { status: 'deleted' }),
    comment('c8', { anchor: { type: 'quote', exact: 'the chief', key: 'k-chief' } }),
  ],
  votes: [{ commentId: 'c1' }, { commentId: 'c1' }, { commentId: 'c8' }],
  bans: [{ kind: 'email', value: 'x@example.com' }],
};

const serve = (body: unknown, status = 200) => {
  let calls = 0;
  const fetch = (async () => {
    calls++;
    return new Response(JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
};

describe('createStaticBackend', () => {
  it('shows what readers saw: published comments, placeholders only where replies hang, scores from votes; read once', async () => {
    const file = serve(ARCHIVE);
    const backend = createStaticBackend({ url: 'https://news.example/comments.json', fetch: file.fetch });
    const res = await backend.listThread('/news/story', { sort: 'top' });
    expect(res.comments.map((c) => [c.id, c.status])).toEqual([
      ['c1', 'published'],
      ['c2', 'published'],
      ['c8', 'published'],
      ['c3', 'deleted'],
      ['c4', 'published'],
    ]);
    expect(res.comments.find((c) => c.id === 'c3')).toMatchObject({ body: '', author: { name: null } });
    expect(res.comments.find((c) => c.id === 'c1')!.score).toBe(2);
    expect(res.thread).toMatchObject({ title: 'A story', commentCount: 4, locked: true });
    await backend.listThread('/news/story');
    expect(file.calls()).toBe(1);
  });

  it('is read-only: the thread reads as closed and a post is refused', async () => {
    const backend = createStaticBackend({ url: 'https://x/c.json', fetch: serve(ARCHIVE).fetch });
    const err = await backend.postComment({ thread: '/news/story', body: 'hi' }).catch((e: unknown) => e);
    expect(isBackendError(err) && err.code).toBe('thread_locked');
    expect((await backend.listThread('/news/other')).thread).toMatchObject({ commentCount: 0, locked: true });
  });

  it('lists anchors and one passage’s threads', async () => {
    const backend = createStaticBackend({ url: 'https://x/c.json', fetch: serve(ARCHIVE).fetch });
    expect((await backend.listAnchors!('/news/story')).anchors).toEqual([
      { key: 'k-chief', anchor: { type: 'quote', exact: 'the chief', key: 'k-chief' }, count: 1 },
    ]);
    expect((await backend.listThread('/news/story', { anchors: ['k-chief'] })).comments.map((c) => c.id)).toEqual(['c8']);
    expect((await backend.listAround!('/news/story', 'c4')).comments.map((c) => c.id)).toEqual(['c3', 'c4']);
  });

  it.each([
    { title: 'not an export', body: { comments: [] }, status: 200, code: 'bad_response' },
    { title: 'missing file', body: {}, status: 404, code: 'not_found' },
  ])('a $title is a clear error', async ({ body, status, code }) => {
    const backend = createStaticBackend({ url: 'https://x/c.json', fetch: serve(body, status).fetch });
    const err = await backend.listThread('/news/story').catch((e: unknown) => e);
    expect(isBackendError(err) && err.code).toBe(code);
  });
});
