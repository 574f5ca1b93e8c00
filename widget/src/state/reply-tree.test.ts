// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import { describe, expect, it, vi } from 'vitest';
import seed from '../../../server-stub/fixtures/westport-thread.json' with { type: 'json' };
import type { Comment } from '../protocol/types.ts';
import { buildReplyTree, countNodes, flattenReplies, indexReplyTree, type ReplyNode, sortRoots, updateReplyTree } from './reply-tree.ts';

let clock = Date.parse('2024-01-01T00:00:00Z');
const tick = () => {
  clock += 60_000;
  return new Date(clock).toISOString();
};
const c = (id: string, parentId: string | null = null, at?: string): Comment => ({
  id,
  thread: 't',
  parentId,
  author: { name: null },
  body: id,
  createdAt: at ?? tick(),
  status: 'published',
});

/** Renders a tree as "id(child,child)" so shapes read at a glance. */
const shape = (nodes: ReplyNode[]): string =>
  nodes.map((n) => (n.replies.length ? `${n.comment.id}(${shape(n.replies)})` : n.comment.id)).join(',');

describe('buildReplyTree', () => {
  it('with the previous tree, keeps every unchanged node object; a changed comment renews it and its ancestors only', () => {
    const list = [c('a'), c('b', 'a'), c('c', 'b'), c('d'), c('e', 'd')];
    const before = buildReplyTree(list);
    const old = indexReplyTree(before);
    const edited = { ...list[2]!, body: 'edited' };
    const after = indexReplyTree(buildReplyTree([...list.slice(0, 2), edited, ...list.slice(3), c('f')], old));
    for (const same of ['d', 'e']) expect(after.get(same)).toBe(old.get(same));
    for (const renewed of ['a', 'b', 'c']) expect(after.get(renewed)).not.toBe(old.get(renewed));
    expect(after.get('c')!.comment.body).toBe('edited');
    expect(after.get('f')!.depth).toBe(0);
  });

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

/** Every node's id, depth and descendants, in drawing order: what a reader sees of a tree. */
const drawn = (nodes: readonly ReplyNode[]): string[] =>
  nodes.flatMap((n) => [`${n.comment.id}@${n.depth}+${n.descendants}`, ...drawn(n.replies)]);

/** As drawn, with each node's comment itself (its new copy, not only its id). */
const withComments = (nodes: readonly ReplyNode[]): unknown[] =>
  nodes.flatMap((n) => [[n.comment, n.depth, n.descendants], ...withComments(n.replies)]);

describe('updateReplyTree', () => {
  it('hangs a new comment into the last tree: the same tree as a rebuild, only its ancestors renewed', () => {
    const list = [c('a'), c('b', 'a'), c('c', 'b'), c('d'), c('e', 'd')];
    const before = updateReplyTree(list, null);
    const after = updateReplyTree([...list, c('f', 'c'), c('g')], before);
    expect(drawn(after.roots)).toEqual(drawn(buildReplyTree(after.comments)));
    for (const same of ['d', 'e']) expect(after.byId.get(same)).toBe(before.byId.get(same));
    for (const renewed of ['a', 'b', 'c']) expect(after.byId.get(renewed)).not.toBe(before.byId.get(renewed));
    expect(after.roots[1]).toBe(before.roots[1]);
    expect(after.byId.get('a')!.replies[0]).toBe(after.byId.get('b'));
  });

  it('does not rebuild a thousand comments for one more: it reads the new one’s date, not every date', () => {
    const list = Array.from({ length: 1000 }, (_, i) => c(`n${i}`, i % 3 && i > 2 ? `n${i - 1 - (i % 3)}` : null));
    const before = updateReplyTree(list, null);
    const parse = vi.spyOn(Date, 'parse');
    const after = updateReplyTree([...list, c('new', 'n998')], before);
    expect(parse.mock.calls.length).toBeLessThan(10);
    parse.mockRestore();
    expect(drawn(after.roots)).toEqual(drawn(buildReplyTree(after.comments)));
  });

  it('rebuilds for any other change (an older comment, a removal, an id again, a copy that would move)', () => {
    const list = [c('a'), c('b', 'a'), c('e', 'a'), c('d')];
    const before = updateReplyTree(list, null);
    const older = { ...c('x', 'a'), createdAt: list[0]!.createdAt };
    const [a, b, e, d] = list as [Comment, Comment, Comment, Comment];
    for (const next of [
      [...list, older],
      list.slice(1),
      [...list, { ...c('b2'), id: 'b' }],
      // A copy with a later date (now after its sibling) or another parent; two copies at once.
      [a, { ...b, createdAt: tick() }, e, d],
      [a, { ...b, parentId: null }, e, d],
      [{ ...a, score: 1 }, { ...b, score: 1 }, e, d],
      // A new id: not the last comment, one that is there already, or older than others (a skewed clock).
      [a, c('b-stored', 'a'), e, d],
      [a, b, e, { ...c('a'), createdAt: tick() }],
      [a, b, e, c('d-stored', null, '2023-12-31T00:00:00.000Z')],
    ]) {
      expect(withComments(updateReplyTree(next, before).roots)).toEqual(withComments(buildReplyTree(next)));
    }
    // The stored copy of a post whose placeholder was not the newest (the reader's clock behind), or
    // that an orphan waits for; a new comment an orphan waits for.
    const at = (id: string, minute: number, parentId: string | null = null) => c(id, parentId, `2024-02-01T00:0${minute}:00Z`);
    const [p1, p5, r] = [at('p1', 1), at('p5', 5), at('r', 1, 's')];
    for (const [was, now] of [
      [
        [p1, p5, at('temp', 3)],
        [p1, p5, at('s', 6)],
      ],
      [
        [r, at('temp', 2)],
        [r, at('s', 3)],
      ],
      [[r], [r, at('s', 3)]],
    ]) {
      expect(withComments(updateReplyTree(now!, updateReplyTree(was!, null)).roots)).toEqual(withComments(buildReplyTree(now!)));
    }
    // A copy of an id listed twice, of the one the tree does not show.
    const twice = [c('x'), { ...c('y'), id: 'x' }];
    const copied = [twice[0]!, { ...twice[1]!, score: 5 }];
    expect(withComments(updateReplyTree(copied, updateReplyTree(twice, null)).roots)).toEqual(withComments(buildReplyTree(copied)));
    // A new id for a comment with replies under it (they name the old one; a date skew put it last).
    const skewed = [c('p', 'q'), c('q')];
    const next = [skewed[0]!, c('q-stored')];
    expect(withComments(updateReplyTree(next, updateReplyTree(skewed, null)).roots)).toEqual(withComments(buildReplyTree(next)));
  });

  it('puts a comment’s new copy in its old node’s place (an edit, a vote, the stored copy of a post): only its ancestors renewed, no date read', () => {
    const list = Array.from({ length: 1000 }, (_, i) => c(`n${i}`, i % 3 && i > 2 ? `n${i - 1 - (i % 3)}` : null));
    const before = updateReplyTree(list, null);
    const voted = { ...list[500]!, score: 3 };
    const parse = vi.spyOn(Date, 'parse');
    const after = updateReplyTree(
      list.map((x) => (x === list[500] ? voted : x)),
      before,
    );
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(withComments(after.roots)).toEqual(withComments(buildReplyTree(after.comments)));
    expect(after.byId.get('n500')!.comment).toBe(voted);
    // It and its ancestors are renewed; every other node is the one before.
    const line = new Set<string>();
    for (let id: string | null = 'n500'; id; id = before.byId.get(id)!.comment.parentId) line.add(id);
    for (const [id, node] of after.byId) expect(node === before.byId.get(id)).toBe(!line.has(id));

    // The reader's post, optimistic, then its stored copy: a new id in the same place.
    const posting = updateReplyTree([...list, c('temp-1', 'n998')], before);
    const stored = { ...c('s-1', 'n998') };
    const swapped = updateReplyTree([...list, stored], posting);
    expect(withComments(swapped.roots)).toEqual(withComments(buildReplyTree(swapped.comments)));
    expect(swapped.byId.has('temp-1')).toBe(false);
    expect(swapped.byId.get('s-1')!.comment).toBe(stored);
    expect(swapped.byId.get('n0')).toBe(before.byId.get('n0'));
  });

  it('matches a rebuild after each of 300 random posts and live comments, orphans and cut cycles included', () => {
    let seedValue = 7;
    const random = () => {
      seedValue = (seedValue * 48271) % 2147483647;
      return seedValue / 2147483647;
    };
    // An orphan in the starting list: a root of the tree that replies may hang under.
    let list = [c('root'), c('orphan', 'gone')];
    let tree = updateReplyTree(list, null);
    for (let i = 0; i < 300; i++) {
      const parent = random() < 0.3 ? null : list[Math.floor(random() * list.length)]!.id;
      list = [...list, c(`r${i}`, parent)];
      tree = updateReplyTree(list, tree);
      expect(drawn(tree.roots)).toEqual(drawn(buildReplyTree(list)));
      expect(countNodes(tree.roots)).toBe(list.length);
      // Now and then a vote on any comment, or the newest one's stored copy under a new id.
      const at = Math.floor(random() * list.length);
      const copy = random() < 0.2 ? { ...list.at(-1)!, id: `s${i}`, createdAt: tick() } : { ...list[at]!, score: i };
      list = list.map((x, j) => (j === (copy.id === list[at]!.id ? at : list.length - 1) ? copy : x));
      tree = updateReplyTree(list, tree);
      expect(withComments(tree.roots)).toEqual(withComments(buildReplyTree(list)));
    }
    // A cut parent cycle (p ↔ q) is a root after all others: a new top-level comment comes before it.
    const cycle = [c('a'), { ...c('p'), parentId: 'q' }, c('q', 'p')];
    const withCycle = [...cycle, c('b')];
    expect(drawn(updateReplyTree(withCycle, updateReplyTree(cycle, null)).roots)).toEqual(drawn(buildReplyTree(withCycle)));
  });
});

describe('sortRoots and flattenReplies', () => {
  const tree = () => buildReplyTree([c('a'), c('b'), c('b1', 'b'), c('b1x', 'b1'), c('c'), c('c1', 'c'), c('b2', 'b')]);

  it('counts all descendants', () => {
    expect(tree().map((n) => [n.comment.id, n.descendants])).toEqual([
      ['a', 0],
      ['b', 3],
      ['c', 1],
    ]);
  });

  it('orders roots oldest, newest or by most replies (ties oldest first)', () => {
    const ids = (order: 'oldest' | 'newest' | 'replies') => sortRoots(tree(), order).map((n) => n.comment.id);
    expect(ids('oldest')).toEqual(['a', 'b', 'c']);
    expect(ids('newest')).toEqual(['c', 'b', 'a']);
    expect(ids('replies')).toEqual(['b', 'c', 'a']);
  });

  it('flattens a sub-thread oldest first and leaves out what is under a collapsed comment', () => {
    const b = tree()[1]!;
    expect(flattenReplies(b, () => false).map((n) => n.comment.id)).toEqual(['b1', 'b1x', 'b2']);
    expect(flattenReplies(b, (id) => id === 'b1').map((n) => n.comment.id)).toEqual(['b1', 'b2']);
  });
});
