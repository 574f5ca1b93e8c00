import type { Comment, SortOrder } from '../protocol/types.ts';

/** A comment with its replies, as the widget draws it. */
export interface ReplyNode {
  comment: Comment;
  /** 0 for a top-level comment. */
  depth: number;
  replies: ReplyNode[];
  /** Number of all replies below this comment, at any depth. */
  descendants: number;
}

/**
 * Builds the reply tree from a flat list. With `previous` (the tree built before this change),
 * every node whose comment, depth and replies are unchanged is the previous node object itself,
 * so a memoised comment item skips it: posting into a 1,000-comment thread re-renders the new
 * comment and its ancestors, not the thousand. Siblings are ordered oldest first (ties keep list
 * order). A comment whose parent is missing, or that sits in a parent cycle, is shown as
 * top-level rather than dropped: a reader's words are never hidden by bad data.
 */
export function buildReplyTree(comments: readonly Comment[], previous?: ReadonlyMap<string, ReplyNode>): ReplyNode[] {
  const byTime = comments
    .map((comment, index) => ({ comment, index, time: Date.parse(comment.createdAt) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const nodes = new Map<string, ReplyNode>();
  for (const { comment } of byTime) {
    if (!nodes.has(comment.id)) nodes.set(comment.id, { comment, depth: 0, replies: [], descendants: 0 });
  }

  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === null ? undefined : nodes.get(node.comment.parentId);
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }

  const placed = new Set<ReplyNode>();
  const place = (node: ReplyNode, depth: number): number => {
    placed.add(node);
    node.depth = depth;
    node.descendants = node.replies.reduce((n, reply) => n + 1 + place(reply, depth + 1), 0);
    return node.descendants;
  };
  for (const root of roots) place(root, 0);

  // Whatever was not reached hangs in a parent cycle: cut it loose at its oldest member.
  for (const node of nodes.values()) {
    if (placed.has(node)) continue;
    const parent = nodes.get(node.comment.parentId!)!;
    parent.replies = parent.replies.filter((r) => r !== node);
    roots.push(node);
    place(node, 0);
  }
  return previous ? roots.map((root) => reuse(root, previous)) : roots;
}

/** The previous node for `node` if nothing in it changed (its replies settled first), else `node`. */
function reuse(node: ReplyNode, previous: ReadonlyMap<string, ReplyNode>): ReplyNode {
  node.replies = node.replies.map((r) => reuse(r, previous));
  const old = previous.get(node.comment.id);
  const isSame =
    old !== undefined &&
    old.comment === node.comment &&
    old.depth === node.depth &&
    old.descendants === node.descendants &&
    old.replies.length === node.replies.length &&
    old.replies.every((r, i) => r === node.replies[i]);
  return isSame ? old : node;
}

/** Every node of a tree by comment id (to hand to the next `buildReplyTree`). */
export function indexReplyTree(roots: readonly ReplyNode[]): Map<string, ReplyNode> {
  const byId = new Map<string, ReplyNode>();
  const walk = (n: ReplyNode) => {
    byId.set(n.comment.id, n);
    n.replies.forEach(walk);
  };
  roots.forEach(walk);
  return byId;
}

/** A reply tree with what it was built from, for the next change to start from. */
export interface BuiltTree {
  comments: readonly Comment[];
  roots: ReplyNode[];
  byId: ReadonlyMap<string, ReplyNode>;
  /** The newest `createdAt` among `comments` (ms). */
  latest: number;
  /** A parent cycle was cut: its comments are roots after all others, so new roots go before them (a rebuild does it). */
  cut: boolean;
}

/**
 * Puts `node` into the tree indexed by `byId`, renewing only its ancestors: in the place of `old`
 * (the same comment in a new copy), or else as its parent's newest reply. Returns the new roots.
 */
function hang(byId: Map<string, ReplyNode>, roots: readonly ReplyNode[], node: ReplyNode, old?: ReplyNode): ReplyNode[] {
  byId.set(node.comment.id, node);
  let child = old;
  for (
    let up = node.depth > 0 ? byId.get(node.comment.parentId!) : undefined;
    up;
    up = up.depth > 0 ? byId.get(up.comment.parentId!) : undefined
  ) {
    const replies = child ? up.replies.map((r) => (r === child ? node : r)) : [...up.replies, node];
    child = up;
    node = { ...up, replies, descendants: up.descendants + (old ? 0 : 1) };
    byId.set(up.comment.id, node);
  }
  return child ? roots.map((r) => (r === child ? node : r)) : [...roots, node];
}

/**
 * The tree when one comment of `last` is a new copy that stays where it was (an edit, a vote, a
 * deletion kept as a placeholder: same id, parent and date; or the stored copy of the reader's
 * post: a new id, still the newest, nothing under it yet); null for anything else.
 */
function replaceOne(comments: readonly Comment[], last: BuiltTree): BuiltTree | null {
  const at = comments.findIndex((c, i) => c !== last.comments[i]);
  if (at === -1 || comments.some((c, i) => i > at && c !== last.comments[i])) return null;
  const [before, after] = [last.comments[at]!, comments[at]!];
  const old = last.byId.get(before.id);
  if (old?.comment !== before || after.parentId !== before.parentId) return null;
  let { latest } = last;
  if (after.id !== before.id) {
    // The placeholder was the newest and still is, with nothing under it, under an id that is new
    // to the tree and that no comment (an orphan) waits for.
    const time = Date.parse(after.createdAt);
    const isInPlace =
      at === comments.length - 1 &&
      Date.parse(before.createdAt) >= latest &&
      time >= latest &&
      old.replies.length === 0 &&
      !last.byId.has(after.id) &&
      !last.roots.some((r) => r.comment.parentId === after.id);
    if (!isInPlace) return null;
    latest = time;
  } else if (after.createdAt !== before.createdAt) return null;
  const byId = new Map(last.byId);
  byId.delete(before.id);
  const roots = hang(byId, last.roots, { ...old, comment: after }, old);
  return { comments, roots, byId, latest, cut: false };
}

/**
 * The reply tree of `comments`, from `last` (the tree of the list before this change). Comments
 * appended after every earlier one (the reader's post, a live comment) are hung into the last tree,
 * and a comment in a new copy that stays in its place (an edit, a vote, the stored copy of a post)
 * takes its old node's place: only their ancestors become new objects, so one change to a thread of
 * thousands costs its depth, not a rebuild. Any other change rebuilds, keeping the unchanged nodes
 * (buildReplyTree).
 */
export function updateReplyTree(comments: readonly Comment[], last: BuiltTree | null): BuiltTree {
  const rebuild = (): BuiltTree => {
    const roots = buildReplyTree(comments, last?.byId);
    const byId = indexReplyTree(roots);
    return {
      comments,
      roots,
      byId,
      latest: comments.reduce((t, c) => Math.max(t, Date.parse(c.createdAt) || 0), 0),
      // A root whose parent is in the tree: a cut cycle (an orphan's parent is missing; a null one never there).
      cut: roots.some((r) => byId.has(r.comment.parentId!)),
    };
  };
  if (!last || last.cut) return rebuild();
  const n = last.comments.length;
  if (comments.length === n) return replaceOne(comments, last) ?? rebuild();
  if (comments.length < n || last.comments.some((c, i) => comments[i] !== c)) return rebuild();
  const byId = new Map(last.byId);
  let { roots, latest } = last;
  for (const comment of comments.slice(n)) {
    const time = Date.parse(comment.createdAt);
    // Older than what is there (it sorts in between), an id twice, or the parent an orphan waits for: a rebuild decides.
    if (!(time >= latest) || byId.has(comment.id) || roots.some((r) => r.comment.parentId === comment.id)) return rebuild();
    latest = time;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    roots = hang(byId, roots, { comment, depth: parent ? parent.depth + 1 : 0, replies: [], descendants: 0 });
  }
  return { comments, roots, byId, latest, cut: false };
}

/** Orders top-level comments as the server pages them (replies stay oldest first). */
export function sortRoots(roots: readonly ReplyNode[], order: SortOrder): ReplyNode[] {
  const sorted = [...roots];
  if (order === 'newest') sorted.reverse();
  // Stable sort: equal counts keep oldest-first order, as the server's tie-break does.
  if (order === 'replies') sorted.sort((a, b) => b.descendants - a.descendants);
  if (order === 'top') sorted.sort((a, b) => (b.comment.score ?? 0) - (a.comment.score ?? 0));
  return sorted;
}

/** All replies below a node, oldest first, skipping those under collapsed comments. */
export function flattenReplies(node: ReplyNode, isCollapsed: (id: string) => boolean): ReplyNode[] {
  const out: ReplyNode[] = [];
  const walk = (n: ReplyNode) => {
    if (isCollapsed(n.comment.id)) return;
    for (const r of n.replies) {
      out.push(r);
      walk(r);
    }
  };
  walk(node);
  return out.sort((a, b) => Date.parse(a.comment.createdAt) - Date.parse(b.comment.createdAt));
}

/** Number of comments in a tree, replies included. */
export function countNodes(nodes: readonly ReplyNode[]): number {
  return nodes.reduce((n, node) => n + 1 + node.descendants, 0);
}
