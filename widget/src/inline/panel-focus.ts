/**
 * Keeps keyboard focus inside an open panel: Tab and Shift+Tab cycle through its controls, Escape
 * and a click elsewhere close it. Written here rather than taken from focus-trap (6.5 KB gzip with
 * tabbable, half of the inline chunk) because this one panel lives in one shadow root with
 * controls of a few known kinds.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** The panel's controls that Tab reaches, in order. */
function tabbables(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && (el.checkVisibility?.() ?? el.getClientRects().length > 0),
  );
}

/** What the trap does when the reader leaves: close the panel, and say whether to give focus back. */
export interface PanelFocusOptions {
  /** Escape, or a click outside that is not on one of `ownControls`. */
  onClose(returnFocus: boolean): void;
  /** Clicks inside these (the layer's markers and buttons) are theirs to handle. */
  isOwnControl(target: EventTarget): boolean;
}

/** Traps focus in `panel` (inside a shadow root) until the returned function is called. */
export function trapPanelFocus(panel: HTMLElement, { onClose, isOwnControl }: PanelFocusOptions): () => void {
  const doc = panel.ownerDocument;
  const root = panel.getRootNode() as Document | ShadowRoot;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (e.key !== 'Tab') return;
    const list = tabbables(panel);
    if (list.length === 0) {
      e.preventDefault();
      panel.focus();
      return;
    }
    const active = root.activeElement as HTMLElement | null;
    const at = active ? list.indexOf(active) : -1;
    const next = e.shiftKey ? (at <= 0 ? list.length - 1 : at - 1) : at === -1 || at === list.length - 1 ? 0 : at + 1;
    e.preventDefault();
    list[next]!.focus();
  };
  // Focus that escapes anyway (a click elsewhere, assistive technology) is brought back.
  const onFocusIn = (e: FocusEvent) => {
    if (!e.composedPath().includes(panel) && !isOwnControl(e.target!)) panel.focus({ preventScroll: true });
  };
  const onPointerDown = (e: PointerEvent) => {
    const path = e.composedPath();
    if (path.includes(panel) || path.some(isOwnControl)) return;
    onClose(false);
  };
  panel.addEventListener('keydown', onKey);
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    panel.removeEventListener('keydown', onKey);
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('pointerdown', onPointerDown, true);
  };
}
