/**
 * The marker layer: what embed.js loads at page load for `data-inline` instead of the widget. It
 * reads the anchors, places a marker with its count beside each block and offers "Comment" over a
 * selection, in plain DOM (no Preact, no widget). Opening a marker or that button asks for the
 * widget; its inline layer then takes over (`MarkerHandoff`): the anchors, what the reader opened,
 * and the focus, so the panel opens on what they clicked and no marker moves.
 */
import { resolveThreadKey } from '../embed/options.ts';
import type { AnchorCount } from '../protocol/types.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import css from '../styles/markers.css?inline';
import { type BlockText, offsetsOf, readBlock } from './block-text.ts';
import { markerPlace, pageBackground } from './marker-place.ts';
import { type CountWords, type MarkerWords, markerWords } from './marker-words.ts';
import { locateAnchor } from './quote-match.ts';

/** What the reader asked for before the widget came: a block's panel, maybe on a selected passage. */
export interface MarkerIntent {
  block: number;
  /** The selected passage's offsets in the block's text; none for the whole paragraph. */
  start?: number;
  end?: number;
}

/** What the full inline layer takes over from the marker layer. */
export interface MarkerHandoff {
  /** The anchors answer; null until it came (or when it failed). */
  readonly anchors: readonly AnchorCount[] | null;
  readonly intent: MarkerIntent | null;
  /** The block whose marker has focus, -1 for the "Comment" button, null for neither. */
  readonly focused: number | null;
  /** Takes the markers and every listener away (the full layer now shows the same markers). */
  remove(): void;
}

/** What embed.js gives the marker layer besides the element. */
export interface MarkerOptions {
  /** `GET /api/anchors?thread=KEY` at this server. */
  api: string;
  /** Count words in the reader's language (embed.js's, as for `data-threadline-count`). */
  words: Promise<CountWords>;
  /** embed.js's "N comments" in those words. */
  countLabel(n: number, words: CountWords): string;
  /** The reader points at a control: the widget may start loading. */
  prefetch(): Promise<unknown>;
  /** The reader opened a marker or the "Comment" button: start the widget (a rejection: it could not load). */
  open(): Promise<unknown> | undefined;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Blocks with text that the selector matches; none for a selector the browser rejects. */
function queryBlocks(doc: Document, selector: string): BlockText[] {
  try {
    return [...doc.querySelectorAll(selector)].map(readBlock).filter((b) => b.text.length > 0);
  } catch {
    return [];
  }
}

/** The anchors of a thread, or null (none kept here: a 404; or the request failed). */
async function fetchAnchors(api: string, threadKey: string): Promise<readonly AnchorCount[] | null> {
  const url = new URL('/api/anchors', api);
  url.searchParams.set('thread', threadKey);
  const res = await fetch(url, { credentials: 'omit' });
  return res.ok ? ((await res.json()) as { anchors: AnchorCount[] }).anchors : null;
}

/** A marker button as the full layer draws it (InlineLayer.tsx): bubble icon, then the count or "+". */
function markerButton(doc: Document, i: number): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'inline-marker');
  button.setAttribute('aria-expanded', 'false');
  button.dataset.block = String(i);
  const svg = doc.createElementNS(SVG, 'svg');
  for (const [k, v] of [
    ['viewBox', '0 0 16 16'],
    ['fill', 'currentColor'],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ]) {
    svg.setAttribute(k!, v!);
  }
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z');
  const count = doc.createElement('span');
  count.setAttribute('aria-hidden', 'true');
  svg.append(path);
  button.append(svg, count);
  return button;
}

/**
 * Starts the marker layer for a `<threadline-comments inline="SELECTOR">` (its `thread` and `theme`
 * as mount() reads them); the full inline layer takes it over through the returned handoff.
 */
