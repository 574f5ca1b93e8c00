/**
 * Inline comments (`data-inline`), a chunk of its own: markers beside the article's blocks,
 * comments on selected text, and a panel per paragraph. Loaded only on pages that ask for it.
 */
import { effect } from '@preact/signals';
import { h, render } from 'preact';
import type { Theme } from '../embed/options.ts';
import { describePassage } from '../protocol/anchor-passage.ts';
import type { Session } from '../state/session.ts';
import { type ThreadView, ViewContext } from '../state/thread-view.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import inlineCss from '../styles/inline.css?inline';
import markersCss from '../styles/markers.css?inline';
import css from '../styles/widget.css?inline';
import { offsetsOf } from './block-text.ts';
import { InlineLayer } from './InlineLayer.tsx';
import { createInlineModel, type InlineModel } from './inline-model.ts';
import type { MarkerHandoff } from './marker-layer.ts';
import { pageBackground } from './marker-place.ts';

/** What startInline needs from mount(). */
export interface InlineOptions {
  /** CSS selector of the blocks readers may comment on. */
  selector: string;
  /** The widget's own element: the layer's host goes in it, before the thread's. */
  container: Element;
  before: Element;
  session: Session;
  /** The thread under the article: the layer's markers and texts render in its context. */
  main: ThreadView;
  theme?: Theme | undefined;
  /** embed.js's marker layer, taken over: its anchors, what the reader opened, and the focus. */
  handoff?: MarkerHandoff | undefined;
}

/** Starts inline comments on the page; returns the function that takes every trace of them away. */
export function startInline({ selector, container, before, session, main, theme, handoff }: InlineOptions): () => void {
  const doc = container.ownerDocument;
  const win = doc.defaultView ?? window;
  const model = createInlineModel({ selector, doc, session, main, anchors: handoff?.anchors });
  const cleanups: (() => void)[] = [() => model.dispose()];
  const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, fn: (e: DocumentEventMap[K]) => void) => {
    target.addEventListener(type, fn as EventListener, { passive: true });
    cleanups.push(() => target.removeEventListener(type, fn as EventListener));
  };

  const host = doc.createElement('threadline-inline');
  if (theme) host.setAttribute('data-theme', theme);
  const background = pageBackground(container);
  if (background) host.style.setProperty('--tl-panel-bg', background);
  const root = host.attachShadow({ mode: 'open' });
  cleanups.push(adoptStyles(root, css), adoptStyles(root, markersCss), adoptStyles(root, inlineCss));
  container.insertBefore(host, before);
  cleanups.push(() => host.remove());

  // Positions follow the page: resizes, late images and fonts, the article changing.
  let frame = 0;
  const relayout = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      model.layout.value++;
    });
  };
  cleanups.push(() => win.cancelAnimationFrame(frame));
  on(win, 'resize', relayout);
  on(win, 'load', relayout);
  void doc.fonts?.ready.then(relayout);
  const resizes = new ResizeObserver(relayout);
  cleanups.push(
    effect(() => {
      resizes.disconnect();
      resizes.observe(doc.documentElement);
      for (const b of model.blocks.value) resizes.observe(b.element);
    }),
  );
  cleanups.push(() => resizes.disconnect());
  let reread: ReturnType<typeof setTimeout> | undefined;
  const changes = new MutationObserver((records) => {
    if (records.every((r) => host.contains(r.target) || r.target === container)) return;
    clearTimeout(reread);
    reread = setTimeout(() => {
      model.readBlocks();
      relayout();
    }, 200);
  });
  if (doc.body) changes.observe(doc.body, { childList: true, subtree: true, characterData: true });
  cleanups.push(() => {
    changes.disconnect();
    clearTimeout(reread);
  });

  // Hovering a paragraph shows its marker; selecting text in one offers "Comment".
  const blockOf = (node: Node | null) => {
    const el = node instanceof Element ? node : node?.parentElement;
    return el ? model.blocks.value.findIndex((b) => b.element.contains(el)) : -1;
  };
  on(doc, 'pointerover', (e) => {
    const i = blockOf(e.target as Node);
    model.hovered.value = i === -1 ? null : i;
  });
  const readSelection = () => {
    const sel = doc.getSelection();
    const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
    const i = range ? blockOf(range.commonAncestorContainer) : -1;
    const at = i === -1 ? null : offsetsOf(model.blocks.value[i]!, range!);
    model.selection.value = at ? { block: i, ...at } : null;
  };
  on(doc, 'selectionchange', readSelection);
  readSelection(); // text the reader selected before the widget came

  // The thread below the article shows where its anchored comments are, and links back to them.
  cleanups.push(
    effect(() => {
      void model.blocks.value;
      if (!model.available.value) {
        session.setInline(null);
        return;
      }
      session.setInline({
        locate: (anchor) => (model.locate(anchor) ? 'found' : 'changed'),
        reveal(anchor) {
          const at = model.locate(anchor);
          const block = at && model.blocks.value[at.block];
          if (!block) return;
          block.element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
          model.open(at.block, null, doc.activeElement as HTMLElement | null);
        },
      });
    }),
    () => session.setInline(null),
  );

  render(h(ViewContext.Provider, { value: main }, h(InlineLayer, { model, host })), root);
  cleanups.push(() => render(null, root));
  if (handoff) takeOver(handoff, model, root);
  return () => {
    for (const c of cleanups.splice(0).reverse()) c();
  };
}

/**
 * Takes over embed.js's marker layer in the task that drew the same markers (no frame shows both or
 * neither): the panel opens on what the reader opened there, focus stays on what had it.
 */
function takeOver(handoff: MarkerHandoff, model: InlineModel, root: ShadowRoot): void {
  const { intent, focused } = handoff;
  handoff.remove();
  const control = (i: number | null) =>
    i === null ? null : root.querySelector<HTMLElement>(i === -1 ? '.tl-inline-select' : `[data-block="${i}"]`);
  if (!intent) {
    control(focused)?.focus({ preventScroll: true });
    return;
  }
  const { block, start, end } = intent;
  const quote = end === undefined ? null : describePassage(model.texts.value, block, 'quote', start ?? 0, end);
  model.open(block, quote, control(block));
}
