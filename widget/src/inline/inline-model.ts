import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { isBackendError } from '../backend/backend-error.ts';
import { log } from '../log.ts';
import { describePassage } from '../protocol/anchor-passage.ts';
import type { Anchor, AnchorCount, Comment } from '../protocol/types.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { type BlockText, readBlock } from './block-text.ts';
import { type Located, locateAnchor } from './quote-match.ts';

/** An open inline panel: one block's threads, and the quote a new comment will be anchored to. */
export interface PanelState {
  block: number;
  /** The passage the reader selected, or null to comment on the whole paragraph. */
  quote: Anchor | null;
  /** The panel's view over the widget's session: this block's threads. */
  view: ThreadView;
  /** Where focus goes back to when the panel closes. */
  returnTo: HTMLElement | null;
}

/** A selection inside one block, offered for commenting. */
export interface SelectionState {
  block: number;
  start: number;
  end: number;
}

/** The inline layer's state: the article's blocks, the anchored passages, and what is open. */
export interface InlineModel {
  readonly blocks: ReadonlySignal<readonly BlockText[]>;
  /** The blocks' texts, as anchors are described and located in. */
  readonly texts: ReadonlySignal<readonly string[]>;
  readonly anchors: ReadonlySignal<readonly AnchorCount[]>;
  /** False when the server has no anchors (an older server): the layer then stays out of the way. */
  readonly available: ReadonlySignal<boolean>;
  /** Where each anchor (by key) is in the blocks now; null: its passage has changed. */
  readonly located: ReadonlySignal<ReadonlyMap<string, Located | null>>;
  /** Comments per block (replies included). */
  readonly counts: ReadonlySignal<readonly number[]>;
  /** Bumped whenever the page may have moved: positions are measured again. */
  readonly layout: Signal<number>;
  readonly hovered: Signal<number | null>;
  readonly selection: Signal<SelectionState | null>;
  readonly panel: ReadonlySignal<PanelState | null>;
  /** Reads the blocks again (the article changed). */
  readBlocks(): void;
  /** Fetches the per-passage counts again (soon, once for a burst of calls). */
  refreshAnchors(): void;
  locate(anchor: Anchor): Located | null;
  open(block: number, quote: Anchor | null, returnTo: HTMLElement | null): void;
  close(): void;
  dispose(): void;
}

/** What the inline layer needs from the widget it belongs to. */
export interface InlineDeps {
  selector: string;
  doc: Document;
  /** The widget's session: the panel is one more view over it (same reader, same live stream). */
  session: Session;
  /** The thread under the article (its depth setting). */
  main: ThreadView;
  /** The anchors the marker layer already read (then they are not asked for again now). */
  anchors?: readonly AnchorCount[] | null | undefined;
}

/** The blocks a selector matches, with text; an invalid selector matches nothing (and says so). */
function queryBlocks(doc: Document, selector: string): BlockText[] {
  try {
    return [...doc.querySelectorAll(selector)].map(readBlock).filter((b) => b.text.length > 0);
  } catch (err) {
    log.warn(`data-inline "${selector}" is not a valid CSS selector`, err);
    return [];
  }
}

/** Creates the inline layer's model and starts reading anchors. */
export function createInlineModel({ selector, doc, session, main, anchors: known }: InlineDeps): InlineModel {
  const { backend } = session;
  const blocks = signal<readonly BlockText[]>(queryBlocks(doc, selector));
  const anchors = signal<readonly AnchorCount[]>(known ?? []);
  const available = signal(true);
  const layout = signal(0);
  const hovered = signal<number | null>(null);
  const selection = signal<SelectionState | null>(null);
  const panel = signal<PanelState | null>(null);
  const texts = computed(() => blocks.value.map((b) => b.text));

  // Located once per anchor and article text; comments in the thread below ask again and again.
  const cache = new Map<string, Located | null>();
  let cachedFor: readonly string[] = [];
  function locate(anchor: Anchor): Located | null {
    if (cachedFor !== texts.value) {
      cache.clear();
      cachedFor = texts.value;
    }
    const id = anchor.key ?? `${anchor.type}\u0000${anchor.exact}\u0000${anchor.prefix ?? ''}\u0000${anchor.suffix ?? ''}`;
    if (!cache.has(id)) cache.set(id, locateAnchor(cachedFor, anchor));
    return cache.get(id)!;
  }
  const located = computed(() => {
    void texts.value; // locate() reads the blocks through its cache: depend on them here
    return new Map(anchors.value.map((a) => [a.key, locate(a.anchor)]));
  });
  const counts = computed(() => {
    const n = blocks.value.map(() => 0);
    for (const a of anchors.value) {
      const at = located.value.get(a.key);
      if (at) n[at.block]! += a.count;
    }
    return n;
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  async function fetchAnchors(): Promise<void> {
    try {
      const res = await backend.listAnchors!(session.threadKey);
      if (!disposed) anchors.value = res.anchors;
    } catch (err) {
      // Not found: the backend keeps no anchors here (WordPress without the plugin): no markers, nothing wrong.
      if (isBackendError(err) && (err.code === 'not_found' || err.status === 404)) available.value = false;
      else log.warn('inline comment counts could not be loaded', err);
    }
  }
  const refreshAnchors = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fetchAnchors(), 250);
  };
  if (!known) void fetchAnchors();

  // The panel's view hears the stream itself (it is a view over the session).
  const stopLive = session.listen((event) => {
    if (event.type !== 'vote' && event.type !== 'edit') refreshAnchors();
  });

  /** The anchor keys whose passage is in `block`. */
  const keysIn = (block: number) => anchors.value.filter((a) => located.value.get(a.key)?.block === block).map((a) => a.key);

  function open(block: number, quote: Anchor | null, returnTo: HTMLElement | null): void {
    const current = panel.peek();
    if (current && current.block === block && !quote) return;
    current?.view.dispose();
    const paragraph = () => describePassage(texts.value, block, 'paragraph');
    const view = createThreadView(session, {
      settings: { maxDepth: Math.min(3, main.settings.maxDepth), pageSize: 50, isPanel: true },
      thread: {
        sort: 'oldest',
        anchors: () => keysIn(block),
        accepts: (c: Comment) => !!c.anchor && locate(c.anchor)?.block === block,
        showNewAtOnce: true,
      },
      newAnchor: () => panel.peek()?.quote ?? paragraph(),
      draftScope: `inline:${paragraph().exact.slice(0, 40)}`,
      // The passage (maybe a new one) now has a comment more.
      onPosted: refreshAnchors,
    });
    batch(() => {
      panel.value = { block, quote, view, returnTo };
      selection.value = null;
    });
    void view.thread.load();
  }

  function close(): void {
    const current = panel.peek();
    if (!current) return;
    current.view.dispose();
    panel.value = null;
  }

  return {
    blocks,
    texts,
    anchors,
    available,
    located,
    counts,
    layout,
    hovered,
    selection,
    panel,
    readBlocks: () => {
      const next = queryBlocks(doc, selector);
      const same =
        next.length === blocks.value.length &&
        next.every((b, i) => b.element === blocks.value[i]!.element && b.text === blocks.value[i]!.text);
      if (!same) blocks.value = next;
    },
    refreshAnchors,
    locate,
    open,
    close,
    dispose() {
      disposed = true;
      clearTimeout(timer);
      stopLive();
      close();
    },
  };
}
