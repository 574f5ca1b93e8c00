import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../protocol/limits.ts';
import { loadFormatter } from '../render/formatter.ts';
import type { ComposerModel } from '../state/composer-model.ts';
import { useT, useView } from '../state/thread-view.ts';
import { CommentBody } from './CommentBody.tsx';
import { Confirm } from './Confirm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { NotifyOptIn } from './NotifyOptIn.tsx';
import { SignInBar } from './SignInBar.tsx';

/** Props of Composer. */
export interface ComposerProps {
  composer: ComposerModel;
  /** Name of the author being replied to (reply forms only). */
  replyTo?: string;
  /** Called when the reader closes a reply form. */
  onCancel?: () => void;
}

/** Shows the counter only once it matters, so it does not nag short comments. */
const COUNTER_FROM = Math.floor(LIMITS.bodyChars * 0.8);

/** A comment form: body with preview, who is writing, post button, and the reason a post failed. */
export function Composer({ composer, replyTo, onCancel }: ComposerProps) {
  const t = useT();
  const { session } = useView();
  const ids = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [isPreview, setPreview] = useState(false);
  const [isConfirmingDiscard, setConfirmingDiscard] = useState(false);
  const isReply = composer.parentId.value !== null;
  const pending = composer.isPending.value;
  const error = composer.error.value;

  // A reply form is opened to be typed in: put the caret there, after any restored draft.
  useEffect(() => {
    const box = bodyRef.current;
    if (!box || !isReply) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  const submit = async (e?: Event) => {
    e?.preventDefault();
    setPreview(false);
    const posted = await composer.submit();
    if (!posted && composer.error.value) bodyRef.current?.focus();
  };
  const close = () => {
    // Escape with text asks first: closing keeps the draft, discarding throws it away.
    if (composer.body.value.trim() && !isConfirmingDiscard) return setConfirmingDiscard(true);
    onCancel?.();
  };

  return (
    <form
      class={isReply ? 'tl-composer tl-composer-reply' : 'tl-composer'}
      part="composer"
      onSubmit={submit}
      noValidate
      aria-busy={pending}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        if (e.key === 'Escape' && isReply) {
          e.preventDefault();
          close();
        }
      }}
    >
      {!isReply && <h3 class="tl-composer-heading">{t.t('composer.heading')}</h3>}
      <div class="tl-composer-top">
        <label class="tl-label" for={`${ids}-body`}>
          {isReply ? t.t('composer.replyBody', { name: replyTo ?? t.t('comment.anonymous') }) : t.t('composer.body')}
        </label>
        <div class="tl-tabs">
          <button type="button" class="tl-tab" aria-pressed={!isPreview} onClick={() => setPreview(false)}>
            {t.t('composer.write')}
          </button>
          <button
            type="button"
            class="tl-tab"
            aria-pressed={isPreview}
            onClick={() => {
              void loadFormatter().catch(() => {});
              setPreview(true);
            }}
          >
            {t.t('composer.preview')}
          </button>
        </div>
      </div>
      {isPreview ? (
        <div class="tl-preview" aria-live="polite">
          {composer.body.value.trim() ? <CommentBody text={composer.body.value} /> : <p class="tl-hint">{t.t('composer.previewEmpty')}</p>}
        </div>
      ) : (
        <textarea
          id={`${ids}-body`}
          ref={bodyRef}
          class="tl-input tl-textarea"
          part="textarea"
          rows={isReply ? 3 : 4}
          placeholder={t.t('composer.placeholder')}
          onFocus={() => composer.prepare()}
          value={composer.body.value}
          onInput={(e) => {
            composer.setBody(e.currentTarget.value);
            setConfirmingDiscard(false);
            if (composer.error.value?.field === 'body') composer.clearError();
          }}
          aria-invalid={error?.field === 'body'}
          aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
        />
      )}
      {composer.isRestored.value && <p class="tl-hint">{t.t('composer.draftRestored')}</p>}
      {composer.chars.value >= COUNTER_FROM && (
        <p class={composer.chars.value > LIMITS.bodyChars ? 'tl-counter tl-counter-over' : 'tl-counter'} aria-live="polite">
          {composer.chars.value.toLocaleString(t.lang)} / {LIMITS.bodyChars.toLocaleString(t.lang)}
        </p>
      )}
      <SignInBar />
      {/* A signed-in reader's name comes from the site: no fields to fill in. */}
      {!session.identity.value && <IdentityFields idPrefix={ids} invalidField={error?.field} />}
      <NotifyOptIn composer={composer} />
      {/* The honeypot: hidden from people, keyboards and screen readers; form-filling bots fill it. */}
      <div class="tl-hp">
        <label for={`${ids}-hp`}>{t.t('composer.honeypot')}</label>
        <input
          id={`${ids}-hp`}
          name="url"
          type="text"
          tabIndex={-1}
          autocomplete="off"
          value={composer.honeypot.value}
          onInput={(e) => composer.setHoneypot(e.currentTarget.value)}
        />
      </div>
      <div class="tl-composer-row">
        <span class="tl-hint tl-shortcut" id={`${ids}-hint`}>
          {t.t('composer.shortcut')}
        </span>
        <div class="tl-buttons">
          {isReply && (
            <button type="button" class="tl-button tl-button-quiet" part="button" onClick={close}>
              {t.t('composer.cancel')}
            </button>
          )}
          <button type="submit" class="tl-button tl-button-primary" part="button button-primary" disabled={pending}>
            {pending ? t.t('composer.sending') : t.t(isReply ? 'composer.submitReply' : 'composer.submit')}
          </button>
        </div>
      </div>
      {isConfirmingDiscard && (
        <Confirm
          question={t.t('composer.discard')}
          yes={t.t('composer.discardYes')}
          no={t.t('composer.discardNo')}
          onYes={() => {
            composer.discard();
            setConfirmingDiscard(false);
            onCancel?.();
          }}
          onNo={() => {
            setConfirmingDiscard(false);
            bodyRef.current?.focus();
          }}
        />
      )}
      {error && <ErrorMessage id={`${ids}-error`} error={error} />}
    </form>
  );
}
