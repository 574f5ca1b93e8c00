import { useEffect, useId, useRef } from 'preact/hooks';
import { CommentList } from '../components/CommentList.tsx';
import { Composer } from '../components/Composer.tsx';
import { ThreadStatus } from '../components/ThreadStatus.tsx';
import { ViewContext } from '../state/thread-view.ts';
import type { InlineModel, PanelState } from './inline-model.ts';
import { trapPanelFocus } from './panel-focus.ts';

/** Props of InlinePanel. */
export interface InlinePanelProps {
  model: InlineModel;
  panel: PanelState;
  /** Beside the paragraph (desktop with room), a drawer at the window's edge, or a bottom sheet (phones). */
  placement: 'beside' | 'drawer' | 'sheet';
  /** Where "beside" puts it, relative to the layer's host. */
  position: { left: number; top: number; width: number };
}

/** Clicks on the layer's own markers and buttons are theirs to handle (a marker toggles its panel). */
const isOwnControl = (target: EventTarget) =>
  target instanceof Element && (target.classList.contains('tl-inline-marker') || target.classList.contains('tl-inline-select'));

/**
 * One paragraph's comments beside it: the quote being commented on, the full composer, the
 * threads with votes and replies, live. A dialog that holds focus until Escape, the close button or
 * a click elsewhere, then gives it back to the marker that opened it.
 */
export function InlinePanel({ model, panel, placement, position }: InlinePanelProps) {
  const { view, quote } = panel;
  const { thread } = view;
  const t = view.session.t.value;
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const roots = thread.roots.value;

  /** Closes the panel; focus goes back to what opened it (else to the paragraph's marker). */
  const close = (returnFocus = true) => {
    const el = ref.current;
    model.close();
    if (!returnFocus || !el) return;
    const marker = (el.getRootNode() as ShadowRoot).querySelector<HTMLElement>(`.tl-inline-marker[data-block="${panel.block}"]`);
    const back = panel.returnTo?.isConnected && panel.returnTo !== el.ownerDocument.body ? panel.returnTo : marker;
    back?.focus({ preventScroll: true });
  };

  useEffect(() => {
    const el = ref.current!;
    // A bottom sheet covers most of a phone's screen: bring the paragraph to the top, above it.
    if (placement === 'sheet') model.blocks.peek()[panel.block]?.element.scrollIntoView?.({ block: 'start' });
    // A new quote is there to be written about; otherwise the dialog itself takes focus.
    (quote ? (el.querySelector('textarea') ?? el) : el).focus({ preventScroll: true });
    return trapPanelFocus(el, { isOwnControl, onClose: close });
  }, []);

  // A new quote is commented on first; a paragraph's comments are read first, then answered.
  const form = thread.isLocked.value ? (
    <p class="tl-locked" role="note">
      {t.t('thread.locked')}
    </p>
  ) : (
    <Composer composer={view.composerFor(null)} />
  );
  const style =
    placement === 'beside'
      ? { left: `${position.left}px`, top: `${position.top}px`, width: `${position.width}px` }
      : placement === 'drawer'
        ? { width: `${position.width}px` }
        : undefined;
  return (
    <ViewContext.Provider value={view}>
      <section
        ref={ref}
        class={`tl-inline-panel tl-inline-panel-${placement}`}
        part="inline-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        style={style}
      >
        <div class="tl-inline-head">
          <h2 id={headingId}>{t.t('inline.heading')}</h2>
          <button type="button" class="tl-inline-close" aria-label={t.t('inline.close')} onClick={() => close()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {quote && (
          <blockquote class="tl-inline-quote">
            <span>{t.t('inline.quoting')}</span>“{quote.exact}”
          </blockquote>
        )}
        {quote && form}
        <ThreadStatus empty={t.t('inline.empty')} />
        {roots.length > 0 && <CommentList nodes={roots} level={0} />}
        {thread.hasMore.value && (
          <button
            type="button"
            class="tl-button tl-more-button"
            disabled={thread.isLoadingMore.value}
            onClick={() => void thread.loadMore()}
          >
            {t.t('thread.more')}
          </button>
        )}
        {!quote && form}
      </section>
    </ViewContext.Provider>
  );
}
