/** Stylesheets already parsed, by their text: the widget and its inline layer share widget.css. */
const parsed = new Map<string, CSSStyleSheet>();

/**
 * Puts CSS into a shadow root. Constructable stylesheets need no `style-src 'unsafe-inline'`
 * under a strict CSP, and one parsed sheet serves every root that adopts the same text (the
 * section, its inline layer, a second widget), so each text is parsed once a page. Old browsers
 * without them get a `<style>` element instead. Returns a function that takes the styles out again.
 */
export function adoptStyles(root: ShadowRoot, css: string): () => void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = parsed.get(css) ?? new CSSStyleSheet();
    if (!parsed.has(css)) {
      sheet.replaceSync(css);
      parsed.set(css, sheet);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const style = document.createElement('style');
  style.textContent = css;
  // After the sheets before it, as adoptedStyleSheets orders them: a chunk's rules win over widget.css's.
  root.append(style);
  return () => style.remove();
}

/** The chunk stylesheets each shadow root has adopted (see chunkStyles). */
const chunkSheets = new WeakMap<Node, Set<string>>();

/**
 * A ref for a chunk's components (the comment tools', the moderation tools'): puts the chunk's CSS
 * into the shadow root the element is drawn in, once per root; it stays until the widget goes. So
 * threadline.js does not carry, nor every page parse, the styles of forms most readers never open.
 * Preact sets refs once the tree is in place, before the browser paints.
 */
export const chunkStyles =
  (css: string) =>
  (el: Element | null): void => {
    const root = el?.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    const has = chunkSheets.get(root) ?? new Set<string>();
    chunkSheets.set(root, has);
    if (has.has(css)) return;
    has.add(css);
    adoptStyles(root, css);
  };
