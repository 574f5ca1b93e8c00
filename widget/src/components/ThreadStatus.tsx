import { useT, useView } from '../state/thread-view.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Props of ThreadStatus. */
export interface ThreadStatusProps {
  /** What to say when the thread (or the paragraph) has no comments yet. */
  empty: string;
}

/** "Loading…", a failed load with the reason and a retry, or "no comments yet". */
export function ThreadStatus({ empty }: ThreadStatusProps) {
  const t = useT();
  const { thread } = useView();
  const status = thread.status.value;
  if (status === 'loading') {
    return (
      <p class="tl-status" role="status">
        {t.t('thread.loading')}
      </p>
    );
  }
  if (status === 'error') {
    return (
      <div class="tl-status tl-status-error">
        <p>{t.t('thread.loadFailed')}</p>
        {thread.loadError.value && <ErrorMessage error={thread.loadError.value} />}
        <button type="button" class="tl-button" part="button" onClick={() => void thread.load()}>
          {t.t('thread.retry')}
        </button>
      </div>
    );
  }
  return thread.roots.value.length === 0 ? <p class="tl-status">{empty}</p> : null;
}
