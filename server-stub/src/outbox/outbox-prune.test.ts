import { expect, it } from 'vitest';
import { createWebhookSigner } from '../outbound/signed-webhook.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { NO_NOTIFY } from './notify-settings.ts';
import { KEEP_DONE_MS, listOutbox, markDone, markFailed, outboxRow } from './outbox-queue.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { enqueue } from './outbox-steps.ts';

const DAY = 24 * 60 * 60_000;

it('the sender deletes sent and skipped items a month after they were done, keeps failed ones, and looks once an hour', async () => {
  const store = openSqliteStore(':memory:');
  let clock = Date.parse('2026-06-01T12:00:00Z');
  const item = async (status: 'sent' | 'skipped' | 'failed', daysAgo: number) => {
    const at = new Date(clock - daysAgo * DAY);
    const id = await store.runRule(enqueue({ kind: 'webhook', target: 'http://127.0.0.1:9/hook', payload: { status, daysAgo } }, at));
    if (status === 'failed') await store.runRule(markFailed((await store.runRule(outboxRow(id)))!, 'refused', at, true));
    else await store.runRule(markDone(id, status, at));
    return id;
  };
  const [oldSent, oldSkipped, recentSent, oldFailed] = [
    await item('sent', 31),
    await item('skipped', 31),
    await item('sent', 29),
    await item('failed', 60),
  ];
  const sender = createOutboxSender({
    store,
    settings: NO_NOTIFY,
    publicUrl: 'http://x.test',
    signer: createWebhookSigner('s'),
    now: () => new Date(clock),
  });
  const ids = async () => (await store.runRule(listOutbox(null, 100))).map((r) => r.id).sort();

  const all = await ids();
  await sender.runOnce();
  expect(all).toEqual(expect.arrayContaining([oldSent, oldSkipped]));
  expect(await ids()).toEqual([recentSent, oldFailed].sort());

  // Within the hour the sender does not look again; an hour after its last look, it does.
  const later = await item('sent', 40);
  clock += 30 * 60_000;
  await sender.runOnce();
  expect(await ids()).toContain(later);
  clock += 30 * 60_000;
  await sender.runOnce();
  expect(await ids()).toEqual([recentSent, oldFailed].sort());
  expect(clock - Date.parse((await store.runRule(outboxRow(oldFailed)))!.created_at)).toBeGreaterThan(KEEP_DONE_MS);
  await store.close();
});
