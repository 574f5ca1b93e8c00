import { useEffect, useRef } from 'preact/hooks';
import type { ReplyNode } from '../state/reply-tree.ts';
import { useT, useWidget } from '../state/widget-model.ts';
import { Avatar } from './Avatar.tsx';
import { CommentBody } from './CommentBody.tsx';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { RelativeTime } from './RelativeTime.tsx';

/** Props of CommentItem. */
export interface CommentItemProps {
  node: ReplyNode;
  /** Visual nesting level (0: top level). */
  level: number;
  /** At the deepest drawn level: replies are listed beside it, not nested in it. */
  isFlat: boolean;
  /** Shows "replying to NAME" (flattened replies, whose parent is not the one above them). */
  showReplyTo: boolean;
}

/** One comment with its actions, its reply form (when open) and its replies. */
export function CommentItem({ node, level, isFlat, showReplyTo }: CommentItemProps) {
  const { thread, composerFor } = useWidget();
  const t = useT();
  const { comment, replies, descendants } = node;
  const articleRef = useRef<HTMLElement>(null);
  const name = comment.author.name;
  const shownName = name ?? t.t('comment.anonymous');
  const parentName = comment.parentId === null ? undefined : (thread.authorNames.value.get(comment.parentId) ?? t.t('comment.anonymous'));
  const isReplying = thread.replyingTo.value === comment.id;
  const isJustPosted = thread.lastPostedId.value === comment.id;
  const isTarget = thread.target.value === comment.id;
  const isCollapsed = thread.collapsed.value.has(comment.id);
  const headingId = `comment-${comment.id}-by`;

  // The reader's own new comment, or the one a link points at: bring it into view and focus it.
  useEffect(() => {
    if (!isJustPosted && !isTarget) return;
    articleRef.current?.focus({ preventScroll: true });
    articleRef.current?.scrollIntoView?.({ block: isTarget ? 'center' : 'nearest' });
  }, [isJustPosted, isTarget]);

  const classes = ['tl-comment', isJustPosted && 'tl-comment-new', isTarget && 'tl-comment-target'].filter(Boolean).join(' ');
  return (
    <li class="tl-item" id={`comment-${comment.id}`}>
      <article
        ref={articleRef}
        class={classes}
        part="comment"
        aria-labelledby={parentName === undefined ? headingId : `${headingId} ${headingId}-level`}
        tabIndex={-1}
        data-comment-id={comment.id}
        data-depth={node.depth}
      >
        <header class="tl-meta">
          <Avatar name={name} />
          <span class={name ? 'tl-author' : 'tl-author tl-author-anon'} part="author" id={headingId}>
            {shownName}
          </span>
          {parentName !== undefined && (
            <span class="tl-sr-only" id={`${headingId}-level`}>
              {t.t('comment.level', { name: parentName, level: node.depth + 1 })}
            </span>
          )}
          {showReplyTo && parentName !== undefined && (
            <span class="tl-reply-to" aria-hidden="true">
              {t.t('comment.replyingTo', { name: parentName })}
            </span>
          )}
          <RelativeTime iso={comment.createdAt} href={`#comment-${comment.id}`} />
        </header>
        <CommentBody text={comment.body} format={comment.bodyFormat} />
        <div class="tl-actions" part="actions">
          <button
            type="button"
            class="tl-action"
            aria-expanded={isReplying}
            aria-label={t.t('comment.replyTo', { name: shownName })}
            onClick={() => {
              thread.replyingTo.value = isReplying ? null : comment.id;
            }}
          >
            {t.t('comment.reply')}
          </button>
          {descendants > 0 && (
            <button
              type="button"
              class="tl-action tl-toggle"
              aria-expanded={!isCollapsed}
              onClick={() => thread.toggleCollapsed(comment.id)}
            >
              {t.plural(isCollapsed ? 'comment.show' : 'comment.hide', descendants)}
            </button>
          )}
        </div>
      </article>
      {isReplying && (
        <Composer
          composer={composerFor(comment.id)}
          replyTo={shownName}
          onCancel={() => {
            thread.replyingTo.value = null;
          }}
        />
      )}
      {!isFlat && !isCollapsed && replies.length > 0 && (
        <CommentList nodes={replies} level={level + 1} parentId={comment.id} label={t.plural('comment.replies', descendants)} />
      )}
    </li>
  );
}
