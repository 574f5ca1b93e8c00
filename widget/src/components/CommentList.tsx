import { flattenReplies, type ReplyNode } from '../state/reply-tree.ts';
import { useView } from '../state/thread-view.ts';
import { CommentItem } from './CommentItem.tsx';

/** Props of CommentList. */
export interface CommentListProps {
  nodes: readonly ReplyNode[];
  /** Visual nesting level of the items (0: top level). */
  level: number;
  /** Id of the comment these reply to (absent for the top-level list). */
  parentId?: string;
  /** Accessible name of a reply list ("3 replies"). */
  label?: string;
}

/**
 * A list of comments; nested lists carry the reply depth to screen readers. At the deepest
 * drawn level, every further reply is listed here too, oldest first, marked "replying to NAME",
 * so deep threads stay readable on a phone instead of shrinking into a sliver.
 */
export function CommentList({ nodes, level, parentId, label }: CommentListProps) {
  const { settings, of, ui } = useView();
  const isLastLevel = level >= settings.maxDepth - 1;
  // Only the deepest drawn level lists replies itself, so only it depends on what is folded.
  const items = isLastLevel ? nodes.flatMap((n) => [n, ...flattenReplies(n, (id) => of.flags(id).collapsed)]) : nodes;
  return (
    <ol class={level > 0 ? 'tl-list tl-replies' : 'tl-list'} part={level > 0 ? 'replies' : 'list'} aria-label={label}>
      {items.map((node) => (
        <CommentItem
          key={ui.renderKey(node.comment.id)}
          node={node}
          level={level}
          isFlat={isLastLevel}
          showReplyTo={isLastLevel && (node.comment.parentId ?? undefined) !== parentId}
        />
      ))}
    </ol>
  );
}
