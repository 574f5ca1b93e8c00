import { useEffect, useId, useRef } from 'preact/hooks';
import { LIMITS } from '../protocol/limits.ts';
import type { ComposerModel } from '../state/composer-model.ts';
import { useT, useWidget } from '../state/widget-model.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Props of Composer. */
export interface ComposerProps {
  composer: ComposerModel;
  /** Name of the author being replied to (reply forms only; '' for anonymous). */
  replyTo?: string;
  /** Called when the reader cancels a reply form. */
  onCancel?: () => void;
}

/** Shows the counter only once it matters, so it does not nag short comments. */
const COUNTER_FROM = Math.floor(LIMITS.bodyChars * 0.8);

/** A comment form: body, name, post button and the reason a post failed. */
export function Composer({ composer, replyTo, onCancel }: ComposerProps) {
  const { reader } = useWidget();
  const t = useT();
  const ids = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const isReply = composer.parentId !== null;
  const pending = composer.isPending.value;

  // A reply form is opened to be typed in: put the caret there.
  useEffect(() => {
    if (isReply) bodyRef.current?.focus();
  }, [isReply]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const posted = await composer.submit();
    if (!posted && composer.error.value?.field === 'body') bodyRef.current?.focus();
  };

  return (
    <form class={isReply ? 'tl-composer tl-composer-reply' : 'tl-composer'} part="composer" onSubmit={submit} noValidate aria-busy={pending}>
      {!isReply && <h3 class="tl-composer-heading">{t.t('composer.heading')}</h3>}
      <label class="tl-label" for={`${ids}-body`}>
        {isReply ? t.t('composer.replyBody', { name: replyTo || t.t('comment.anonymous') }) : t.t('composer.body')}
      </label>
      <textarea
        id={`${ids}-body`}
        ref={bodyRef}
        class="tl-input tl-textarea"
        part="textarea"
        rows={isReply ? 3 : 4}
        placeholder={t.t('composer.placeholder')}
        value={composer.body.value}
        onInput={(e) => {
          composer.body.value = e.currentTarget.value;
          if (composer.error.value?.field === 'body') composer.clearError();
        }}
        aria-invalid={composer.error.value?.field === 'body'}
        aria-describedby={composer.error.value ? `${ids}-error` : undefined}
      />
      {composer.chars.value >= COUNTER_FROM && (
        <p class={composer.chars.value > LIMITS.bodyChars ? 'tl-counter tl-counter-over' : 'tl-counter'} aria-live="polite">
          {composer.chars.value.toLocaleString(t.lang)} / {LIMITS.bodyChars.toLocaleString(t.lang)}
        </p>
      )}
      <div class="tl-composer-row">
        <div class="tl-field">
          <label class="tl-label" for={`${ids}-name`}>
            {t.t('composer.name')} <span class="tl-hint">({t.t('composer.nameHint')})</span>
          </label>
          <input
            id={`${ids}-name`}
            class="tl-input"
            part="input"
            type="text"
            autocomplete="name"
            value={reader.name.value}
            onInput={(e) => {
              reader.name.value = e.currentTarget.value;
            }}
            aria-invalid={composer.error.value?.field === 'author.name'}
          />
        </div>
        <div class="tl-buttons">
          {isReply && (
            <button type="button" class="tl-button tl-button-quiet" part="button" onClick={onCancel}>
              {t.t('composer.cancel')}
            </button>
          )}
          <button type="submit" class="tl-button tl-button-primary" part="button button-primary" disabled={pending}>
            {pending ? t.t('composer.sending') : t.t(isReply ? 'composer.submitReply' : 'composer.submit')}
          </button>
        </div>
      </div>
      {composer.error.value && <ErrorMessage id={`${ids}-error`} error={composer.error.value} />}
    </form>
  );
}
