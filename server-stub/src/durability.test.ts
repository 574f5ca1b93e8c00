import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../../e2e/stack.ts';
import { freshDatabase } from './store/pg-test-cluster.ts';

interface Row {
  id: string;
  body: string;
  root_id: string;
  created_at: string;
}

let stack: Stack | undefined;
let dropDb: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stack?.stop();
  await dropDb?.();
  stack = undefined;
  dropDb = undefined;
});

/** Posts from 8 writers until the server dies (SIGKILL after `killAfter` acknowledgements); returns what was acknowledged. */
async function burstAndKill(s: Stack, killAfter: number): Promise<{ id: string; body: string }[]> {
  const acknowledged: { id: string; body: string }[] = [];
  let sent = 0;
  let killing: Promise<void> | undefined;
  const writer = async (w: number) => {
    for (;;) {
      const body = `writer ${w} post ${sent++} ${'x'.repeat(200)}`;
      try {
        const res = await fetch(`${s.api}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ thread: `/burst-${w % 3}`, body, author: { name: `W${w}` } }),
        });
        if (res.status !== 201) throw new Error(`status ${res.status}`);
        const { comment } = (await res.json()) as { comment: { id: string } };
        acknowledged.push({ id: comment.id, body });
        if (acknowledged.length === killAfter) killing ??= s.killApi();
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  await killing;
  return acknowledged;
}

const LIMITS = { THREADLINE_POST_LIMIT: '100000,100000', THREADLINE_THREAD_LIMIT: '100000,100000', THREADLINE_SEED: '0' };

/** Checks every acknowledged comment is stored whole, and the restarted server serves them all. */
async function expectIntact(s: Stack, acknowledged: { id: string; body: string }[], rows: Row[]): Promise<void> {
  expect(acknowledged.length).toBeGreaterThanOrEqual(150);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of acknowledged) expect(byId.get(a.id)?.body, a.id).toBe(a.body);
  for (const r of rows) {
    expect(r.body).toMatch(/^writer \d+ post \d+ x{200}$/);
    expect(r.root_id).toBe(r.id);
    expect(Number.isNaN(Date.parse(r.created_at))).toBe(false);
  }
  await s.startApi();
  let served = 0;
  for (const t of ['/burst-0', '/burst-1', '/burst-2']) {
    const res = (await (await fetch(`${s.api}/api/comments?thread=${encodeURIComponent(t)}&limit=1`)).json()) as {
      thread: { commentCount: number };
    };
    served += res.thread.commentCount;
  }
  expect(served).toBe(rows.length);
}

describe('durability: the server is killed (SIGKILL) during a burst of posts', () => {
  it('SQLite keeps every acknowledged comment, whole, in an intact file', { timeout: 60_000 }, async () => {
    stack = await startStack({ env: LIMITS });
    const acknowledged = await burstAndKill(stack, 150);
    const db = new BetterSqlite3(stack.dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT id, body, root_id, created_at FROM comments').all() as Row[];
    db.close();
    await expectIntact(stack, acknowledged, rows);
  });

  it('PostgreSQL keeps every acknowledged comment, whole', { timeout: 60_000 }, async () => {
    const fresh = await freshDatabase();
    dropDb = fresh.drop;
    stack = await startStack({ env: { ...LIMITS, DATABASE_URL: fresh.url } });
    const acknowledged = await burstAndKill(stack, 150);
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    const rows = (await client.query<Row>('SELECT id, body, root_id, created_at FROM comments')).rows;
    await client.end();
    await expectIntact(stack, acknowledged, rows);
  });
});
