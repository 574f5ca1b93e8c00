import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../protocol/types.ts';
import { isBackendError } from '../backend-error.ts';
import { createFakeWordPress } from './fake-wordpress.test-helper.ts';
import { createWordPressBackend } from './wordpress-backend.ts';

const reader = { name: 'Dana', email: 'dana@example.com', website: null };
const setup = (options: { pollSeconds?: number } = {}) => {
  const site = createFakeWordPress();
  const backend = createWordPressBackend({ root: site.root, postId: '42', fetch: site.fetch, timeoutMs: 50, backoffMs: 1, ...options });
  return { site, backend };
};
const post = (body: string, extra: Record<string, unknown> = {}) => ({ thread: '/news/story', body, author: reader, ...extra });
const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
};

afterEach(() => vi.useRealTimers());

describe('createWordPressBackend: reading', () => {
  it('reads every page WordPress has (X-WP-TotalPages), threads replies by parent, and pages top-level comments itself', async () => {
    const { site, backend } = setup();
    for (let i = 0; i < 120; i++) site.add({});
    const reply = site.add({ parent: 3, text: 'A <em>reply</em>' });
    const first = await backend.listThread('/news/story', { limit: 50 });
    expect(site.requests.filter((r) => r.startsWith('GET /wp-json/wp/v2/comments')).length).toBe(2);
    expect(first.thread.commentCount).toBe(121);
    expect(first.comments.filter((c) => c.parentId === null)).toHaveLength(50);
    const replyComment = first.comments.find((c) => c.id === String(reply))!;
    expect(replyComment).toMatchObject({ parentId: '3', thread: '/news/story', bodyFormat: 'html', status: 'published' });
    expect(replyComment.body).toContain('<em>reply</em>');
    // date_gmt has no zone: it is read as UTC.
    expect(replyComment.createdAt).toMatch(/Z$/);
    const third = await backend.listThread('/news/story', { limit: 50, cursor: '100' });
    expect(third.comments.filter((c) => c.parentId === null)).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
  });

  it('orders top-level comments newest first and by replies on request', async () => {
    const { site, backend } = setup();
    const [a, b] = [site.add({}), site.add({})];
    site.add({ parent: a });
    const ids = async (sort: 'newest' | 'replies') =>
      (await backend.listThread('k', { sort })).comments.filter((c) => !c.parentId).map((c) => c.id);
    expect(await ids('newest')).toEqual([String(b), String(a)]);
    expect(await ids('replies')).toEqual([String(a), String(b)]);
  });
});

