import type { Anchor, AnchorsResponse, Comment, PageRequest, ThreadInfo, ThreadResponse } from '../protocol/types.ts';
import { buildReplyTree, type ReplyNode, sortRoots } from '../state/reply-tree.ts';

/**
 * Paging over a thread held whole in memory: for adapters whose service cannot page by
 * top-level comment (WordPress pages flat lists; a static export has no server at all). Same
 * answers as the threadline server: roots in `sort` order, each with all its replies.
 */

/** The key the threadline server gives a passage: equal for every comment on the same quote. */
export function anchorKey(anchor: Anchor): string {
  const text = `${anchor.type}\u0000${anchor.exact}\u0000${anchor.prefix ?? ''}\u0000${anchor.suffix ?? ''}`;
  // FNV-1a, twice with different seeds: 64 bits are plenty to tell a page's passages apart.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/** Comments a reader may see, counted as the server counts them (published ones). */
const isCounted = (c: Comment) => c.status === 'published';

/** One page of a whole thread, answering `page` as `GET /api/comments` would. */
export function pageThread(thread: ThreadInfo, all: readonly Comment[], page: PageRequest = {}): ThreadResponse {
  let roots = sortRoots(buildReplyTree(all), page.sort ?? 'oldest');
  if (page.anchors?.length) {
    const keys = new Set(page.anchors);
    roots = roots.filter((r) => r.comment.anchor?.key && keys.has(r.comment.anchor.key));
  } else if (page.filter === 'inline') {
    roots = roots.filter((r) => r.comment.anchor);
  }
  const from = Math.max(0, Number.parseInt(page.cursor ?? '0', 10) || 0);
  const limit = Math.min(200, Math.max(1, page.limit ?? 50));
  const slice = roots.slice(from, from + limit);
  return {
    thread: { ...thread, commentCount: all.filter(isCounted).length },
    comments: slice.flatMap(flatten),
    nextCursor: from + limit < roots.length ? String(from + limit) : null,
  };
}

/** The whole sub-thread (its root and every reply) holding `commentId`, or nothing. */
export function threadAround(thread: ThreadInfo, all: readonly Comment[], commentId: string): ThreadResponse {
  const byId = new Map(all.map((c) => [c.id, c]));
  let root = byId.get(commentId);
  // Bounded walk: a parent cycle in bad data must not hang the page.
  for (let i = 0; root?.parentId && byId.has(root.parentId) && i < all.length; i++) root = byId.get(root.parentId);
  const node = root && buildReplyTree(all).find((r) => r.comment.id === root.id);
  return { thread: { ...thread, commentCount: all.filter(isCounted).length }, comments: node ? flatten(node) : [], nextCursor: null };
}

/** Every anchored passage with its published comments, replies included. */
export function countAnchors(threadKey: string, all: readonly Comment[]): AnchorsResponse {
  const byKey = new Map<string, { key: string; anchor: Anchor; count: number }>();
  for (const root of buildReplyTree(all)) {
    const anchor = root.comment.anchor;
    if (!anchor?.key) continue;
    const entry = byKey.get(anchor.key) ?? { key: anchor.key, anchor, count: 0 };
    entry.count += flatten(root).filter(isCounted).length;
    byKey.set(anchor.key, entry);
  }
  return { thread: threadKey, anchors: [...byKey.values()].filter((a) => a.count > 0) };
}

function flatten(node: ReplyNode): Comment[] {
  return [node.comment, ...node.replies.flatMap(flatten)];
}
