import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../server-stub/src/store/sqlite-store.ts';
import { needsFormatting } from '../widget/src/render/needs-formatting.ts';
import { buildReplyTree } from '../widget/src/state/reply-tree.ts';
import { generateThread } from './generate-thread.ts';

describe('generateThread', () => {
  it('makes the benchmark shape: ~30% top-level, depth ≤ 3, 50–600 characters, ~1/3 formatted, deterministic', async () => {
    const store = openSqliteStore(':memory:');
    await generateThread(store, '/b', 1000);
    const comments = await store.listComments('/b');
    expect(comments).toHaveLength(1000);
    const roots = comments.filter((c) => c.parentId === null).length;
    expect(roots).toBeGreaterThan(250);
    expect(roots).toBeLessThan(350);
    const maxDepth = (nodes: ReturnType<typeof buildReplyTree>): number =>
      Math.max(0, ...nodes.map((n) => Math.max(n.depth, maxDepth(n.replies))));
    expect(maxDepth(buildReplyTree(comments))).toBe(3);
    expect(Math.min(...comments.map((c) => c.body.length))).toBeGreaterThanOrEqual(40);
    expect(Math.max(...comments.map((c) => c.body.length))).toBeLessThanOrEqual(600);
    const formatted = comments.filter((c) => needsFormatting(c.body)).length;
    expect(formatted).toBeGreaterThan(250);
    expect(formatted).toBeLessThan(420);
    const again = openSqliteStore(':memory:');
    await generateThread(again, '/b', 1000);
    expect((await again.listComments('/b')).map((c) => c.body)).toEqual(comments.map((c) => c.body));
    await store.close();
    await again.close();
  });
});
