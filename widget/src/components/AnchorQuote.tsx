import { quoteLabel } from '../protocol/anchor-text.ts';
import type { Anchor } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';

/** Props of AnchorQuote. */
export interface AnchorQuoteProps {
  anchor: Anchor;
}

/**
 * The passage of the article an inline comment is about, above it in the thread: a button back to
 * the place in the text while the passage is there, "has since changed" once it is not.
 */
export function AnchorQuote({ anchor }: AnchorQuoteProps) {
  const t = useT();
  const { session, settings } = useView();
  const bridge = session.inline.value;
  // In a paragraph's own panel, anchoring to that paragraph goes without saying.
  if (settings.isPanel && anchor.type === 'paragraph') return null;
  // A paragraph is named by its opening words; a quote keeps its start and end; never cut mid-word.
  const excerpt = quoteLabel(anchor);
  if (bridge?.locate(anchor) === 'changed') {
    return (
      <p class="tl-anchor tl-anchor-changed" part="anchor">
        {t.t('inline.changed', { quote: excerpt })}
      </p>
    );
  }
  const text = t.t('inline.on', { quote: excerpt });
  if (!bridge || settings.isPanel) {
    return (
      <p class="tl-anchor" part="anchor">
        {text}
      </p>
    );
  }
  return (
    <p class="tl-anchor" part="anchor">
      <button type="button" class="tl-anchor-link" title={t.t('inline.show')} onClick={() => bridge.reveal(anchor)}>
        {text}
      </button>
    </p>
  );
}
