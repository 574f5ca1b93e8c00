import { useEffect, useRef } from 'preact/hooks';
import { useModeration } from '../moderation/moderation-slot.ts';
import type { ReplyNode } from '../state/reply-tree.ts';
import { useT, useView } from '../state/thread-view.ts';
import { AnchorQuote } from './AnchorQuote.tsx';
import { AuthorBadges } from './AuthorBadges.tsx';
import { Avatar } from './Avatar.tsx';
import { CommentActionsBar } from './CommentActionsBar.tsx';
import { CommentBody } from './CommentBody.tsx';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { EditForm } from './EditForm.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { ReportControl } from './ReportControl.tsx';

/** Props of CommentItem. */
export interface CommentItemProps {
  node: ReplyNode;
  /** Visual nesting level (0: top level). */
  level: number;
  /** At the deepest drawn level: replies are listed beside it, not nested in it. */
  isFlat: boolean;
  /** Shows "replying to NAME" (flattened replies, whose parent is not the one above them). */
  showReplyTo: boolean;
  /** How many of its replies to draw while a long page is drawn in slices (absent: all). */
  limit?: number | undefined;
}

/** Only web links may become an author's link, whatever a backend sends. */
const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** One comment with its actions, its reply or edit form (when open) and its replies. */
export function CommentItem({ node, level, isFlat, showReplyTo, limit }: CommentItemProps) {
  const { of, ui, composerFor } = useView();
  const t = useT();
  const moderation = useModeration();
  const { comment, replies, descendants } = node;
  const articleRef = useRef<HTMLElement>(null);
  const isDeleted = comment.status === 'deleted';
  const name = comment.author.name;
  const shownName = isDeleted ? t.t('comment.deleted') : (name ?? t.t('comment.anonymous'));
  // Per-comment reads (of): this comment re-renders only when its own state changes.
  const parentName = comment.parentId === null ? undefined : (of.authorName(comment.parentId) ?? t.t('comment.anonymous'));
  const {
    replying: isReplying,
    justPosted: isJustPosted,
    target: isTarget,
    fresh: isFresh,
    sending: isSending,
    collapsed: isCollapsed,
    editing: isEditing,
  } = of.flags(comment.id);
  const headingId = `comment-${comment.id}-by`;

  // The reader's own new comment, or the one a link points at: bring it into view and focus it.
  useEffect(() => {
    if (!isJustPosted && !isTarget) return;
    articleRef.current?.focus({ preventScroll: true });
    articleRef.current?.scrollIntoView?.({ block: isTarget ? 'center' : 'nearest' });
  }, [isJustPosted, isTarget]);

  const classes = [
    'tl-comment',
    (isJustPosted || isFresh) && 'tl-comment-new',
    isTarget && 'tl-comment-target',
    isSending && 'tl-comment-sending',
    isDeleted && 'tl-comment-deleted',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li class="tl-item" id={`comment-${comment.id}`}>
      <article
        ref={articleRef}
        class={classes}
        part="comment"
        aria-labelledby={parentName === undefined ? headingId : `${headingId} ${headingId}-level`}
        aria-busy={isSending}
        tabIndex={-1}
        data-comment-id={comment.id}
        data-depth={node.depth}
      >
        {comment.anchor && comment.parentId === null && <AnchorQuote anchor={comment.anchor} />}
        <header class="tl-meta">
          <Avatar name={isDeleted ? null : name} />
          <span class={name && !isDeleted ? 'tl-author' : 'tl-author tl-author-anon'} part="author" id={headingId}>
            {isWebUrl(comment.author.website) && !isDeleted ? (
              <a href={comment.author.website} rel="nofollow ugc noopener noreferrer" target="_blank">
                {shownName}
              </a>
            ) : (
              shownName
            )}
          </span>
          {!isDeleted && <AuthorBadges author={comment.author} />}
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
          {isSending ? (
            <span class="tl-sending">{t.t('comment.sending')}</span>
          ) : (
            !isDeleted && <RelativeTime iso={comment.createdAt} href={`#comment-${comment.id}`} />
          )}
          {comment.status === 'pending' && <span class="tl-pending">{t.t('comment.pending')}</span>}
          {comment.editedAt && !isDeleted && (
            <span class="tl-edited" title={t.formatDate(comment.editedAt)}>
              · {t.t(comment.editedBy === 'moderator' ? 'moderation.editedByModerator' : 'comment.edited')}
            </span>
          )}
          {comment.featured && !isDeleted && <span class="tl-pick-badge">{t.t('moderation.pick')}</span>}
        </header>
        {isEditing ? (
          <EditForm commentId={comment.id} />
        ) : isDeleted ? null : (
          <CommentBody text={comment.body} format={comment.bodyFormat} />
        )}
        {!isEditing && <CommentActionsBar node={node} shownName={shownName} isSending={isSending} />}
        {!isEditing && !isSending && <ReportControl comment={comment} shownName={shownName} />}
        {moderation && !isSending && <moderation.Controls comment={comment} />}
      </article>
      {isReplying && <Composer composer={composerFor(comment.id)} replyTo={shownName} onCancel={() => ui.setReplyingTo(null)} />}
      {!isFlat && !isCollapsed && replies.length > 0 && limit !== 0 && (
        <CommentList
          nodes={replies}
          level={level + 1}
          parentId={comment.id}
          label={t.plural('comment.replies', descendants)}
          limit={limit}
        />
      )}
    </li>
  );
}
