import type { Comment } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';

/** Props of MoreActions. */
export interface MoreActionsProps {
  comment: Comment;
  shownName: string;
}

/**
 * What the "More" button of a comment opens, right after it in the tab order: Edit and Delete on
 * the reader's own comment while the edit window is open, Report on other readers' comments.
 */
export function MoreActions({ comment, shownName }: MoreActionsProps) {
  const { ui, of, reports } = useView();
  const t = useT();
  const mayChange = of.canChange(comment);
  const { confirmingDelete: isConfirming, reporting: isReporting, reported, owned } = of.flags(comment.id);
  const mayReport = reports.canReport.value && comment.status === 'published' && !owned && !reported;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would break the flex row of actions; role=group names it the same way
    <span class="tl-actions-menu" role="group" aria-label={t.t('comment.more', { name: shownName })}>
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
      {mayReport && (
        <button
          type="button"
          class="tl-action tl-report-toggle"
          aria-expanded={isReporting}
          aria-controls={isReporting ? `tl-report-${comment.id}` : undefined}
          aria-label={t.t('moderation.reportLabel', { name: shownName })}
          onClick={() => reports.open(isReporting ? null : comment.id)}
        >
          {t.t('moderation.report')}
        </button>
      )}
    </span>
  );
}
