/**
 * Where a block's marker stands, shared by the marker layer (markers before the widget loads) and
 * the full inline layer, so a marker does not move when one hands over to the other.
 */

/** Phones get a bottom sheet, and markers below their paragraph rather than in a margin. */
export const PHONE_WIDTH = 640;
/** Width a marker needs in the margin. */
export const MARKER_WIDTH = 44;

/** Right-to-left text has its margin for markers and panels on the left. */
export const isRtl = (el: Element): boolean => el.ownerDocument.defaultView?.getComputedStyle(el).direction === 'rtl';

/**
 * A marker's viewport position for a block's box. Desktop: in the margin after the first line
 * (left of it in right-to-left text). No margin (phones, full-width blocks): under the paragraph's
 * end, in the gap before the next one.
 */
export function markerPlace(r: DOMRect, rtl: boolean, viewport: number): { left: number; top: number } {
  const inMargin = viewport >= PHONE_WIDTH && (rtl ? r.left : viewport - r.right) >= MARKER_WIDTH + 8;
  const left = inMargin
    ? rtl
      ? r.left - MARKER_WIDTH - 8
      : r.right + 8
    : rtl
      ? Math.min(viewport - MARKER_WIDTH - 4, r.left)
      : Math.max(4, r.right - MARKER_WIDTH);
  return { left, top: inMargin ? r.top : r.bottom - 6 };
}

/** The first non-transparent background behind an element, so a floating marker or panel matches the page. */
export function pageBackground(el: Element): string | null {
  const win = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && win; e = e.parentElement) {
    const bg = win.getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return null;
}
