import { useEffect, useId, useRef } from 'preact/hooks';
import { useT, useWidget } from '../state/widget-model.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Props of EditForm. */
export interface EditFormProps {
  commentId: string;
}

/** The reader's own comment, opened for editing in place (Ctrl+Enter saves, Escape cancels). */
export function EditForm({ commentId }: EditFormProps) {
  const { actions } = useWidget();
  const t = useT();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const failure = actions.of.failure(commentId);
  const save = (e?: Event) => {
    e?.preventDefault();
    void actions.saveEdit();
  };
  return (
    <form class="tl-edit" onSubmit={save} noValidate>
      <label class="tl-sr-only" for={`${id}-edit`}>
        {t.t('comment.editLabel')}
      </label>
      <textarea
        id={`${id}-edit`}
        ref={box}
        class="tl-input tl-textarea"
        part="textarea"
        rows={4}
        value={actions.editText.value}
        onInput={(e) => {
          actions.editText.value = e.currentTarget.value;
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
          if (e.key === 'Escape') {
            e.preventDefault();
            actions.cancelEdit();
          }
        }}
      />
      <div class="tl-buttons">
        <button type="button" class="tl-button tl-button-quiet" part="button" onClick={() => actions.cancelEdit()}>
          {t.t('composer.cancel')}
        </button>
        <button type="submit" class="tl-button tl-button-primary" part="button button-primary" disabled={actions.isSaving.value}>
          {actions.isSaving.value ? t.t('composer.sending') : t.t('comment.save')}
        </button>
      </div>
      {failure && <ErrorMessage error={failure} />}
    </form>
  );
}
