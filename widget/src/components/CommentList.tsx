import { flattenReplies, type ReplyNode } from '../state/reply-tree.ts';
import { useView } from '../state/thread-view.ts';
import { CommentItem } from './CommentItem.tsx';
import { handleCommentAction, prefetchCommentTools } from './comment-actions.ts';
import { useProgressiveLimit } from './use-progressive-limit.ts';

/** Props of CommentList. */
export interface CommentListProps {
  nodes: readonly ReplyNode[];
  /** Visual nesting level of the items (0: top level). */
  level: number;
  /** Id of the comment these reply to (absent for the top-level list). */
  parentId?: string;
  /** Accessible name of a reply list ("3 replies"). */
  label?: string;
  /** How many comments of this list to draw, replies included (absent: all); see use-progressive-limit.ts. */
  limit?: number | undefined;
}

/**
 * A list of comments; nested lists carry the reply depth to screen readers. At the deepest
 * drawn level, every further reply is listed here too, oldest first, marked "replying to NAME",
 * so deep threads stay readable on a phone instead of shrinking into a sliver.
 */
export function CommentList({ nodes, level, parentId, label, limit }: CommentListProps) {
  const view = useView();
  const { settings, of, ui } = view;
  const isLastLevel = level >= settings.maxDepth - 1;
  // Top level: the first screenful at once, the rest in slices (a linked or new comment at once).
  const progressive = useProgressiveLimit(nodes, level === 0 ? [ui.target.value, ui.lastPostedId.value] : null);
  // Only the deepest drawn level lists replies itself, so only it depends on what is folded.
  const items = isLastLevel ? nodes.flatMap((n) => [n, ...flattenReplies(n, (id) => of.flags(id).collapsed)]) : nodes;
  // Whole threads while the budget lasts; the one it ends in gets what is left for its replies.
  let left = Math.min(limit ?? Number.POSITIVE_INFINITY, progressive);
  const drawn: [ReplyNode, number | undefined][] = [];
  for (const node of items) {
    if (left <= 0) break;
    const size = isLastLevel ? 1 : 1 + node.descendants;
    drawn.push([node, size <= left ? undefined : left - 1]);
    left -= size;
  }
  return (
    <ol
      class={level > 0 ? 'tl-list tl-replies' : 'tl-list'}
      part={level > 0 ? 'replies' : 'list'}
      aria-label={label}
      // The top-level list handles every comment's action buttons (see comment-actions.ts).
      {...(level === 0 && {
        onClick: (e: MouseEvent) => handleCommentAction(view, e),
        onPointerOver: prefetchCommentTools,
        onFocusIn: prefetchCommentTools,
      })}
    >
      {drawn.map(([node, replyLimit]) => (
        <CommentItem
          key={ui.renderKey(node.comment.id)}
          node={node}
          level={level}
          isFlat={isLastLevel}
          showReplyTo={isLastLevel && (node.comment.parentId ?? undefined) !== parentId}
          limit={replyLimit}
        />
      ))}
    </ol>
  );
}
