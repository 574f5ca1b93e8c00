import { useState } from 'preact/hooks';
import { REPORT_NOTE_CHARS, REPORT_REASONS, type ReportReason } from '../protocol/moderation.ts';
import type { Comment } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';
import { chunkStyles } from '../styles/adopt-styles.ts';
import css from '../styles/tools.css?inline';
import { ErrorMessage } from './ErrorMessage.tsx';

const styled = chunkStyles(css);

const REASON_KEYS = {
  spam: 'moderation.reasonSpam',
  abuse: 'moderation.reasonAbuse',
  'off-topic': 'moderation.reasonOffTopic',
  other: 'moderation.reasonOther',
} as const satisfies Record<ReportReason, string>;

/** Props of ReportControl. */
export interface ReportControlProps {
  comment: Comment;
}

/**
 * A reader's report of a comment, once "Report" is pressed in its "More" actions: a reason and an
 * optional note, then a thank-you in its place.
 */
export function ReportControl({ comment }: ReportControlProps) {
  const { reports, of } = useView();
  const t = useT();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const { reported, reporting } = of.flags(comment.id);
  if (reported) {
    return (
      <p class="tl-reported" role="status" ref={styled}>
        {t.t('moderation.reported')}
      </p>
    );
  }
  if (!reporting) return null;
  const formId = `tl-report-${comment.id}`;
  return (
    <form
      id={formId}
      class="tl-report-form"
      ref={styled}
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
  );
}
