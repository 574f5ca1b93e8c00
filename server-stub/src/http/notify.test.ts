import type { ParsedMail } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostCommentResponse, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import { createWebhookSigner } from '../outbound/signed-webhook.ts';
import { NO_NOTIFY, type NotifySettings } from '../outbox/notify-settings.ts';
import { createOutboxPlan } from '../outbox/outbox-plan.ts';
import { listOutbox } from '../outbox/outbox-queue.ts';
import { createOutboxSender } from '../outbox/outbox-sender.ts';
import { startMailbox, startReceiver } from '../outbox/test-receivers.ts';
import { type AppOptions, createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

const PUBLIC = 'http://comments.test';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const PAGE = { title: 'Harbour plan', url: 'https://news.test/harbour' };

describe.each(STORE_KINDS)('notifications ($name)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** An app, its outbox sender on the same clock, and a real SMTP server on loopback. */
  async function setup(notify: Partial<NotifySettings> = {}, app: Partial<AppOptions> = {}) {
    const { store, dispose } = await kind.open();
    cleanups.push(dispose);
    const box = await startMailbox();
    cleanups.push(box.close);
    // Real time: webhook receivers refuse signatures more than 5 minutes off.
    let clock = Date.now();
    const now = () => new Date(clock);
    const settings: NotifySettings = { ...NO_NOTIFY, mail: { smtpUrl: box.url, from: 'Ledger <c@news.test>' }, batchMinutes: 0, ...notify };
    const api = createApp({
      store,
      origins: [],
      distDir: '/none',
      publicUrl: PUBLIC,
      now,
      notify: settings,
      adminToken: 'admin-token-123',
      ...app,
    });
    const sender = createOutboxSender({ store, settings, publicUrl: PUBLIC, signer: createWebhookSigner(SECRET), now, log: () => {} });
    cleanups.push(() => sender.stop());
    const post = async (body: object) => {
      const res = await api.request('/api/comments', {
        method: 'POST',
        body: JSON.stringify({ thread: '/t', page: PAGE, ...body }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as PostCommentResponse).comment;
    };
    const flush = async () => {
      while ((await sender.runOnce()) > 0);
    };
    const get = (url: string, init?: RequestInit) => api.request(url.replace(PUBLIC, ''), init);
    const mailsTo = (to: string) => box.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to);
    /** Posts with notify from `email` and confirms the address through the mailed link. */
    const subscriber = async (email: string, body: object = {}) => {
      const c = await post({ body: 'Who pays for the harbour?', author: { name: 'Ann', email }, notify: 'replies', lang: 'en', ...body });
      await flush();
      const link = confirmLink(mailsTo(email).at(-1)!);
      expect((await get(link)).status).toBe(200);
      return c;
    };
    return {
      settings,
      now,
      store,
      api,
      box,
      post,
      flush,
      get,
      mailsTo,
      subscriber,
      tick: (ms: number) => (clock += ms),
      outbox: () => store.runRule(listOutbox(null, 500)),
    };
  }
  const confirmLink = (m: ParsedMail) => /http:\/\/comments\.test\/api\/notify\/confirm\?\S+/.exec(m.text ?? '')![0];

  it('exists only with a mail server: features.notify, and notify ignored without one', async () => {
    const off = await setup({ mail: null });
    const read = (await (await off.api.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    expect(read.features?.notify).toBe(false);
    await off.post({ body: 'Hi', author: { email: 'a@x.test' }, notify: 'thread', lang: 'de' });
    await off.flush();
    expect(await off.outbox()).toEqual([]);
    expect(off.box.mails).toEqual([]);
    const on = await setup();
    expect(((await (await on.api.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse).features?.notify).toBe(true);
  });

  it('double opt-in: one confirmation (German), nothing before it, single-use link, no second confirmation', async () => {
    const s = await setup();
    const top = await s.post({ body: 'Who pays?', author: { name: 'Ann', email: 'Ann@X.test' }, notify: 'replies', lang: 'de-AT' });
    await s.post({ body: 'Again, within the hour', author: { email: 'ann@x.test' }, notify: 'thread', lang: 'de' });
    await s.flush();
    const confirms = s.mailsTo('ann@x.test');
    expect(confirms).toHaveLength(1);
    expect(confirms[0]!.subject).toBe('Bestätigen Sie Ihre E-Mail für Antwort-Benachrichtigungen');
    expect(confirms[0]!.html).toContain('Harbour plan');
    await s.post({ parentId: top.id, body: 'The port pays.', author: { name: 'Ben', email: 'ben@x.test' } });
    await s.flush();
    expect(s.mailsTo('ann@x.test')).toHaveLength(1);
    const link = confirmLink(confirms[0]!);
    const page = await s.get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ihre Adresse ist bestätigt');
    expect((await s.get(link)).status).toBe(400);
    await s.post({ body: 'A third one', author: { email: 'ann@x.test' }, notify: 'replies', lang: 'de' });
    await s.flush();
    expect(s.mailsTo('ann@x.test')).toHaveLength(1);
  });

  it('a confirmation link expires after 7 days', async () => {
    const s = await setup();
    await s.post({ body: 'Hi', author: { email: 'ann@x.test' }, notify: 'replies' });
    await s.flush();
    s.tick(7 * 24 * 3600_000 + 1000);
    expect((await s.get(confirmLink(s.mailsTo('ann@x.test')[0]!))).status).toBe(400);
  });

  it('a published reply mails the confirmed subscriber: both parts, the link, one-click unsubscribe; never the author', async () => {
    const s = await setup();
    const top = await s.subscriber('ann@x.test', { lang: 'fr' });
    const reply = await s.post({
      parentId: top.id,
      body: 'The port authority pays, says the plan.',
      author: { name: 'Ben', email: 'ben@x.test' },
    });
    await s.flush();
    const mail = s.mailsTo('ann@x.test').at(-1)!;
    expect(mail.subject).toBe('Nouvelle réponse sur « Harbour plan »');
    expect(mail.text).toContain('Ben a écrit :');
    expect(mail.text).toContain('The port authority pays, says the plan.');
    expect(mail.text).toContain(`https://news.test/harbour#comment-${reply.id}`);
    expect(mail.html).toContain(`href="https://news.test/harbour#comment-${reply.id}"`);
    expect(mail.html).toContain('dir="ltr"');
    // Header lines as sent, unfolded.
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <(.+)>$/i.exec(header('list-unsubscribe') ?? '')![1]!;
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toMatch(/\/api\/notify\/stop\?token=/);
    // The subscriber's own reply is no news to them.
    const before = s.mailsTo('ann@x.test').length;
    await s.post({ parentId: top.id, body: 'Thanks Ben', author: { name: 'Ann', email: 'ANN@x.test' } });
    await s.flush();
    expect(s.mailsTo('ann@x.test')).toHaveLength(before);
    const oneClick = await s.get(unsubscribe, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    await s.post({ parentId: top.id, body: 'Anyone?', author: { name: 'Cy' } });
    await s.flush();
    expect(s.mailsTo('ann@x.test')).toHaveLength(before);
  });

  it('a held reply mails nobody but the owner until a moderator approves it', async () => {
    const s = await setup({ alertEmails: ['owner@news.test'] }, { policy: { moderation: 'first-time-and-links' } });
    const top = await s.subscriber('ann@x.test');
    const approve = (id: string) =>
      s.api.request(`/api/admin/comments/${id}/approve`, { method: 'POST', headers: { authorization: 'Bearer admin-token-123' } });
    // Ann's first comment was held too (first-time): approved, so Dee can reply.
    expect((await approve(top.id)).status).toBe(200);
    const held = await s.post({ parentId: top.id, body: 'See https://spam.test', author: { name: 'Dee', email: 'dee@x.test' } });
    expect(held.status).toBe('pending');
    await s.flush();
    expect(s.mailsTo('ann@x.test').filter((m) => m.subject?.startsWith('New reply'))).toHaveLength(0);
    expect((await s.outbox()).filter((r) => r.kind === 'reply')).toEqual([]);
    const alert = s.mailsTo('owner@news.test').filter((m) => m.text?.includes('See https://spam.test'));
    expect(alert).toHaveLength(1);
    expect(alert[0]!.subject).toBe('[threadline] waiting for approval: Harbour plan');
    expect(alert[0]!.text).toContain('dee@x.test');
    expect(alert[0]!.text).toMatch(/IP hash: \S+/);
    expect((await approve(held.id)).status).toBe(200);
    await s.flush();
    expect(s.mailsTo('ann@x.test').filter((m) => m.subject?.startsWith('New reply'))).toHaveLength(1);
  });

  it('a flagged comment alerts the owner from inside a write, whatever THREADLINE_ALERT_ON says (for reader reports)', async () => {
    const s = await setup({ alertEmails: ['owner@news.test'] });
    const c = await s.post({ body: 'Something rude', author: { name: 'Gus', email: 'gus@x.test' } });
    await s.flush();
    expect(s.mailsTo('owner@news.test')).toHaveLength(0);
    const plan = createOutboxPlan(s.settings, s.now);
    await s.store.runRule(plan.happened({ type: 'comment.flagged', comment: c, email: 'gus@x.test', ipHash: null, reason: 'insult' }));
    await s.flush();
    const [alert] = s.mailsTo('owner@news.test');
    expect(alert?.subject).toBe('[threadline] flagged by a reader: Harbour plan');
    expect(alert?.text).toContain('Reason: insult');
    expect(alert?.text).toContain('gus@x.test');
  });

  it("a comment held by readers' reports alerts the owner once (THREADLINE_ALERT_EMAIL)", async () => {
    const s = await setup({ alertEmails: ['owner@news.test'] }, { flagThreshold: 2, trustProxy: true });
    const c = await s.post({ body: 'Something rude', author: { name: 'Gus', email: 'gus@x.test' } });
    await s.flush();
    const report = (ip: string) =>
      s.api.request(`/api/comments/${c.id}/flags`, {
        method: 'POST',
        body: JSON.stringify({ reason: 'abuse' }),
        headers: { 'content-type': 'application/json', 'x-voter-id': `voter-${ip.replaceAll('.', '-')}`, 'x-forwarded-for': ip },
      });
    expect((await report('198.51.100.1')).status).toBe(200);
    await s.flush();
    expect(s.mailsTo('owner@news.test')).toHaveLength(0);
    expect((await report('198.51.100.2')).status).toBe(200);
    await s.flush();
    const alerts = s.mailsTo('owner@news.test');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toBe('[threadline] flagged by a reader: Harbour plan');
    expect(alerts[0]!.text).toContain('gus@x.test');
  });

  it('replies within the batch window go out as one mail', async () => {
    const s = await setup({ batchMinutes: 10 });
    const top = await s.subscriber('ann@x.test');
    await s.post({ parentId: top.id, body: 'First answer', author: { name: 'Ben' } });
    s.tick(4 * 60_000);
    await s.post({ parentId: top.id, body: 'Second answer', author: { name: 'Cy' } });
    await s.flush();
    const replies = () => s.mailsTo('ann@x.test').filter((m) => /new repl/i.test(m.subject ?? ''));
    expect(replies()).toHaveLength(0);
    s.tick(6 * 60_000);
    await s.flush();
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.subject).toBe('2 new replies on “Harbour plan”');
    expect(replies()[0]!.text).toContain('First answer');
    expect(replies()[0]!.text).toContain('Second answer');
  });

  it('signed webhooks retry under the same webhook-id and arrive once; Slack gets no email or IP hash', async () => {
    const hook = await startReceiver((n) => (n === 1 ? 500 : 200));
    const slack = await startReceiver();
    cleanups.push(hook.close, slack.close);
    const s = await setup({ webhookUrls: [hook.url], slackUrl: slack.url }, { policy: { moderation: 'all' } });
    await s.post({ body: 'Held for a look', author: { name: 'Eve', email: 'eve@x.test' } });
    await s.flush();
    expect(hook.seen).toHaveLength(1);
    s.tick(31_000);
    await s.flush();
    s.tick(10 * 60_000);
    await s.flush();
    expect(hook.seen).toHaveLength(2);
    const [first, second] = hook.seen;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const event = new Webhook(SECRET).verify(second!.body, second!.headers as Record<string, string>) as {
      type: string;
      data: { comment: { body: string }; thread: { title: string }; email: string };
    };
    expect(event.type).toBe('comment.pending');
    expect(event.data.comment.body).toBe('Held for a look');
    expect(event.data.thread.title).toBe('Harbour plan');
    expect(event.data.email).toBe('eve@x.test');
    expect(slack.seen).toHaveLength(1);
    expect(JSON.parse(slack.seen[0]!.body).text).toContain('Eve');
    expect(slack.seen[0]!.body).not.toContain('eve@x.test');
  });

  it('the admin outbox lists a failed item with its reason, and retries it', async () => {
    let up = false;
    const hook = await startReceiver(() => (up ? 200 : 503));
    cleanups.push(hook.close);
    const s = await setup({ webhookUrls: [hook.url] });
    await s.post({ body: 'Hello', author: { name: 'Fay' } });
    for (let i = 0; i < 40; i++) {
      await s.flush();
      s.tick(2 * 3600_000);
    }
    const auth = { authorization: 'Bearer admin-token-123' };
    const failed = (await (await s.api.request('/api/admin/outbox?status=failed', { headers: auth })).json()) as {
      items: { id: string; lastError: string; attempts: number }[];
    };
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]!.lastError).toBe('HTTP 503');
    expect(failed.items[0]!.attempts).toBeGreaterThan(5);
    up = true;
    const retry = await s.api.request(`/api/admin/outbox/${failed.items[0]!.id}/retry`, { method: 'POST', headers: auth });
    expect(retry.status).toBe(200);
    await s.flush();
    const sent = (await (await s.api.request('/api/admin/outbox?status=sent', { headers: auth })).json()) as { items: unknown[] };
    expect(sent.items).toHaveLength(1);
    expect((await s.api.request('/api/admin/outbox', {})).status).toBe(401);
  });
});
