import { describe, expect, it } from 'vitest';
import type { Comment } from '../protocol/types.ts';
import { buildReplyTree, countNodes, type ReplyNode } from './reply-tree.ts';
import seed from '../../../server-stub/fixtures/westport-thread.json' with { type: 'json' };

let clock = Date.parse('2024-01-01T00:00:00Z');
const c = (id: string, parentId: string | null = null, at?: string): Comment => ({
  id,
  thread: 't',
  parentId,
  author: { name: null },
  body: id,
  createdAt: at ?? new Date((clock += 60_000)).toISOString(),
  status: 'published',
});

/** Renders a tree as "id(child,child)" so shapes read at a glance. */
const shape = (nodes: ReplyNode[]): string =>
  nodes.map((n) => (n.replies.length ? `${n.comment.id}(${shape(n.replies)})` : n.comment.id)).join(',');

describe('buildReplyTree', () => {
  it('nests replies under their parents with depths', () => {
    const roots = buildReplyTree([c('a'), c('b', 'a'), c('c', 'b'), c('d')]);
    expect(shape(roots)).toBe('a(b(c)),d');
    expect(roots[0]!.replies[0]!.replies[0]!.depth).toBe(2);
    expect(roots[1]!.depth).toBe(0);
  });

  it('orders siblings oldest first whatever the input order', () => {
    const a = c('a', null, '2024-01-01T10:00:00Z');
    const b = c('b', null, '2024-01-01T09:00:00Z');
    const r1 = c('r1', 'a', '2024-01-01T12:00:00Z');
    const r2 = c('r2', 'a', '2024-01-01T11:00:00Z');
    expect(shape(buildReplyTree([r1, a, r2, b]))).toBe('b,a(r2,r1)');
  });

  it('keeps list order for comments posted in the same millisecond', () => {
    const at = '2024-01-01T10:00:00Z';
    expect(shape(buildReplyTree([c('x', null, at), c('y', null, at), c('z', null, at)]))).toBe('x,y,z');
  });

  it('shows orphans (parent missing) as top-level instead of dropping them', () => {
    const roots = buildReplyTree([c('a'), c('orphan', 'gone'), c('child', 'orphan')]);
    expect(shape(roots)).toBe('a,orphan(child)');
    expect(countNodes(roots)).toBe(3);
  });

  it('breaks parent cycles and self-replies without losing a comment', () => {
    const roots = buildReplyTree([c('self', 'self'), c('p', 'q'), c('q', 'p'), c('r', 'q')]);
    expect(countNodes(roots)).toBe(4);
    expect(roots.map((n) => n.comment.id)).toContain('self');
    expect(shape(roots)).toBe('self,p(q(r))');
  });

  it('shows a duplicated id once', () => {
    expect(countNodes(buildReplyTree([c('a'), c('a')]))).toBe(1);
  });

  it('threads the Westport seed three levels deep as the page shows it', () => {
    const comments = seed.comments.map((s, i) =>
      c(s.id, s.parentId, new Date(Date.parse('2019-07-17T13:05:00Z') + i * 60_000).toISOString()),
    );
    const roots = buildReplyTree(comments);
    expect(roots.map((n) => n.comment.id)).toEqual(['c1', 'c5', 'c10', 'c11', 'c13', 'c14', 'c19']);
    expect(shape(roots)).toBe('c1(c2,c3,c4),c5(c6(c7,c8),c9),c10,c11(c12),c13,c14(c15(c16,c17),c18),c19');
    expect(countNodes(roots)).toBe(19);
  });
});
