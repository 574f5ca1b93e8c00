import type { WidgetModel } from '../state/widget-model.ts';
import { WidgetContext } from '../state/widget-model.ts';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Props of App. */
export interface AppProps {
  model: WidgetModel;
}

/** The whole comment section: count, the form for a new comment, and the thread. */
export function App({ model }: AppProps) {
  const { thread, t } = model;
  const status = thread.status.value;
  const roots = thread.roots.value;
  return (
    <WidgetContext.Provider value={model}>
      <section class="tl" aria-labelledby="tl-heading" lang={t.lang}>
        <h2 class="tl-heading" id="tl-heading">
          {status === 'ready' ? t.plural('thread.count', thread.count.value) : t.t('thread.label')}
        </h2>
        <Composer composer={model.composerFor(null)} />
        {status === 'loading' && roots.length === 0 && (
          <p class="tl-status" role="status">
            {t.t('thread.loading')}
          </p>
        )}
        {status === 'error' && (
          <div class="tl-status tl-status-error">
            <p>{t.t('thread.loadFailed')}</p>
            {thread.loadError.value && <ErrorMessage error={thread.loadError.value} />}
            <button type="button" class="tl-button" onClick={() => void thread.load()}>
              {t.t('thread.retry')}
            </button>
          </div>
        )}
        {status === 'ready' && roots.length === 0 && <p class="tl-status">{t.t('thread.empty')}</p>}
        {roots.length > 0 && <CommentList nodes={roots} />}
      </section>
    </WidgetContext.Provider>
  );
}
