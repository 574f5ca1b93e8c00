import type { ReplyNode } from '../state/reply-tree.ts';
import { CommentItem } from './CommentItem.tsx';

/** Props of CommentList. */
export interface CommentListProps {
  nodes: readonly ReplyNode[];
  /** Accessible name of a reply list ("3 replies"); absent for the top-level list. */
  label?: string;
}

/** A list of comments; nested lists carry the reply depth to screen readers. */
export function CommentList({ nodes, label }: CommentListProps) {
  return (
    <ol class={label ? 'tl-list tl-replies' : 'tl-list'} aria-label={label}>
      {nodes.map((node) => (
        <CommentItem key={node.comment.id} node={node} />
      ))}
    </ol>
  );
}
