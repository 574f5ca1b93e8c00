/**
 * Puts CSS into a shadow root. Constructable stylesheets need no `style-src 'unsafe-inline'`
 * under a strict CSP; old browsers without them get a `<style>` element instead.
 * Returns a function that takes the styles out again.
 */
export function adoptStyles(root: ShadowRoot, css: string): () => void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
