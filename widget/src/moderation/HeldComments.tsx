import type { Translator } from '../i18n/translator.ts';
import { chunkStyles } from '../styles/adopt-styles.ts';
import css from '../styles/moderation.css?inline';
import { ModerationControls } from './ModerationControls.tsx';
import type { ModerationModel } from './moderation-model.ts';

const styled = chunkStyles(css);

/** Props of HeldComments. */
export interface HeldCommentsProps {
  model: ModerationModel;
  t: Translator;
}

/** The thread's held comments, shown only to a moderator: marked pending or reported, each with its controls. */
export function HeldComments({ model, t }: HeldCommentsProps) {
  const held = model.held.value;
  if (held.length === 0) return null;
  return (
    <section class="tl-held" aria-labelledby="tl-held-heading" ref={styled}>
      <h3 class="tl-held-heading" id="tl-held-heading">
        {t.t('moderation.held', { n: held.length })}
      </h3>
      <ul class="tl-list">
        {held.map((c) => (
          <li key={c.id} class="tl-item">
            <article class="tl-comment tl-comment-held" data-comment-id={c.id} data-held={c.heldFor ?? 'pending'}>
              <header class="tl-meta">
                <span class="tl-author">{c.author.name ?? t.t('comment.anonymous')}</span>
                <time dateTime={c.createdAt}>{t.formatDate(c.createdAt)}</time>
                <span class="tl-pending">{t.t(c.heldFor === 'reports' ? 'moderation.markHeldByReports' : 'moderation.markPending')}</span>
              </header>
              {/* The text as typed: a moderator judges what was written, not how it renders. */}
              <p class="tl-body tl-held-body">{c.body}</p>
              <ModerationControls comment={c} model={model} t={t} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
