/**
 * The one gate between adapter HTML and the DOM: the browser's own sanitizer (Element.setHTML)
 * where it is there, DOMPurify (its own chunk) where not, both with the allow-list in
 * allow-list.ts. Reader Markdown never comes here: it is drawn as elements (markdown-vnodes.ts).
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, LINK_REL, SAFE_URI, UNWRAPPED_TAGS } from './allow-list.ts';

type SetHTML = (html: string, options: { sanitizer: object }) => void;
type PurifyInto = (el: Element, html: string) => void;

const SANITIZER = {
  elements: ALLOWED_TAGS,
  attributes: ALLOWED_ATTR,
  replaceWithChildrenElements: UNWRAPPED_TAGS,
  comments: false,
  dataAttributes: false,
};
let native: SetHTML | null | undefined;
let purifyInto: PurifyInto | undefined;
let loading: Promise<void> | undefined;

/**
 * Element.setHTML when it honours our allow-list. Tried once on a probe rather than trusted by
 * name: an earlier draft of the API took another config shape and would keep what we remove.
 */
function nativeSetHTML(): SetHTML | null {
  if (native === undefined) {
    native = null;
    try {
      const probe = document.createElement('div') as Element & { setHTML?: SetHTML };
      probe.setHTML?.('<b title="t">a</b><i>b</i><u>c</u>', {
        sanitizer: { elements: ['b'], attributes: [], replaceWithChildrenElements: ['i'] },
      });
      if (probe.innerHTML === '<b>a</b>b') native = probe.setHTML!;
    } catch {
      // An unknown config shape may throw: DOMPurify then.
    }
  }
  return native;
}

/** True when adapter HTML can be shown now, without waiting for the DOMPurify chunk. */
function canSanitizeNow(): boolean {
  return !!(nativeSetHTML() || purifyInto);
}

/** Loads the DOMPurify chunk if this browser needs it; resolves at once if not. */
export function loadSanitizer(): Promise<void> {
  if (canSanitizeNow()) return Promise.resolve();
  loading ??= import('./purify.ts').then(
    (m) => {
      purifyInto = m.purifyInto;
    },
    (err: unknown) => {
      loading = undefined; // let a later call try again
      throw err;
    },
  );
  return loading;
}

/**
 * Puts `html` into `el` reduced to the allow-list; links keep only web and mail hrefs and leave
 * the page with a fixed rel. False, with `el` untouched, while the DOMPurify chunk is still needed.
 */
export function setSanitizedHTML(el: Element, html: string): boolean {
  const setHTML = nativeSetHTML();
  if (setHTML) setHTML.call(el, html, { sanitizer: SANITIZER });
  else if (purifyInto) purifyInto(el, html);
  else return false;
  for (const a of el.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    if (href === null || !SAFE_URI.test(href.trim())) {
      a.removeAttribute('href');
      continue;
    }
    a.setAttribute('rel', LINK_REL);
    a.setAttribute('target', '_blank');
  }
  return true;
}
