import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnchorsResponse, Comment, ErrorResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createApp } from './app.ts';

const SITE = 'https://news.example';
let store: CommentStore;
let distDir: string;
let app: ReturnType<typeof createApp>;
let errors: unknown[];

beforeEach(() => {
  store = openSqliteStore(':memory:');
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-dist-'));
  fs.writeFileSync(path.join(distDir, 'embed.js'), 'console.log("embed")');
  errors = [];
  app = createApp({ store, origins: [SITE], distDir, logError: (e) => errors.push(e) });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/comments', { method: 'POST', body, headers: { origin: SITE, ...headers } });
const postJson = (value: unknown) => post(JSON.stringify(value));
const read = async (thread: string) =>
  (await (await app.request(`/api/comments?thread=${encodeURIComponent(thread)}`)).json()) as ThreadResponse;

describe('GET /api/comments', () => {
  it('answers an unknown thread with an empty thread, not a 404', async () => {
    const res = await app.request('/api/comments?thread=%2Fnothing-here');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      thread: { key: '/nothing-here', title: null, url: null, commentCount: 0, version: 0 },
      comments: [],
      nextCursor: null,
      features: { pow: false, notify: false },
    });
  });

  it('refuses a thread key with control characters', async () => {
    const res = await app.request('/api/comments?thread=%2Fa%00');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).error.code).toBe('validation_failed');
  });

  it('answers other methods with 405 and the allowed ones', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/api/comments', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
      expect(((await res.json()) as ErrorResponse).error.code).toBe('method_not_allowed');
    }
  });

  it('answers 304 while a thread is unchanged, and a new ETag after any post', async () => {
    await postJson({ thread: '/e', body: 'one' });
    const first = await app.request('/api/comments?thread=%2Fe');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await app.request('/api/comments?thread=%2Fe', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // Another page or order of the same thread is another answer.
    expect((await app.request('/api/comments?thread=%2Fe&sort=newest', { headers: { 'if-none-match': etag } })).status).toBe(200);
    await postJson({ thread: '/e', body: 'two' });
    const changed = await app.request('/api/comments?thread=%2Fe', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as ThreadResponse).comments.map((c) => c.body)).toEqual(['one', 'two']);
  });

  it('serves an unchanged thread from memory without reading its comments again', async () => {
    await postJson({ thread: '/m', body: 'cached' });
    let pageReads = 0;
    const counting = createApp({
      store: {
        ...store,
        listPage: (...args) => {
          pageReads++;
          return store.listPage(...args);
        },
      },
      origins: [],
      distDir,
    });
    const a = await (await counting.request('/api/comments?thread=%2Fm')).text();
    const b = await (await counting.request('/api/comments?thread=%2Fm')).text();
    expect(b).toBe(a);
    expect(pageReads).toBe(1);
    await postJson({ thread: '/m', body: 'more' });
    await counting.request('/api/comments?thread=%2Fm');
    expect(pageReads).toBe(2);
  });

  it('needs a thread key', async () => {
    const res = await app.request('/api/comments');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).error.code).toBe('thread_required');
  });
});