export function startMarkers(container: Element, { api, words, countLabel, prefetch, open }: MarkerOptions): MarkerHandoff {
  const selector = container.getAttribute('inline') ?? '';
  const theme = container.getAttribute('theme');
  const doc = container.ownerDocument;
  const win = doc.defaultView ?? window;
  const host = doc.createElement('threadline-inline');
  if (theme && /^(light|dark|auto)$/.test(theme)) host.setAttribute('data-theme', theme);
  const background = pageBackground(container);
  if (background) host.style.setProperty('--tl-panel-bg', background);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  const layer = doc.createElement('div');
  layer.className = 'tl';
  root.append(layer);
  container.prepend(host);

  let blocks = queryBlocks(doc, selector);
  let counts: number[] = [];
  let markers: HTMLButtonElement[] = [];
  let said: MarkerWords | undefined;
  let hovered = -1;
  let selection: MarkerIntent | null = null;
  const select = doc.createElement('button');
  select.type = 'button';
  select.className = 'tl-inline-select';
  select.setAttribute('part', 'inline-select');

  const handoff = {
    anchors: null as readonly AnchorCount[] | null,
    intent: null as MarkerIntent | null,
    get focused() {
      const el = root.activeElement;
      return el === select ? -1 : el instanceof HTMLElement && el.dataset.block ? Number(el.dataset.block) : null;
    },
    remove,
  };

  /** Counts per block from the anchors, re-anchored in the page's text as the full layer does. */
  const count = () => {
    const texts = blocks.map((b) => b.text);
    counts = blocks.map(() => 0);
    for (const a of handoff.anchors ?? []) {
      const at = locateAnchor(texts, a.anchor);
      if (at) counts[at.block]! += a.count;
    }
  };

  let frame = 0;
  const draw = () => {
    frame = 0;
    if (!said) return;
    const origin = host.getBoundingClientRect();
    const viewport = doc.documentElement.clientWidth;
    if (markers.length !== blocks.length) {
      for (const m of markers) m.remove();
      markers = blocks.map((_, i) => markerButton(doc, i));
      layer.prepend(...markers);
    }
    blocks.forEach((b, i) => {
      const m = markers[i]!;
      const r = b.element.getBoundingClientRect();
      m.hidden = r.width === 0 && r.height === 0; // a hidden block
      const n = counts[i] ?? 0;
      const { left, top } = markerPlace(r, win.getComputedStyle(b.element).direction === 'rtl', viewport);
      m.className = `tl-inline-marker${n ? '' : ' tl-inline-marker-empty'}${hovered === i ? ' tl-inline-hovered' : ''}`;
      m.style.left = `${left - origin.left}px`;
      m.style.top = `${top - origin.top}px`;
      m.setAttribute('aria-label', said!.label(i + 1, n));
      m.setAttribute('aria-expanded', String(handoff.intent?.block === i));
      m.lastChild!.textContent = n ? String(n) : '+';
    });
    const range = selection && doc.getSelection()?.rangeCount ? doc.getSelection()!.getRangeAt(0) : null;
    if (range && selection) {
      const r = range.getBoundingClientRect();
      select.style.left = `${r.left + r.width / 2 - origin.left}px`;
      select.style.top = `${r.bottom - origin.top}px`;
      select.textContent = said.comment;
      select.setAttribute('aria-label', said.commentLabel);
      // Moved only when absent: a button re-inserted between press and release gets no click.
      if (!select.isConnected) layer.append(select);
    } else select.remove();
  };
  const relayout = () => {
    frame ||= win.requestAnimationFrame(draw);
  };

  const cleanups: (() => void)[] = [() => win.cancelAnimationFrame(frame), () => host.remove()];
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, capture = false) => {
    target.addEventListener(type, fn, capture);
    cleanups.push(() => target.removeEventListener(type, fn, capture));
  };
  function remove(): void {
    for (const c of cleanups.splice(0)) c();
  }

  Promise.all([fetchAnchors(api, resolveThreadKey(container.getAttribute('thread') ?? undefined, doc)).catch(() => null), words]).then(
    ([anchors, w]) => {
      handoff.anchors = anchors;
      // No anchors kept here (an older server): no markers, as the full layer does.
      if (!anchors || !cleanups.length) return;
      said = markerWords(w, countLabel);
      count();
      draw();
    },
  );

  on(win, 'resize', relayout);
  on(win, 'load', relayout);
  void doc.fonts?.ready.then(relayout);
  const resizes = new ResizeObserver(relayout);
  resizes.observe(doc.documentElement);
  for (const b of blocks) resizes.observe(b.element);
  let reread: ReturnType<typeof setTimeout> | undefined;
  const changes = new MutationObserver((records) => {
    if (records.every((r) => host.contains(r.target) || r.target === container)) return;
    clearTimeout(reread);
    reread = setTimeout(() => {
      blocks = queryBlocks(doc, selector);
      for (const b of blocks) resizes.observe(b.element);
      count();
      relayout();
    }, 200);
  });
  if (doc.body) changes.observe(doc.body, { childList: true, subtree: true, characterData: true });
  cleanups.push(() => {
    resizes.disconnect();
    changes.disconnect();
    clearTimeout(reread);
  });

  // Hovering a paragraph shows its marker; selecting text in one offers "Comment".
  const blockOf = (node: Node | null) => {
    const el = node instanceof Element ? node : node?.parentElement;
    return el ? blocks.findIndex((b) => b.element.contains(el)) : -1;
  };
  on(doc, 'pointerover', (e) => {
    hovered = blockOf(e.target as Node);
    relayout();
  });
  on(doc, 'selectionchange', () => {
    const sel = doc.getSelection();
    const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
    const i = range ? blockOf(range.commonAncestorContainer) : -1;
    const at = i === -1 ? null : offsetsOf(blocks[i]!, range!);
    selection = at ? { block: i, ...at } : null;
    relayout();
  });

  // Pointing at a control or focusing one starts the widget's download, so opening feels instant.
  const fetchWidget = () => void prefetch().catch(() => {});
  on(root, 'pointerover', fetchWidget);
  on(root, 'focusin', fetchWidget);
  // Keep the reader's selection while they press "Comment".
  for (const type of ['pointerdown', 'mousedown']) on(select, type, (e) => e.preventDefault());
  on(root, 'click', (e) => {
    const target = (e.target as Element).closest('button');
    if (!target) return;
    if (target === select) handoff.intent = selection;
    else {
      const block = Number(target.dataset.block);
      // A second click before the widget came closes it again, as on an open marker.
      handoff.intent = handoff.intent?.block === block ? null : { block };
    }
    relayout();
    // A widget that could not load leaves the marker closed, so the next click tries again.
    if (handoff.intent)
      open()?.catch(() => {
        handoff.intent = null;
        relayout();
      });
  });
  return handoff;
}
