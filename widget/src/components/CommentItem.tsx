import { useEffect, useRef } from 'preact/hooks';
import type { ReplyNode } from '../state/reply-tree.ts';
import { useWidget } from '../state/widget-model.ts';
import { Avatar } from './Avatar.tsx';
import { CommentBody } from './CommentBody.tsx';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';

/** Props of CommentItem. */
export interface CommentItemProps {
  node: ReplyNode;
}

/** One comment with its reply form (when open) and its replies. */
export function CommentItem({ node }: CommentItemProps) {
  const { thread, t, composerFor } = useWidget();
  const { comment, replies } = node;
  const articleRef = useRef<HTMLElement>(null);
  const name = comment.author.name;
  const shownName = name ?? t.t('comment.anonymous');
  const isReplying = thread.replyingTo.value === comment.id;
  const isJustPosted = thread.lastPostedId.value === comment.id;
  const headingId = `comment-${comment.id}-by`;

  // The reader's own new comment: bring it into view and move focus there, so they see it landed.
  useEffect(() => {
    if (!isJustPosted) return;
    articleRef.current?.focus({ preventScroll: true });
    articleRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [isJustPosted]);

  return (
    <li class="tl-item" id={`comment-${comment.id}`}>
      <article
        ref={articleRef}
        class={isJustPosted ? 'tl-comment tl-comment-new' : 'tl-comment'}
        aria-labelledby={headingId}
        tabIndex={-1}
        data-comment-id={comment.id}
        data-depth={node.depth}
      >
        <header class="tl-meta">
          <Avatar name={name} />
          <span class={name ? 'tl-author' : 'tl-author tl-author-anon'} id={headingId}>
            {shownName}
          </span>
          <a class="tl-time" href={`#comment-${comment.id}`}>
            <time dateTime={comment.createdAt}>{t.formatDate(comment.createdAt)}</time>
          </a>
        </header>
        <CommentBody text={comment.body} format={comment.bodyFormat} />
        <div class="tl-actions">
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
      {replies.length > 0 && <CommentList nodes={replies} label={t.plural('comment.replies', replies.length)} />}
    </li>
  );
}
