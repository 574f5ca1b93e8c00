import { useModeration } from '../moderation/moderation-slot.ts';
import type { ReplyNode } from '../state/reply-tree.ts';
import { useView } from '../state/thread-view.ts';
import { AnchorQuote } from './AnchorQuote.tsx';
import { commentBody } from './CommentBody.tsx';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { commentTools, loadCommentTools } from './comment-tools-slot.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

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

/** A stable hue per name, so a person keeps their avatar's colour down the thread. */
function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** The reader's own new comment, or the one a link points at: focused and brought into view once drawn. */
const bringIntoView = (block: ScrollLogicalPosition) => (el: HTMLElement | null) => {
  el?.focus({ preventScroll: true });
  el?.scrollIntoView?.({ block });
};
const [showNew, showTarget] = [bringIntoView('nearest'), bringIntoView('center')];

/**
 * One comment with its actions, its reply or edit form (when open) and its replies: one component
 * and about a dozen DOM nodes. The avatar (the article's ::before), the verified mark (the author's
 * ::after) and the action labels are drawn by CSS from attributes; clicks are handled by the list
 * (comment-actions.ts); Edit, Delete and Report are in a chunk loaded when "More" is first used.
 */
export function CommentItem({ node, level, isFlat, showReplyTo, limit }: CommentItemProps) {
  const { of, ui, composerFor, reports, thread, canVote, session } = useView();
  const t = session.t.value;
  const moderation = useModeration();
  const { comment, replies, descendants } = node;
  const { id, author } = comment;
  const isDeleted = comment.status === 'deleted';
  // Deleted placeholders and held comments take no replies or votes.
  const isClosed = isDeleted || comment.status === 'pending';
  const name = isDeleted ? null : author.name;
  const shownName = isDeleted ? t.t('comment.deleted') : (author.name ?? t.t('comment.anonymous'));
  // Per-comment reads (of): this comment re-renders only when its own state changes.
  const parentName = comment.parentId === null ? undefined : (of.authorName(comment.parentId) ?? t.t('comment.anonymous'));
  const flags = of.flags(id);
  const { sending: isSending, editing: isEditing } = flags;
  // One keyed read per comment (flags) for most of its state; the rest is read only where it applies.
  const failure = flags.failed && !isEditing ? of.failure(id) : null;
  const mayChange = flags.owned && !isSending && of.canChange(comment);
  // canReport never changes for a view: no need to follow it from every comment.
  const mayReport = reports.canReport.peek() && comment.status === 'published' && !flags.reported && !flags.owned;
  const canReply = !isClosed && !thread.isLocked.value;
  // The chunk is read only by a comment that needs it, so its arrival re-renders that comment alone.
  const needsTools = isEditing || flags.menuOpen || flags.confirmingDelete || flags.reporting || flags.reported;
  const tools = needsTools ? commentTools.value : null;
  if (needsTools && !tools) void loadCommentTools();
  const initial = name ? [...name.trim()][0]?.toLocaleUpperCase() : undefined;
  const isVerified = !isDeleted && !!author.verified;
  const score = comment.score ?? 0;
  const date = t.formatDate(comment.createdAt);
  const levelLabel = parentName === undefined ? '' : ` ${t.t('comment.level', { name: parentName, level: node.depth + 1 })}`;

  const classes = [
    'tl-comment',
    (flags.justPosted || flags.fresh) && 'tl-comment-new',
    flags.target && 'tl-comment-target',
    isSending && 'tl-comment-sending',
    isDeleted && 'tl-comment-deleted',
  ];
  return (
    <li class="tl-item" id={`comment-${id}`}>
      <article
        ref={flags.justPosted ? showNew : flags.target ? showTarget : null}
        class={classes.filter(Boolean).join(' ')}
        part="comment"
        aria-label={shownName + levelLabel}
        aria-busy={isSending}
        tabIndex={-1}
        data-comment-id={id}
        data-depth={node.depth}
        data-initial={initial}
        style={initial ? { '--tl-avatar-hue': String(hueOf(name!)) } : undefined}
      >
        {comment.anchor && comment.parentId === null && <AnchorQuote anchor={comment.anchor} />}
        <span
          class={name ? 'tl-author' : 'tl-author tl-author-anon'}
          part="author"
          data-verified={isVerified ? t.t('signIn.verified') : undefined}
        >
          {isWebUrl(author.website) && !isDeleted ? (
            <a href={author.website} rel="nofollow ugc noopener noreferrer" target="_blank">
              {shownName}
            </a>
          ) : (
            shownName
          )}
        </span>
        {isVerified && author.badge === 'staff' && (
          <span class="tl-badge" part="badge">
            {t.t('signIn.staff')}
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
          !isDeleted && (
            <a class="tl-time" part="time" href={`#comment-${id}`} title={date} aria-label={`${date} · ${t.t('comment.permalink')}`}>
              <time dateTime={comment.createdAt}>{of.ago(comment.createdAt)}</time>
            </a>
          )
        )}
        {comment.status === 'pending' && <span class="tl-pending">{t.t('comment.pending')}</span>}
        {comment.editedAt && !isDeleted && (
          <span class="tl-edited" title={t.formatDate(comment.editedAt)}>
            · {t.t(comment.editedBy === 'moderator' ? 'moderation.editedByModerator' : 'comment.edited')}
          </span>
        )}
        {comment.featured && !isDeleted && <span class="tl-pick-badge">{t.t('moderation.pick')}</span>}
        {isEditing && tools ? <tools.EditForm commentId={id} /> : isDeleted ? null : commentBody(comment)}
        {!isEditing && (
          <div class="tl-actions" part="actions">
            {canVote && !isClosed && (
              <button
                type="button"
                class="tl-action tl-vote"
                data-action="vote"
                data-label={`▲ ${score > 0 ? score : t.t('comment.upvote')}`}
                aria-pressed={flags.voted}
                aria-label={`${t.t('comment.upvoteLabel', { name: shownName })} (${t.plural('comment.score', score)})`}
                disabled={isSending}
              />
            )}
            {canReply && (
              <button
                type="button"
                class="tl-action"
                data-action="reply"
                data-label={t.t('comment.reply')}
                aria-expanded={flags.replying}
                aria-label={t.t('comment.replyTo', { name: shownName })}
                disabled={isSending}
              />
            )}
            {descendants > 0 && (
              <button
                type="button"
                class="tl-action tl-toggle"
                data-action="toggle"
                data-label={t.plural(flags.collapsed ? 'comment.show' : 'comment.hide', descendants)}
                aria-expanded={!flags.collapsed}
                aria-label={t.plural(flags.collapsed ? 'comment.show' : 'comment.hide', descendants)}
              />
            )}
            {(mayChange || mayReport) && (
              <button
                type="button"
                class="tl-action tl-actions-more"
                data-action="more"
                aria-expanded={flags.menuOpen}
                aria-label={t.t('comment.more', { name: shownName })}
              />
            )}
            {flags.menuOpen && tools && <tools.MoreActions comment={comment} shownName={shownName} />}
          </div>
        )}
        {!isEditing && flags.confirmingDelete && tools && <tools.DeleteConfirm commentId={id} />}
        {!isEditing && !isSending && (flags.reporting || flags.reported) && tools && <tools.ReportControl comment={comment} />}
        {failure && <ErrorMessage error={failure} />}
        {moderation && !isSending && <moderation.Controls comment={comment} />}
      </article>
      {flags.replying && <Composer composer={composerFor(id)} replyTo={shownName} onCancel={() => ui.setReplyingTo(null)} />}
      {!isFlat && !flags.collapsed && replies.length > 0 && limit !== 0 && (
        <CommentList nodes={replies} level={level + 1} parentId={id} label={t.plural('comment.replies', descendants)} limit={limit} />
      )}
    </li>
  );
}
