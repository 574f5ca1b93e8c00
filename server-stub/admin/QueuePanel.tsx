import { useEffect, useState } from 'preact/hooks';
import type { AdminTranslator } from './admin-messages.ts';
import type { AdminModel } from './admin-model.ts';
import { CommentCard } from './CommentCard.tsx';
import { queueCommandOf } from './queue-keys.ts';

/** Props of QueuePanel. */
export interface QueuePanelProps {
  model: AdminModel;
  tr: AdminTranslator;
}

/** A queue (pending, reported or recent): the thread filter, bulk actions, the list, and its keyboard shortcuts. */
export function QueuePanel({ model, tr }: QueuePanelProps) {
  const { t } = tr;
  const [lockKey, setLockKey] = useState('');
  const comments = model.comments.value;
  const ticked = model.checked.value.size;

  useEffect(() => {
    // Focus follows the keyboard's selection so a screen reader reads the comment itself, not only the
    // live summary. Done here, after the command, not in an effect on the selection: a late effect would
    // focus (and so select, see CommentCard) a comment the moderator has already moved past.
    const focusSelected = () =>
      document.querySelector<HTMLElement>(`li[data-comment-id="${CSS.escape(model.selectedId.value ?? '')}"]`)?.focus();
    const onKey = (e: KeyboardEvent) => {
      const command = queueCommandOf(e);
      if (!command) return;
      e.preventDefault();
      void Promise.resolve(model.command(command)).then(focusSelected);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model]);

  return (
    <>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void model.load();
        }}
      >
        <label>
          {t('thread')}{' '}
          <input value={model.thread.value} placeholder="/news/…" onInput={(e) => (model.thread.value = e.currentTarget.value)} />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('lockThread')} <input value={lockKey} placeholder="/news/…" onInput={(e) => setLockKey(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), true)}>
          {t('lock')}
        </button>
        <button type="button" disabled={!lockKey.trim()} onClick={() => void model.lock(lockKey.trim(), false)}>
          {t('reopen')}
        </button>
      </form>
      <p class="keys" id="queue-keys">
        {t('keys')}
      </p>
      {comments.length > 0 && (
        <fieldset class="bulk">
          <legend class="sr-only">{t('bulk')}</legend>
          <label>
            <input type="checkbox" class="tick" checked={ticked === comments.length} onChange={() => model.toggleAll()} /> {t('tickAll')}
          </label>
          <span>{t('ticked', { n: String(ticked) })}</span>
          {model.tab.value !== 'recent' && (
            <button type="button" disabled={ticked === 0} onClick={() => void model.bulk('approve')}>
              {t('approveTicked')}
            </button>
          )}
          <button type="button" disabled={ticked === 0} onClick={() => void model.bulk('reject')}>
            {t('rejectTicked')}
          </button>
        </fieldset>
      )}
      {comments.length === 0 ? (
        <p class="empty">{t('empty')}</p>
      ) : (
        <ul class="comments" aria-describedby="queue-keys">
          {comments.map((c) => (
            <CommentCard key={c.id} comment={c} model={model} tr={tr} />
          ))}
        </ul>
      )}
      {model.nextBefore.value && (
        <button type="button" onClick={() => void model.load(true)}>
          {t('older')}
        </button>
      )}
    </>
  );
}
