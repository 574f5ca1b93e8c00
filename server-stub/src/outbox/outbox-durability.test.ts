import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../../../e2e/stack.ts';
import { createWebhookSigner } from '../outbound/signed-webhook.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { openPgStore } from '../store/pg-store.ts';
import { freshDatabase } from '../store/pg-test-cluster.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { NO_NOTIFY } from './notify-settings.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { enqueue } from './outbox-steps.ts';
import { startMailbox, startReceiver } from './test-receivers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
};

/** Database settings for a stack: SQLite (the stack's own file) or a fresh PostgreSQL database. */
async function databaseEnv(kind: 'SQLite' | 'PostgreSQL'): Promise<Record<string, string>> {
  if (kind === 'SQLite') return {};
  const db = await freshDatabase();
  cleanups.push(db.drop);
  return { DATABASE_URL: db.url };
}

describe.each(['SQLite', 'PostgreSQL'] as const)('outbox durability (%s)', (kind) => {
  it('a reply acknowledged just before SIGKILL is mailed after restart, exactly once', { timeout: 60_000 }, async () => {
    const box = await startMailbox();
    cleanups.push(box.close);
    const env = { ...(await databaseEnv(kind)), THREADLINE_SEED: '0', THREADLINE_SMTP_URL: box.url, THREADLINE_MAIL_FROM: 'c@news.test' };
    // 1.2 s of batching: the kill comes long before the reply's mail is due.
    const stack: Stack = await startStack({ env: { ...env, THREADLINE_NOTIFY_BATCH_MINUTES: '0.02' } });
    cleanups.push(stack.stop);
    const post = async (body: object) => {
      const res = await fetch(`${stack.api}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ thread: '/kill', page: { title: 'Kill test', url: 'https://news.test/kill' }, ...body }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { comment: { id: string } }).comment;
    };
    const top = await post({ body: 'Tell me', author: { name: 'Ann', email: 'ann@x.test' }, notify: 'replies' });
    await until(() => box.mails.length === 1, 15_000);
    const link = /http:\/\/\S+\/api\/notify\/confirm\?\S+/.exec(box.mails[0]!.text ?? '')![0];
    expect((await fetch(link)).status).toBe(200);

    await post({ parentId: top.id, body: 'Here is the answer', author: { name: 'Ben' } });
    await stack.killApi();
    const replies = (): ParsedMail[] => box.mails.filter((m) => m.text?.includes('Here is the answer'));
    expect(replies()).toHaveLength(0);
    await stack.startApi();
    await until(() => replies().length > 0, 15_000);
    // Two more rounds of the sender: nothing goes out twice.
    await new Promise((r) => setTimeout(r, 2500));
    expect(replies()).toHaveLength(1);
  });

  it('two senders on one database deliver every item exactly once (300 items, six concurrent rounds)', { timeout: 60_000 }, async () => {
    const hook = await startReceiver();
    cleanups.push(hook.close);
    let open: () => Promise<CommentStore>;
    if (kind === 'SQLite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-outbox-'));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      open = async () => openSqliteStore(path.join(dir, 'db.sqlite'));
    } else {
      const url = (await databaseEnv(kind)).DATABASE_URL!;
      open = () => openPgStore(url);
    }
    const stores = [await open(), await open()];
    for (const s of stores) cleanups.push(() => s.close());
    for (let i = 0; i < 300; i++) await stores[0]!.runRule(enqueue({ kind: 'webhook', target: hook.url, payload: { n: i } }));
    const senders = stores.map((store) =>
      createOutboxSender({
        store,
        settings: { ...NO_NOTIFY, webhookUrls: [hook.url] },
        publicUrl: 'http://x.test',
        signer: createWebhookSigner('s'),
      }),
    );
    const drain = async (s: (typeof senders)[number]) => {
      while ((await s.runOnce()) > 0);
    };
    // Three rounds at a time per instance: claims overlap, so a lease taken twice would show.
    await Promise.all([...senders, ...senders, ...senders].map(drain));
    const ids = hook.seen.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(300);
    expect(ids).toHaveLength(300);
  });
});
