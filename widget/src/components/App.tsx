import { ModerationContext, useModerationTools } from '../moderation/moderation-slot.ts';
import { type ThreadView, ViewContext } from '../state/thread-view.ts';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { EditorsPicks } from './EditorsPicks.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FilterSelect } from './FilterSelect.tsx';
import { NewCommentsBar } from './NewCommentsBar.tsx';
import { SignInRequired } from './SignInRequired.tsx';
import { SortSelect } from './SortSelect.tsx';
import { ThreadStatus } from './ThreadStatus.tsx';

/** Props of App. */
export interface AppProps {
  /** The thread under the article. */
  view: ThreadView;
}

/** The whole comment section: count and order, the form for a new comment, the thread, and more. */
export function App({ view }: AppProps) {
  const { thread, session } = view;
  const t = session.t.value;
  const status = thread.status.value;
  const roots = thread.roots.value;
  // The all / inline-only filter, where the page or the thread has inline comments.
  const hasInline = view.hasAnchors && (!!session.inline.value || thread.filter.value !== 'all' || roots.some((r) => r.comment.anchor));
  // A signed-in moderator's tools (a lazy chunk): null for every other reader.
  const moderation = useModerationTools(view);
  return (
    <ViewContext.Provider value={view}>
      <ModerationContext.Provider value={moderation}>
        <section class="tl" part="thread" aria-labelledby="tl-heading" lang={t.lang} dir={t.dir}>
          <div class="tl-header">
            <h2 class="tl-heading" part="heading" id="tl-heading">
              {status === 'ready' ? t.plural('thread.count', thread.count.value) : t.t('thread.label')}
            </h2>
            <div class="tl-controls">
              {hasInline && <FilterSelect />}
              {roots.length > 1 && <SortSelect />}
            </div>
          </div>
          {thread.isLocked.value ? (
            <p class="tl-locked" role="note">
              {thread.info.value?.closedAt
                ? t.t('moderation.closedSince', { date: t.formatDate(thread.info.value.closedAt) })
                : t.t('thread.locked')}
            </p>
          ) : session.features.value?.identity === 'required' && !session.identity.value ? (
            <SignInRequired />
          ) : (
            <Composer composer={view.composerFor(null)} />
          )}
          <EditorsPicks />
          {moderation && <moderation.Held />}
          <ThreadStatus empty={t.t('thread.empty')} />
          <NewCommentsBar />
          {status !== 'loading' && roots.length > 0 && <CommentList nodes={roots} level={0} />}
          {status === 'ready' && thread.hasMore.value && (
            <div class="tl-more">
              {thread.moreError.value && <ErrorMessage error={thread.moreError.value} />}
              <button
                type="button"
                class="tl-button tl-more-button"
                part="button more"
                disabled={thread.isLoadingMore.value}
                onClick={() => void thread.loadMore()}
              >
                {thread.isLoadingMore.value ? t.t('thread.loadingMore') : t.t('thread.more')}
              </button>
            </div>
          )}
        </section>
      </ModerationContext.Provider>
    </ViewContext.Provider>
  );
}
