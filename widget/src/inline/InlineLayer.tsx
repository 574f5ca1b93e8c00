import { describePassage } from '../protocol/anchor-passage.ts';
import { useT } from '../state/thread-view.ts';
import { rangeOf } from './block-text.ts';
import { InlinePanel } from './InlinePanel.tsx';
import type { InlineModel } from './inline-model.ts';
import { isRtl, markerPlace, PHONE_WIDTH } from './marker-place.ts';

/** Props of InlineLayer. */
export interface InlineLayerProps {
  model: InlineModel;
  /** The layer's host element: overlays are positioned relative to it. */
  host: HTMLElement;
}

const Bubble = () => (
  <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
    <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" />
  </svg>
);

/**
 * Markers beside the article's blocks, highlights of the passages being discussed, the "Comment"
 * button over a selection, and the open panel. Positions are measured from the page on every
 * layout change; nothing is written into the page.
 */
export function InlineLayer({ model, host }: InlineLayerProps) {
  const t = useT();
  if (!model.available.value) return null;
  void model.layout.value; // re-measure on every layout change
  const blocks = model.blocks.value;
  const counts = model.counts.value;
  const panel = model.panel.value;
  const hovered = model.hovered.value;
  const selection = model.selection.value;
  const origin = host.getBoundingClientRect();
  const viewport = host.ownerDocument.documentElement.clientWidth;
  const isPhone = viewport < PHONE_WIDTH;
  const rects = blocks.map((b) => b.element.getBoundingClientRect());

  const highlights: DOMRect[] = [];
  if (panel) {
    const block = blocks[panel.block];
    const quotes = [
      ...(panel.quote ? [model.locate(panel.quote)] : []),
      ...model.anchors.value.filter((a) => a.anchor.type === 'quote').map((a) => model.located.value.get(a.key)),
    ];
    for (const at of quotes) {
      if (!block || !at || at.block !== panel.block) continue;
      highlights.push(...(rangeOf(block, at.start, at.end)?.getClientRects() ?? []));
    }
  }
  const selectionRect = selection ? rangeOf(blocks[selection.block]!, selection.start, selection.end)?.getBoundingClientRect() : undefined;
  const open = panel ? rects[panel.block] : undefined;
  // Beside the paragraph on its end side when there is room for a readable panel.
  const openRtl = panel ? isRtl(blocks[panel.block]!.element) : false;
  const room = open ? (openRtl ? open.left : viewport - open.right) : 0;
  const besideWidth = Math.min(420, room - 32);

  return (
    <div class="tl" lang={t.lang} dir={t.dir}>
      {rects.map((r, i) => {
        if (r.width === 0 && r.height === 0) return null; // hidden block
        const n = counts[i] ?? 0;
        const isOpen = panel?.block === i;
        const { left, top } = markerPlace(r, isRtl(blocks[i]!.element), viewport);
        const label = n > 0 ? `${t.t('inline.paragraph', { p: i + 1 })}: ${t.plural('thread.count', n)}` : t.t('inline.add', { p: i + 1 });
        return (
          <button
            key={i}
            type="button"
            part="inline-marker"
            class={['tl-inline-marker', n === 0 && 'tl-inline-marker-empty', hovered === i && 'tl-inline-hovered']
              .filter(Boolean)
              .join(' ')}
            style={{ left: `${left - origin.left}px`, top: `${top - origin.top}px` }}
            aria-label={label}
            aria-expanded={isOpen}
            data-block={i}
            onClick={(e) => (isOpen ? model.close() : model.open(i, null, e.currentTarget))}
          >
            <Bubble />
            {n > 0 ? <span aria-hidden="true">{n}</span> : <span aria-hidden="true">+</span>}
          </button>
        );
      })}
      {highlights.map((r, i) => (
        <div
          key={`h${i}`}
          class="tl-inline-highlight"
          part="inline-highlight"
          style={{ left: `${r.left - origin.left}px`, top: `${r.top - origin.top}px`, width: `${r.width}px`, height: `${r.height}px` }}
        />
      ))}
      {open && (
        <div
          class="tl-inline-bar"
          // On the paragraph's start side: its right in right-to-left text.
          style={{
            left: `${(openRtl ? open.right + 7 : open.left - 10) - origin.left}px`,
            top: `${open.top - origin.top}px`,
            height: `${open.height}px`,
          }}
        />
      )}
      {selection && selectionRect && (
        <button
          type="button"
          class="tl-inline-select"
          part="inline-select"
          aria-label={t.t('inline.commentLabel')}
          style={{ left: `${selectionRect.left + selectionRect.width / 2 - origin.left}px`, top: `${selectionRect.bottom - origin.top}px` }}
          // Keep the reader's selection while they press the button.
          onPointerDown={(e) => e.preventDefault()}
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            const quote = describePassage(model.texts.value, selection.block, 'quote', selection.start, selection.end);
            model.open(selection.block, quote, e.currentTarget.ownerDocument.activeElement as HTMLElement | null);
          }}
        >
          {t.t('inline.comment')}
        </button>
      )}
      {panel && open && (
        <InlinePanel
          key={`${panel.block}:${panel.quote?.exact ?? ''}`}
          model={model}
          panel={panel}
          placement={isPhone ? 'sheet' : room >= 360 ? 'beside' : 'drawer'}
          position={{
            left: (openRtl ? open.left - 16 - besideWidth : open.right + 16) - origin.left,
            top: open.top - origin.top,
            // A drawer covers as little of the paragraph as it can.
            width: room >= 360 ? besideWidth : Math.min(416, Math.max(300, room - 8)),
          }}
        />
      )}
    </div>
  );
}
