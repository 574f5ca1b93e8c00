import type { Translator } from '../i18n/translator.ts';
import type { Comment } from '../protocol/types.ts';
import { chunkStyles } from '../styles/adopt-styles.ts';
import css from '../styles/moderation.css?inline';
import type { ModerationAction } from './moderation-api.ts';
import type { ModerationModel } from './moderation-model.ts';

const styled = chunkStyles(css);

/** Props of ModerationControls. */
export interface ModerationControlsProps {
  comment: Comment;
  model: ModerationModel;
  t: Translator;
}

/** The actions that make sense for a comment in its status. */
function actionsFor(comment: Comment): ModerationAction[] {
  if (comment.status === 'pending') return ['approve', 'reject', 'delete', 'ban'];
  if (comment.status === 'published') return ['reject', comment.featured ? 'unfeature' : 'feature', 'delete', 'ban'];
  return [];
}

const KEYS = {
  approve: 'moderation.approve',
  reject: 'moderation.reject',
  feature: 'moderation.feature',
  unfeature: 'moderation.unfeature',
  delete: 'moderation.delete',
  ban: 'moderation.ban',
} as const;

/** A moderator's buttons on one comment, with its report count and what went wrong. */
export function ModerationControls({ comment, model, t }: ModerationControlsProps) {
  const actions = actionsFor(comment);
  if (actions.length === 0) return null;
  const reports = model.reportsOf(comment.id);
  const isBusy = model.busy.value === comment.id;
  const error = model.busy.value === null && model.error.value;
  return (
    <fieldset class="tl-mod" ref={styled}>
      <legend class="tl-sr-only">{t.t('moderation.tools')}</legend>
      {reports > 0 && <span class="tl-mod-mark">{t.t('moderation.markReported', { n: reports })}</span>}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          class="tl-button tl-mod-button"
          part="button moderation"
          disabled={isBusy}
          aria-pressed={action === 'unfeature' ? true : action === 'feature' ? false : undefined}
          onClick={() => void model.act(action, comment)}
        >
          {t.t(KEYS[action])}
        </button>
      ))}
      {error && (
        <span class="tl-mod-error" role="alert">
          {t.t('moderation.failed')}
        </span>
      )}
    </fieldset>
  );
}
