import type { Comment } from '../protocol/types.ts';

/** A comment with its replies, as the widget draws it. */
export interface ReplyNode {
  comment: Comment;
  /** 0 for a top-level comment. */
  depth: number;
  replies: ReplyNode[];
}

/**
 * Builds the reply tree from a flat list. Siblings are ordered oldest first (ties keep list
 * order). A comment whose parent is missing, or that sits in a parent cycle, is shown as
 * top-level rather than dropped: a reader's words are never hidden by bad data.
 */
export function buildReplyTree(comments: readonly Comment[]): ReplyNode[] {
  const byTime = comments
    .map((comment, index) => ({ comment, index, time: Date.parse(comment.createdAt) }))
    .sort((a, b) => (a.time - b.time || a.index - b.index));
  const nodes = new Map<string, ReplyNode>();
  for (const { comment } of byTime) {
    if (!nodes.has(comment.id)) nodes.set(comment.id, { comment, depth: 0, replies: [] });
  }

  const roots: ReplyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === null ? undefined : nodes.get(node.comment.parentId);
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }

  const placed = new Set<ReplyNode>();
  const place = (node: ReplyNode, depth: number): void => {
    placed.add(node);
    node.depth = depth;
    for (const reply of node.replies) place(reply, depth + 1);
  };
  roots.forEach((root) => place(root, 0));

  // Whatever was not reached hangs in a parent cycle: cut it loose at its oldest member.
  for (const node of nodes.values()) {
    if (placed.has(node)) continue;
    const parent = nodes.get(node.comment.parentId!)!;
    parent.replies = parent.replies.filter((r) => r !== node);
    roots.push(node);
    place(node, 0);
  }
  return roots;
}

/** Number of comments in a tree, replies included. */
export function countNodes(nodes: readonly ReplyNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.replies), 0);
}
