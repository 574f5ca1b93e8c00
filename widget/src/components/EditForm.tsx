import { useEffect, useId, useRef } from 'preact/hooks';
import { useT, useView } from '../state/thread-view.ts';
import { chunkStyles } from '../styles/adopt-styles.ts';
import css from '../styles/tools.css?inline';
import { ErrorMessage } from './ErrorMessage.tsx';

const styled = chunkStyles(css);

/** Props of EditForm. */
export interface EditFormProps {
  commentId: string;
}

/** The reader's own comment, opened for editing in place (Ctrl+Enter saves, Escape cancels). */
export function EditForm({ commentId }: EditFormProps) {
  const { ui, writes, of } = useView();
  const t = useT();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const failure = of.failure(commentId);
  const save = (e?: Event) => {
    e?.preventDefault();
    void writes.saveEdit();
  };
  return (
    <form class="tl-edit" onSubmit={save} noValidate ref={styled}>
      <label class="tl-sr-only" for={`${id}-edit`}>
        {t.t('comment.editLabel')}
      </label>
      <textarea
        id={`${id}-edit`}
        ref={box}
        class="tl-input tl-textarea"
        part="textarea"
        rows={4}
        value={ui.editText.value}
        onInput={(e) => ui.setEditText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
          if (e.key === 'Escape') {
            e.preventDefault();
            ui.stopEdit();
          }
        }}
      />
      <div class="tl-buttons">
        <button type="button" class="tl-button tl-button-quiet" part="button" onClick={() => ui.stopEdit()}>
          {t.t('composer.cancel')}
        </button>
        <button type="submit" class="tl-button tl-button-primary" part="button button-primary" disabled={writes.isSaving.value}>
          {writes.isSaving.value ? t.t('composer.sending') : t.t('comment.save')}
        </button>
      </div>
      {failure && <ErrorMessage error={failure} />}
    </form>
  );
}
