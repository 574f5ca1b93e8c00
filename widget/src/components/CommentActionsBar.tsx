import type { ReplyNode } from '../state/reply-tree.ts';
import { useT, useView } from '../state/thread-view.ts';
import { Confirm } from './Confirm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Props of CommentActionsBar. */
export interface CommentActionsBarProps {
  node: ReplyNode;
  shownName: string;
  isSending: boolean;
}

/** Reply, fold replies, upvote, and, on the reader's own comment while allowed, edit and delete. */
export function CommentActionsBar({ node, shownName, isSending }: CommentActionsBarProps) {
  const { thread, ui, writes, of, canVote } = useView();
  const t = useT();
  const { comment, descendants } = node;
  // Deleted placeholders and held comments take no replies or votes.
  const isDeleted = comment.status === 'deleted' || comment.status === 'pending';
  const canReply = !isDeleted && !thread.isLocked.value;
  const { replying: isReplying, collapsed: isCollapsed, editing: isEditing, confirmingDelete: isConfirming } = of.flags(comment.id);
  const hasVoted = of.voted(comment.id);
  const score = comment.score ?? 0;
  const failure = isEditing ? null : of.failure(comment.id);
  const mayChange = !isSending && of.canChange(comment);

  return (
    <>
      <div class="tl-actions" part="actions">
        {canVote && !isDeleted && (
          <button
            type="button"
            class="tl-action tl-vote"
            aria-pressed={hasVoted}
            aria-label={`${t.t('comment.upvoteLabel', { name: shownName })} (${t.plural('comment.score', score)})`}
            disabled={isSending}
            onClick={() => void writes.toggleVote(comment)}
          >
            <span aria-hidden="true">▲</span> {score > 0 ? score : t.t('comment.upvote')}
          </button>
        )}
        {canReply && (
          <button
            type="button"
            class="tl-action"
            aria-expanded={isReplying}
            aria-label={t.t('comment.replyTo', { name: shownName })}
            disabled={isSending}
            onClick={() => ui.setReplyingTo(isReplying ? null : comment.id)}
          >
            {t.t('comment.reply')}
          </button>
        )}
        {descendants > 0 && (
          <button type="button" class="tl-action tl-toggle" aria-expanded={!isCollapsed} onClick={() => ui.toggleCollapsed(comment.id)}>
            {t.plural(isCollapsed ? 'comment.show' : 'comment.hide', descendants)}
          </button>
        )}
        {mayChange && (
          <>
            <button type="button" class="tl-action" onClick={() => ui.startEdit(comment)}>
              {t.t('comment.edit')}
            </button>
            <button
              type="button"
              class="tl-action"
              aria-expanded={isConfirming}
              onClick={() => ui.setConfirmingDelete(isConfirming ? null : comment.id)}
            >
              {t.t('comment.delete')}
            </button>
          </>
        )}
      </div>
      {isConfirming && (
        <Confirm
          question={t.t('comment.deleteConfirm')}
          yes={t.t('comment.deleteYes')}
          no={t.t('comment.deleteNo')}
          onYes={() => void writes.remove(comment.id)}
          onNo={() => ui.setConfirmingDelete(null)}
        />
      )}
      {failure && <ErrorMessage error={failure} />}
    </>
  );
}