describe('GET /api/comments paging, permalinks and counts', () => {
  const seedThread = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { comment } = (await (await postJson({ thread: '/p', body: `root ${i}` })).json()) as { comment: Comment };
      ids.push(comment.id);
      if (i % 2 === 0) await postJson({ thread: '/p', parentId: comment.id, body: `reply to ${i}` });
    }
    return ids;
  };

  it('pages with limit and cursor until nextCursor is null, covering every comment once', async () => {
    await seedThread(7);
    const seen: string[] = [];
    let url = '/api/comments?thread=%2Fp&limit=3';
    for (;;) {
      const res = (await (await app.request(url)).json()) as ThreadResponse;
      expect(res.thread.commentCount).toBe(11);
      seen.push(...res.comments.map((c) => c.body));
      if (!res.nextCursor) break;
      url = `/api/comments?thread=%2Fp&limit=3&cursor=${res.nextCursor}`;
    }
    expect(seen.filter((b) => b.startsWith('root'))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `root ${i}`));
    expect(seen).toHaveLength(11);
  });

  it('without a limit answers the whole thread, however many replies (no page budget)', async () => {
    await seedThread(60);
    const res = (await (await app.request('/api/comments?thread=%2Fp')).json()) as ThreadResponse;
    expect(res.comments).toHaveLength(90);
    expect(res.nextCursor).toBeNull();
  });

  it('sorts newest first on request', async () => {
    await seedThread(3);
    const res = (await (await app.request('/api/comments?thread=%2Fp&sort=newest&limit=1')).json()) as ThreadResponse;
    expect(res.comments.map((c) => c.body)).toEqual(['root 2', 'reply to 2']);
  });

  it('answers ?around=ID with the whole sub-thread holding that comment', async () => {
    const ids = await seedThread(5);
    const all = (await (await app.request('/api/comments?thread=%2Fp')).json()) as ThreadResponse;
    const reply = all.comments.find((c) => c.parentId === ids[4])!;
    const res = (await (await app.request(`/api/comments?thread=%2Fp&around=${reply.id}`)).json()) as ThreadResponse;
    expect(res.comments.map((c) => c.body)).toEqual(['root 4', 'reply to 4']);
    const missing = await app.request('/api/comments?thread=%2Fp&around=nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorResponse).error.code).toBe('comment_not_found');
    const elsewhere = await app.request(`/api/comments?thread=%2Fother&around=${reply.id}`);
    expect(elsewhere.status).toBe(404);
  });

  for (const [query, code] of [
    ['limit=0', 'validation_failed'],
    ['limit=201', 'validation_failed'],
    ['limit=abc', 'validation_failed'],
    ['limit=-1', 'validation_failed'],
    ['sort=random', 'validation_failed'],
    ['cursor=garbage', 'invalid_cursor'],
    [`cursor=${Buffer.from('["newest",1,0]').toString('base64url')}`, 'invalid_cursor'],
    [`cursor=${Buffer.from('["oldest",-5,0]').toString('base64url')}`, 'invalid_cursor'],
  ]) {
    it(`refuses ${query} with 400 ${code}`, async () => {
      const res = await app.request(`/api/comments?thread=%2Fp&${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorResponse).error.code).toBe(code);
    });
  }

  it('counts several threads in one request, 0 for unknown ones', async () => {
    await seedThread(2);
    await postJson({ thread: '/q', body: 'x' });
    const res = await app.request('/api/counts?thread=%2Fp&thread=%2Fq&thread=%2Fnone', { headers: { origin: SITE } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await res.json()).toEqual({ counts: { '/p': 3, '/q': 1, '/none': 0 } });
  });

  it('refuses counts without threads or with too many', async () => {
    expect((await app.request('/api/counts')).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `thread=t${i}`).join('&');
    expect((await app.request(`/api/counts?${many}`)).status).toBe(400);
  });
});

describe('POST /api/comments', () => {
  it('stores a comment, answers 201 with it, and learns the page from it', async () => {
    const res = await postJson({
      thread: '/a',
      author: { name: 'Ann' },
      body: 'First!\n\nSecond paragraph',
      page: { title: 'A story', url: 'https://news.example/a' },
    });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: Comment };
    expect(comment).toMatchObject({
      thread: '/a',
      parentId: null,
      author: { name: 'Ann' },
      body: 'First!\n\nSecond paragraph',
      status: 'published',
    });
    expect(Date.parse(comment.createdAt)).not.toBeNaN();
    const thread = await read('/a');
    expect(thread.thread).toEqual({ key: '/a', title: 'A story', url: 'https://news.example/a', commentCount: 1, version: 1 });
    expect(thread.comments).toEqual([comment]);
  });

  it('cleans what it stores: controls, lone surrogates, bidi overrides in names', async () => {
    const res = await postJson({ thread: '/a', author: { name: '\u202eevil' }, body: 'a\u0000b \ud800' });
    const { comment } = (await res.json()) as { comment: Comment };
    expect(comment.author.name).toBe('evil');
    expect(comment.body).toBe('ab \ufffd');
  });

  it('takes author: null as anonymous', async () => {
    const res = await postJson({ thread: '/a', author: null, body: 'x' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { comment: Comment }).comment.author.name).toBeNull();
  });

  it('stores a reply under its parent', async () => {
    const parent = ((await (await postJson({ thread: '/a', body: 'p' })).json()) as { comment: Comment }).comment;
    const res = await postJson({ thread: '/a', parentId: parent.id, body: 'r' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { comment: Comment }).comment.parentId).toBe(parent.id);
  });

  describe('refuses bad requests with a 4xx JSON error and stores nothing', () => {
    let before: ThreadResponse;
    let otherThreadComment: Comment;
    beforeEach(async () => {
      await postJson({ thread: '/a', body: 'kept' });
      otherThreadComment = ((await (await postJson({ thread: '/b', body: 'elsewhere' })).json()) as { comment: Comment }).comment;
      before = await read('/a');
    });
    afterEach(async () => {
      expect(await read('/a')).toEqual(before);
      expect(errors).toEqual([]);
    });

    const cases: { title: string; send: () => Response | Promise<Response>; status: number; code: string }[] = [
      { title: 'malformed JSON', send: () => post('{"thread": "/a", "body": '), status: 400, code: 'invalid_json' },
      { title: 'empty request body', send: () => post(''), status: 400, code: 'invalid_json' },
      {
        title: 'a non-JSON content type',
        send: () => post('thread=/a&body=x', { 'content-type': 'application/x-www-form-urlencoded' }),
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        title: 'text/plain JSON (the CORS-simple trick)',
        send: () => post(JSON.stringify({ thread: '/a', body: 'x' }), { 'content-type': 'text/plain' }),
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        title: 'no content type',
        send: () => post(JSON.stringify({ thread: '/a', body: 'x' }), {}),
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        title: 'a body over 64 KB',
        send: () => postJson({ thread: '/a', body: 'x'.repeat(70_000) }),
        status: 413,
        code: 'payload_too_large',
      },
      { title: 'missing body', send: () => postJson({ thread: '/a' }), status: 422, code: 'body_required' },
      { title: 'empty body', send: () => postJson({ thread: '/a', body: '' }), status: 422, code: 'body_required' },
      {
        title: 'body over 10,000 characters',
        send: () => postJson({ thread: '/a', body: 'y'.repeat(10_001) }),
        status: 422,
        code: 'body_too_long',
      },
      {
        title: 'name over 80 characters',
        send: () => postJson({ thread: '/a', body: 'x', author: { name: 'n'.repeat(81) } }),
        status: 422,
        code: 'name_too_long',
      },
      {
        title: 'a parentId that does not exist',
        send: () => postJson({ thread: '/a', parentId: 'nope', body: 'x' }),
        status: 422,
        code: 'parent_not_found',
      },
      {
        title: 'a parentId from another thread',
        send: () => postJson({ thread: '/a', parentId: otherThreadComment.id, body: 'x' }),
        status: 422,
        code: 'parent_in_other_thread',
      },
      { title: 'an unknown field', send: () => postJson({ thread: '/a', body: 'x', isAdmin: true }), status: 422, code: 'unknown_field' },
      {
        title: 'a field of the wrong type',
        send: () => postJson({ thread: '/a', body: { html: '<b>' } }),
        status: 422,
        code: 'validation_failed',
      },
      { title: 'a JSON array', send: () => postJson([{ thread: '/a', body: 'x' }]), status: 422, code: 'validation_failed' },
      { title: 'a JSON number', send: () => post('12'), status: 422, code: 'validation_failed' },
    ];
    for (const { title, send, status, code } of cases) {
      it(title, async () => {
        const res = await send();
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        const body = (await res.json()) as ErrorResponse;
        expect(body.error.code).toBe(code);
        expect(body.error.message).toMatch(/\w{3,}/);
      });
    }

    it('a 1 MB body streamed without a length', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 16) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await app.request('/api/comments', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        // @ts-expect-error Node's fetch needs this for stream bodies
        duplex: 'half',
      });
      expect(res.status).toBe(413);
    });
  });
});

describe('inline comments: anchors', () => {
  const anchor = {
    type: 'quote',
    exact: 'Connecticut   Trust Act',
    prefix: 'trains its officers on the ',
    suffix: ', which clearly',
    position: 812,
  };
  const anchors = async (thread: string) =>
    (await (await app.request(`/api/anchors?thread=${encodeURIComponent(thread)}`)).json()) as AnchorsResponse;

  it('stores a quote anchor, cleaned and keyed, and counts the passage with its replies', async () => {
    const res = await postJson({ thread: '/a', body: 'On the Trust Act', anchor });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: Comment };
    expect(comment.anchor).toMatchObject({ type: 'quote', exact: 'Connecticut Trust Act', position: 812 });
    expect(comment.anchor!.key).toMatch(/^[\w-]{16}$/);
    await postJson({ thread: '/a', body: 'A reply', parentId: comment.id });
    // The same passage quoted again (another hint) is the same anchor.
    const again = (await (await postJson({ thread: '/a', body: 'Me too', anchor: { ...anchor, position: 9 } })).json()) as {
      comment: Comment;
    };
    expect(again.comment.anchor!.key).toBe(comment.anchor!.key);
    await postJson({ thread: '/a', body: 'Not anchored' });
    expect(await anchors('/a')).toEqual({
      thread: '/a',
      anchors: [{ key: comment.anchor!.key, anchor: comment.anchor, count: 3 }],
    });
    const inline = (await (await app.request('/api/comments?thread=%2Fa&filter=inline&limit=10')).json()) as ThreadResponse;
    expect(inline.comments.map((c) => c.body)).toEqual(['On the Trust Act', 'Me too', 'A reply']);
    const byKey = (await (
      await app.request(`/api/comments?thread=%2Fa&anchor=${comment.anchor!.key}&anchor=other`)
    ).json()) as ThreadResponse;
    expect(byKey.comments).toHaveLength(3);
    expect((await read('/a')).comments).toHaveLength(4);
  });

  it('answers an unknown thread with no anchors, and needs a thread key', async () => {
    expect(await anchors('/none')).toEqual({ thread: '/none', anchors: [] });
    const res = await app.request('/api/anchors');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).error.code).toBe('thread_required');
  });

  it('refuses bad anchors and filters with a 4xx JSON error and stores nothing', async () => {
    const { comment } = (await (await postJson({ thread: '/b', body: 'root' })).json()) as { comment: Comment };
    const cases: [unknown, string][] = [
      [{ thread: '/b', body: 'x', parentId: comment.id, anchor }, 'anchor_on_reply'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, type: 'xpath' } }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, exact: ' \u0000 ' } }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, exact: 'x'.repeat(1001) } }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, prefix: 'p'.repeat(65) } }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, position: -1 } }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: { ...anchor, xpath: '/html/body/p[3]' } }, 'unknown_field'],
      [{ thread: '/b', body: 'x', anchor: 'Connecticut' }, 'validation_failed'],
      [{ thread: '/b', body: 'x', anchor: [anchor] }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await postJson(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(((await res.json()) as ErrorResponse).error.code).toBe(code);
    }
    for (const q of [
      'filter=mine',
      'anchor=%3Cb%3E',
      `${'anchor=k&'.repeat(1)}${Array.from({ length: 51 }, (_, i) => `anchor=k${i}`).join('&')}`,
    ]) {
      const res = await app.request(`/api/comments?thread=%2Fb&${q}`);
      expect(res.status, q).toBe(400);
    }
    expect((await read('/b')).comments).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured site origin', async () => {
    const res = await app.request('/api/comments', {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('does not grant an origin that is not configured', async () => {
    const res = await app.request('/api/comments?thread=/a', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('assets and errors', () => {
  it('serves embed.js as cacheable JavaScript any site may load, with ETag revalidation', async () => {
    const res = await app.request('/embed.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await app.request('/embed.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('caches content-hashed chunks for a year and serves nothing outside the widget files', async () => {
    fs.writeFileSync(path.join(distDir, 'threadline-format-AbC123xy.js'), 'export {}');
    fs.writeFileSync(path.join(distDir, 'secret.js'), 'no');
    const res = await app.request('/threadline-format-AbC123xy.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    for (const url of ['/secret.js', '/..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/threadline-format-AbC123xy.js.map']) {
      expect((await app.request(url)).status, url).toBe(404);
    }
  });

  it('answers unknown paths and missing assets with a JSON 404', async () => {
    for (const url of ['/nope', '/threadline.js', '/../package.json', '/api/unknown']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      expect(((await res.json()) as ErrorResponse).error.code).toBe('not_found');
    }
  });

  it('turns an unexpected failure into a JSON 500 without crashing', async () => {
    const broken = createApp({
      store: { ...store, getThread: () => Promise.reject(new Error('disk on fire')) },
      origins: [],
      distDir,
      logError: (e) => errors.push(e),
    });
    const res = await broken.request('/api/comments?thread=/a');
    expect(res.status).toBe(500);
    expect(((await res.json()) as ErrorResponse).error.code).toBe('internal');
    expect(errors).toHaveLength(1);
  });
});
