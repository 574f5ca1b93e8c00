import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comment, ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createApp } from './app.ts';

let store: CommentStore;
let app: ReturnType<typeof createApp>;
let clock: number;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  clock = Date.parse('2024-06-01T12:00:00Z');
  app = createApp({ store, origins: [], distDir: '/nonexistent', now: () => new Date(clock), voteLimit: { burst: 5, perMinute: 1 } });
});
afterEach(() => store.close());

const post = async (body: object, headers: Record<string, string> = {}) =>
  app.request('/api/comments', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const create = async (body: object) => (await (await post(body)).json()) as PostCommentResponse;
const list = async (thread = '/t') =>
  (await (await app.request(`/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as ThreadResponse;
const patch = (id: string, body: object, token?: string) =>
  app.request(`/api/comments/${id}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { 'x-edit-token': token } : {}) },
  });
const del = (id: string, token?: string) =>
  app.request(`/api/comments/${id}`, { method: 'DELETE', headers: token ? { 'x-edit-token': token } : {} });
const vote = (id: string, voter: string | null, method: 'PUT' | 'DELETE' = 'PUT') =>
  app.request(`/api/comments/${id}/vote`, { method, headers: voter ? { 'x-voter-id': voter } : {} });
const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;

describe('posting is idempotent', () => {
  it('answers a repeated Idempotency-Key with the original comment and stores it once', async () => {
    const first = await post({ thread: '/t', body: 'Only once please' }, { 'idempotency-key': 'draft-abc-123456' });
    const a = (await first.json()) as PostCommentResponse;
    const again = await post({ thread: '/t', body: 'Only once please' }, { 'idempotency-key': 'draft-abc-123456' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const b = (await again.json()) as PostCommentResponse;
    expect(b.comment).toEqual(a.comment);
    expect(b.editToken).toBe(a.editToken);
    expect((await list()).comments).toHaveLength(1);
  });

  it('refuses the same key with a different comment, and a malformed key', async () => {
    await post({ thread: '/t', body: 'one' }, { 'idempotency-key': 'key-0000000001' });
    const other = await post({ thread: '/t', body: 'two' }, { 'idempotency-key': 'key-0000000001' });
    expect(other.status).toBe(422);
    expect(await code(other)).toBe('idempotency_key_reused');
    const bad = await post({ thread: '/t', body: 'x' }, { 'idempotency-key': 'no spaces <allowed>' });
    expect(bad.status).toBe(400);
    expect((await list()).comments.map((c) => c.body)).toEqual(['one']);
  });

  it('keeps the email for the site owner only, and shows the website', async () => {
    const { comment } = await create({
      thread: '/t',
      body: 'x',
      author: { name: 'A', email: 'a@b.example', website: 'https://a.example' },
    });
    expect(comment.author).toEqual({ name: 'A', website: 'https://a.example' });
    expect(JSON.stringify(await list())).not.toContain('a@b.example');
  });
});

describe('owning a comment', () => {
  it('returns an edit token and a 15-minute window on creation', async () => {
    const res = await create({ thread: '/t', body: 'mine' });
    expect(res.editToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(res.editableUntil) - clock).toBe(15 * 60_000);
  });

  it('lets the author edit with the token; shows the edit time', async () => {
    const { comment, editToken } = await create({ thread: '/t', body: 'tpyo' });
    clock += 60_000;
    const res = await patch(comment.id, { body: 'typo fixed' }, editToken);
    expect(res.status).toBe(200);
    const edited = ((await res.json()) as { comment: Comment }).comment;
    expect(edited).toMatchObject({ body: 'typo fixed', editedAt: new Date(clock).toISOString() });
    expect((await list()).comments[0]!.body).toBe('typo fixed');
  });

  it('refuses edits and deletes without the token, with another comment’s token, a forged one, or after the window', async () => {
    const mine = await create({ thread: '/t', body: 'original' });
    const theirs = await create({ thread: '/t', body: 'someone else' });
    for (const token of [undefined, theirs.editToken, 'forged-token-that-is-long-enough']) {
      const edit = await patch(mine.comment.id, { body: 'hacked' }, token);
      expect(edit.status).toBe(403);
      expect(await code(edit)).toBe('forbidden');
      expect((await del(mine.comment.id, token)).status).toBe(403);
    }
    clock += 15 * 60_000 + 1;
    const late = await patch(mine.comment.id, { body: 'too late' }, mine.editToken);
    expect(late.status).toBe(403);
    expect(await code(late)).toBe('edit_window_closed');
    expect((await del(mine.comment.id, mine.editToken)).status).toBe(403);
    expect((await list()).comments.map((c) => c.body)).toEqual(['original', 'someone else']);
  });

  it('validates an edit like a post', async () => {
    const { comment, editToken } = await create({ thread: '/t', body: 'x' });
    expect(await code(await patch(comment.id, { body: '' }, editToken))).toBe('body_required');
    expect(await code(await patch(comment.id, { body: 'y'.repeat(10_001) }, editToken))).toBe('body_too_long');
    expect(await code(await patch(comment.id, { body: 'ok', thread: '/other' }, editToken))).toBe('unknown_field');
    expect((await patch('no-such-id', { body: 'ok' }, editToken)).status).toBe(404);
  });

  it('deleting a comment without replies removes it; with replies it leaves a placeholder', async () => {
    const lone = await create({ thread: '/t', body: 'lone' });
    const parent = await create({ thread: '/t', body: 'parent', author: { name: 'P', website: 'https://p.example' } });
    const reply = await create({ thread: '/t', parentId: parent.comment.id, body: 'reply' });
    expect(await (await del(lone.comment.id, lone.editToken)).json()).toEqual({ comment: null });

    const placeholder = ((await (await del(parent.comment.id, parent.editToken)).json()) as { comment: Comment }).comment;
    expect(placeholder).toMatchObject({ id: parent.comment.id, status: 'deleted', body: '', author: { name: null, website: null } });
    let thread = await list();
    expect(thread.comments.map((c) => [c.id, c.status])).toEqual([
      [parent.comment.id, 'deleted'],
      [reply.comment.id, 'published'],
    ]);
    expect(thread.thread.commentCount).toBe(1);
    expect(await code(await del(parent.comment.id, parent.editToken))).toBe('already_deleted');

    // The last reply goes, and takes the placeholder with it.
    await del(reply.comment.id, reply.editToken);
    thread = await list();
    expect(thread.comments).toEqual([]);
    expect(thread.thread.commentCount).toBe(0);
  });
});

describe('votes', () => {
  it('counts one vote per voter, which can be taken back', async () => {
    const { comment } = await create({ thread: '/t', body: 'x' });
    expect(await (await vote(comment.id, 'voter-aaaaaaaa')).json()).toEqual({ id: comment.id, score: 1, voted: true });
    expect(await (await vote(comment.id, 'voter-aaaaaaaa')).json()).toEqual({ id: comment.id, score: 1, voted: true });
    expect(((await (await vote(comment.id, 'voter-bbbbbbbb')).json()) as { score: number }).score).toBe(2);
    expect(await (await vote(comment.id, 'voter-aaaaaaaa', 'DELETE')).json()).toEqual({ id: comment.id, score: 1, voted: false });
    expect((await list()).comments[0]!.score).toBe(1);
  });

  it('needs a voter id and an existing comment; limits votes per IP with 429 and Retry-After', async () => {
    const { comment } = await create({ thread: '/t', body: 'x' });
    const { comment: other } = await create({ thread: '/t', body: 'y' });
    expect((await vote(comment.id, null)).status).toBe(400);
    expect((await vote('missing-id', 'voter-aaaaaaaa')).status).toBe(404);
    // Burst of 5: the 404 above took one token, these take the other four (on two comments: one
    // address may add only three votes to one comment a day).
    for (let i = 0; i < 4; i++) expect((await vote(i % 2 ? other.id : comment.id, `voter-${i}xxxxxxx`)).status).toBe(200);
    const limited = await vote(comment.id, 'voter-zzzzzzzz');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await code(limited)).toBe('rate_limited');
  });

  it('sorts top-level comments by score with sort=top', async () => {
    const a = await create({ thread: '/t', body: 'a' });
    const b = await create({ thread: '/t', body: 'b' });
    await vote(b.comment.id, 'voter-11111111');
    const res = (await (await app.request('/api/comments?thread=%2Ft&sort=top')).json()) as ThreadResponse;
    expect(res.comments.map((c) => c.id)).toEqual([b.comment.id, a.comment.id]);
  });
});

describe('live events', () => {
  /** Reads SSE messages from a streaming response until `n` have arrived (or 3 s pass). */
  async function readEvents(res: Response, n: number): Promise<{ id: string; event: string; data: Record<string, unknown> }[]> {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const out: { id: string; event: string; data: Record<string, unknown> }[] = [];
    const deadline = Date.now() + 3000;
    while (out.length < n && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
      if (chunk?.value) text += decoder.decode(chunk.value, { stream: true });
      const blocks = text.split('\n\n');
      text = blocks.pop()!;
      for (const block of blocks) {
        const get = (field: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${field}:`))
            ?.slice(field.length + 1)
            .trim();
        if (get('data')) out.push({ id: get('id')!, event: get('event')!, data: JSON.parse(get('data')!) });
      }
    }
    await reader.cancel();
    return out;
  }

  it('replays what a reconnecting reader missed (Last-Event-ID), in order and once', async () => {
    const a = await create({ thread: '/live', body: 'first' });
    await create({ thread: '/live', body: 'second' });
    await patch(a.comment.id, { body: 'first, edited' }, a.editToken);
    await create({ thread: '/elsewhere', body: 'not this thread' });
    const res = await app.request('/api/events?thread=%2Flive', { headers: { 'last-event-id': '1' } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readEvents(res, 2);
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ['2', 'comment'],
      ['3', 'edit'],
    ]);
    expect((events[1]!.data.comment as Comment).body).toBe('first, edited');
  });

  it('streams new comments, deletions and votes as they happen', async () => {
    const res = await app.request('/api/events?thread=%2Flive&after=0');
    const reading = readEvents(res, 3);
    await new Promise((r) => setTimeout(r, 50));
    const c = await create({ thread: '/live', body: 'live one' });
    await vote(c.comment.id, 'voter-live0001');
    await del(c.comment.id, c.editToken);
    const events = await reading;
    expect(events.map((e) => e.event)).toEqual(['comment', 'vote', 'delete']);
    expect(events.map((e) => Number(e.id))).toEqual([1, 2, 3]);
    expect(events[2]!.data).toEqual({ type: 'delete', id: c.comment.id, comment: null });
  });
});
