import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/stack.ts';

let stack: Stack | undefined;
afterAll(() => stack?.stop());

describe('durability', () => {
  it('keeps every acknowledged comment, whole, when the server is killed (SIGKILL) during a burst of posts', { timeout: 60_000 }, async () => {
    stack = await startStack({ env: { THREADLINE_POST_LIMIT: '100000,100000', THREADLINE_THREAD_LIMIT: '100000,100000', THREADLINE_SEED: '0' } });
    const api = stack.api;
    const acknowledged: { id: string; body: string }[] = [];
    let sent = 0;
    const killAfter = 150;
    let killing: Promise<void> | undefined;

    // 8 writers post as fast as they can until the server dies under them.
    const writer = async (w: number) => {
      for (;;) {
        const body = `writer ${w} post ${sent++} ${'x'.repeat(200)}`;
        try {
          const res = await fetch(`${api}/api/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ thread: `/burst-${w % 3}`, body, author: { name: `W${w}` } }),
          });
          if (res.status !== 201) throw new Error(`status ${res.status}`);
          const { comment } = (await res.json()) as { comment: { id: string } };
          acknowledged.push({ id: comment.id, body });
          if (acknowledged.length === killAfter) killing ??= stack!.killApi();
        } catch {
          return; // the server is gone
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await killing;
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

    // The file survived a kill: intact, and nothing half-written in it.
    const db = new BetterSqlite3(stack.dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT id, body, thread_key, root_id, created_at FROM comments').all() as {
      id: string;
      body: string;
      thread_key: string;
      root_id: string;
      created_at: string;
    }[];
    db.close();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const a of acknowledged) {
      expect(byId.get(a.id)?.body, a.id).toBe(a.body);
    }
    for (const r of rows) {
      expect(r.body).toMatch(/^writer \d+ post \d+ x{200}$/);
      expect(r.root_id).toBe(r.id);
      expect(Number.isNaN(Date.parse(r.created_at))).toBe(false);
    }

    // And the restarted server serves them all.
    await stack.startApi();
    let served = 0;
    for (const t of ['/burst-0', '/burst-1', '/burst-2']) {
      const res = (await (await fetch(`${api}/api/comments?thread=${encodeURIComponent(t)}&limit=1`)).json()) as { thread: { commentCount: number } };
      served += res.thread.commentCount;
    }
    expect(served).toBe(rows.length);
    expect(served).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
