import { useState } from 'preact/hooks';
import { REPORT_NOTE_CHARS, REPORT_REASONS, type ReportReason } from '../protocol/moderation.ts';
import type { Comment } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const REASON_KEYS = {
  spam: 'moderation.reasonSpam',
  abuse: 'moderation.reasonAbuse',
  'off-topic': 'moderation.reasonOffTopic',
  other: 'moderation.reasonOther',
} as const satisfies Record<ReportReason, string>;

/** Props of ReportControl. */
export interface ReportControlProps {
  comment: Comment;
  shownName: string;
}

/** "Report" on a comment others wrote: a reason, an optional note, then a thank-you in its place. */
export function ReportControl({ comment, shownName }: ReportControlProps) {
  const { reports, of } = useView();
  const t = useT();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  // Only public comments of other readers: a placeholder or one's own comment has nothing to report.
  if (!reports.canReport.value || comment.status !== 'published' || of.owned(comment.id)) return null;
  if (reports.reported.value.has(comment.id)) {
    return (
      <p class="tl-reported" role="status">
        {t.t('moderation.reported')}
      </p>
    );
  }
  const isOpen = reports.openFor.value === comment.id;
  const formId = `tl-report-${comment.id}`;
  return (
    <div class="tl-report">
      <button
        type="button"
        class="tl-action tl-report-toggle"
        aria-expanded={isOpen}
        aria-controls={isOpen ? formId : undefined}
        aria-label={t.t('moderation.reportLabel', { name: shownName })}
        onClick={() => reports.open(isOpen ? null : comment.id)}
      >
        {t.t('moderation.report')}
      </button>
      {isOpen && (
        <form
          id={formId}
          class="tl-report-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) void reports.send(comment.id, reason, note);
          }}
        >
          <fieldset>
            <legend>{t.t('moderation.reportReason')}</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} class="tl-report-reason">
                <input type="radio" name={`${formId}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />{' '}
                {t.t(REASON_KEYS[r])}
              </label>
            ))}
          </fieldset>
          <label class="tl-report-note">
            {t.t('moderation.reportNote')}
            <textarea maxLength={REPORT_NOTE_CHARS} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          {reports.error.value && <ErrorMessage error={reports.error.value} />}
          <div class="tl-report-buttons">
            <button type="submit" class="tl-button tl-button-primary" part="button" disabled={!reason || reports.isSending.value}>
              {t.t('moderation.reportSend')}
            </button>
            <button type="button" class="tl-button" part="button" onClick={() => reports.open(null)}>
              {t.t('moderation.reportCancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