describe('createWordPressBackend: posting', () => {
  it('posts name, email and parent, and a held answer becomes a pending comment', async () => {
    const { site, backend } = setup();
    site.settings.holdNew = true;
    const parent = site.add({});
    const res = await backend.postComment(post('Thanks for this', { parentId: String(parent) }), { idempotencyKey: 'k1' });
    expect(res.comment).toMatchObject({ parentId: String(parent), status: 'pending', thread: '/news/story' });
    expect(site.comments.at(-1)).toMatchObject({ author_email: 'dana@example.com', parent, status: 'hold' });
  });

  it('after a timeout, finds the comment that landed instead of posting it twice', async () => {
    const { site, backend } = setup();
    site.settings.swallowPosts = 1;
    const res = await backend.postComment(post('It’s a “fine” day'), { idempotencyKey: 'k2' });
    expect(site.comments.filter((c) => c.author_email === 'dana@example.com')).toHaveLength(1);
    expect(res.comment.id).toBe(String(site.comments.at(-1)!.id));
    expect(site.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('after a timeout on a held comment (invisible to visitors), takes the duplicate refusal as "it landed" and stores it once', async () => {
    const { site, backend } = setup();
    site.settings.swallowPosts = 1;
    site.settings.holdNew = true;
    const res = await backend.postComment(post('Held words'), { idempotencyKey: 'k3' });
    expect(res.comment.status).toBe('pending');
    expect(res.comment.body).toBe('Held words');
    expect(site.comments.filter((c) => c.author_email === 'dana@example.com')).toHaveLength(1);
  });

  it('a duplicate without an earlier unknown attempt is the reader saying the same thing twice: refused', async () => {
    const { site, backend } = setup();
    await backend.postComment(post('Same words'), { idempotencyKey: 'a' });
    const err = await rejection(backend.postComment(post('Same words'), { idempotencyKey: 'b' }));
    expect(isBackendError(err) && err.code).toBe('duplicate');
    expect(site.comments).toHaveLength(1);
  });

  it.each([
    { code: 'comment_flood', status: 400, expected: 'rate_limited', field: undefined },
    { code: 'rest_comment_author_data_required', status: 400, expected: 'identity_required', field: 'author.name' },
    { code: 'rest_comment_closed', status: 403, expected: 'thread_locked', field: undefined },
    { code: 'rest_comment_login_required', status: 401, expected: 'login_required', field: undefined },
    {
      code: 'rest_invalid_param',
      status: 400,
      expected: 'email_invalid',
      field: 'author.email',
      data: { params: { author_email: 'bad' } },
    },
    { code: 'some_plugin_says_no', status: 403, expected: 'refused', field: undefined },
  ])('WordPress refusal $code becomes $expected, with its own message', async ({ code, status, expected, field, data }) => {
    const { site, backend } = setup();
    site.settings.refuseNext = { status, code, message: `Nope &#8211; <b>${code}</b>`, ...(data ? { data } : {}) };
    const err = await rejection(backend.postComment({ ...post('Words'), author: { name: '', email: '' } }, { idempotencyKey: code }));
    expect(isBackendError(err) && { code: err.code, field: err.field, message: err.message }).toEqual({
      code: expected,
      field,
      message: `Nope – ${code}`,
    });
  });
});

describe('createWordPressBackend: anchors', () => {
  it('with the plugin, anchors round-trip through comment meta and are counted per passage', async () => {
    const { backend } = setup();
    const anchor = { type: 'quote' as const, exact: 'Chief Foti Koskinas', prefix: 'The ', suffix: ' would' };
    const res = await backend.postComment(post('On this quote', { anchor }), { idempotencyKey: 'q' });
    expect(res.comment.anchor).toMatchObject(anchor);
    const { anchors } = await backend.listAnchors!('/news/story');
    expect(anchors).toEqual([{ key: res.comment.anchor!.key, anchor: res.comment.anchor, count: 1 }]);
    const page = await backend.listThread('/news/story', { anchors: [res.comment.anchor!.key!] });
    expect(page.comments.map((c) => c.id)).toEqual([res.comment.id]);
  });

  it('without the plugin, listAnchors answers not_found (the widget then shows no markers)', async () => {
    const { site, backend } = setup();
    site.settings.hasPlugin = false;
    const err = await rejection(backend.listAnchors!('/news/story'));
    expect(isBackendError(err) && [err.code, err.status]).toEqual(['not_found', 404]);
  });
});

describe('createWordPressBackend: polling', () => {
  it('reports others’ new comments as live events, and the reader’s held comment once approved as an edit', async () => {
    vi.useFakeTimers();
    const { site, backend } = setup({ pollSeconds: 5 });
    site.add({});
    await backend.listThread('k');
    site.settings.holdNew = true;
    const mine = await backend.postComment(post('Mine, held'), { idempotencyKey: 'm' });
    const events: LiveEvent[] = [];
    const stop = backend.subscribe!('k', 0, (e) => events.push(e));
    const other = site.add({ text: 'From someone else' });
    site.comments.find((c) => String(c.id) === mine.comment.id)!.status = 'approved';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events.map((e) => (e.type === 'comment' || e.type === 'edit' ? [e.type, e.comment.id] : e.type))).toEqual([
      ['edit', mine.comment.id],
      ['comment', String(other)],
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events).toHaveLength(2);
    stop();
  });

  it('poll 0 never asks', async () => {
    vi.useFakeTimers();
    const { site, backend } = setup({ pollSeconds: 0 });
    backend.subscribe!('k', 0, () => {});
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(site.requests).toEqual([]);
  });
});
