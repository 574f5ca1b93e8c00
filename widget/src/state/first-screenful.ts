/**
 * The first screenful: what the widget draws at once when a page of comments arrives. The rest
 * of the page follows in slices (see use-progressive-limit.ts), so no long task holds the page.
 * Comments are counted in drawing order (a comment, then its replies), replies included.
 */
import type { Comment, SortOrder } from '../protocol/types.ts';
import { buildReplyTree, type ReplyNode, sortRoots } from './reply-tree.ts';

/** Comments in the first screenful: about what a 900 px tall window shows, with room to spare. */
export const FIRST_SCREENFUL = 10;

/** Every comment under these top-level ones, replies included, in drawing order. */
export function commentsOf(roots: readonly ReplyNode[]): Comment[] {
  const out: Comment[] = [];
  const walk = (n: ReplyNode) => {
    out.push(n.comment);
    n.replies.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** Where `id` comes in drawing order (0: first), or -1. */
export const positionOf = (roots: readonly ReplyNode[], id: string): number => commentsOf(roots).findIndex((c) => c.id === id);

/** The comments of a page that make its first screenful, in the order `order` draws them. */
export function screenfulOf(comments: readonly Comment[], order: SortOrder): Comment[] {
  return commentsOf(sortRoots(buildReplyTree(comments), order)).slice(0, FIRST_SCREENFUL);
}
