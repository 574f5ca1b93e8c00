import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** A local stand-in for a site's moderation service or Akismet: records requests, answers with `reply`. */
async function fakeService(reply: (body: string, req: http.IncomingMessage) => { status?: number; body: string; delayMs?: number }) {
  const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      const answer = reply(body, req);
      setTimeout(() => res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(answer.body), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(STORE_KINDS)('external moderation ($name)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(options: Partial<AppOptions>) {
    const { store, dispose } = await kind.open();
    cleanups.push(dispose);
    const logged: string[] = [];
    const app = createApp({
      store,
      origins: [],
      distDir: '/none',
      webhookSecret: SECRET,
      logError: (e) => logged.push(String(e)),
      ...options,
    });
    const post = (body: object) =>
      app.request('/api/comments', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 test' },
      });
    const list = async () => (await (await app.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    return { app, store, post, list, logged };
  }
  async function service(reply: Parameters<typeof fakeService>[0]) {
    const s = await fakeService(reply);
    cleanups.push(s.close);
    return s;
  }

  it('signs every new comment and edit per Standard Webhooks and follows the verdict', async () => {
    const verdicts: Record<string, string> = { allow: 'allow', hold: 'hold', refuse: 'refuse' };
    const hook = await service((body) => {
      const text = (JSON.parse(body) as { data: { comment: { body: string } } }).data.comment.body;
      return { body: JSON.stringify({ verdict: verdicts[text.split(' ')[0]!] ?? 'allow', reason: 'test' }) };
    });
    const g = await setup({ moderationWebhook: { url: hook.url } });
    const allowed = await g.post({ thread: '/t', body: 'allow this', author: { email: 'ann@example.com' } });
    expect(((await allowed.json()) as PostCommentResponse).comment.status).toBe('published');
    const held = await g.post({ thread: '/t', body: 'hold this' });
    expect(((await held.json()) as PostCommentResponse).comment.status).toBe('pending');
    const refused = await g.post({ thread: '/t', body: 'refuse this' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorResponse).error.code).toBe('rejected_by_moderation');
    expect((await g.list()).comments.map((c) => c.body)).toEqual(['allow this']);

    const first = hook.seen[0]!;
    const payload = new Webhook(SECRET).verify(first.body, first.headers as Record<string, string>) as {
      type: string;
      data: { comment: { body: string }; thread: { key: string }; email: string; ipHash: string; ip?: string };
    };
    expect(payload.type).toBe('comment.created');
    expect(payload.data).toMatchObject({ comment: { body: 'allow this' }, thread: { key: '/t' }, email: 'ann@example.com' });
    expect(payload.data.ipHash).toMatch(/\w{16,}/);
    expect(payload.data.ip).toBeUndefined();
    // A forged signature does not verify: the service can tell the request came from this server.
    expect(() =>
      new Webhook('whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==').verify(first.body, first.headers as Record<string, string>),
    ).toThrow();

    // An edit is asked about too, and a refused edit changes nothing.
    const ok = (await (await g.post({ thread: '/t', body: 'allow me too' })).json()) as PostCommentResponse;
    const edit = await g.app.request(`/api/comments/${ok.comment.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ body: 'refuse this edit' }),
      headers: { 'content-type': 'application/json', 'x-edit-token': ok.editToken },
    });
    expect(((await edit.json()) as ErrorResponse).error.code).toBe('rejected_by_moderation');
    expect(JSON.parse(hook.seen.at(-1)!.body).type).toBe('comment.edited');
    expect((await g.list()).comments.map((c) => c.body)).toEqual(['allow this', 'allow me too']);
  });

  it('holds a comment when the service is slow, fails or answers nonsense, and logs why', async () => {
    const answers = [
      { body: '{"verdict":"allow"}', delayMs: 600 },
      { status: 500, body: '{"verdict":"allow"}' },
      { body: 'not json' },
      { body: '{"verdict":"maybe"}' },
    ];
    let i = 0;
    const hook = await service(() => answers[i++]!);
    const g = await setup({ moderationWebhook: { url: hook.url, timeoutMs: 200 } });
    for (const _ of answers) {
      const res = await g.post({ thread: '/t', body: 'whatever happens' });
      expect(((await res.json()) as PostCommentResponse).comment.status).toBe('pending');
    }
    expect(g.logged).toHaveLength(4);
    expect(g.logged[0]).toMatch(/held/);
  });

  it('asks Akismet at <URL>/1.1/comment-check with the key in the form body, and holds what it calls spam', async () => {
    const akismet = await service((body) => ({
      body: new URLSearchParams(body).get('comment_content')!.includes('viagra') ? 'true' : 'false',
    }));
    const g = await setup({ akismet: { key: 'abc123key', url: akismet.url }, publicUrl: 'https://news.example' });
    const ham = await g.post({ thread: '/t', body: 'A thoughtful reply', author: { name: 'Ann', email: 'ann@example.com' } });
    expect(((await ham.json()) as PostCommentResponse).comment.status).toBe('published');
    const spam = await g.post({ thread: '/t', body: 'cheap viagra' });
    expect(((await spam.json()) as PostCommentResponse).comment.status).toBe('pending');
    const form = new URLSearchParams(akismet.seen[0]!.body);
    expect(akismet.seen[0]!.path).toBe('/1.1/comment-check');
    expect(Object.fromEntries(form)).toMatchObject({
      api_key: 'abc123key',
      blog: 'https://news.example',
      comment_author: 'Ann',
      comment_author_email: 'ann@example.com',
      comment_content: 'A thoughtful reply',
      comment_type: 'comment',
      user_agent: 'Mozilla/5.0 test',
    });
    expect(form.get('user_ip')).toBeTruthy();
  });
});
