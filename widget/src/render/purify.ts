/**
 * The fallback sanitizer for adapter HTML, in a chunk of its own: only browsers without a usable
 * Element.setHTML load DOMPurify (sanitize.ts decides).
 */
import DOMPurify from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, SAFE_URI } from './allow-list.ts';

const purify = DOMPurify();
const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** Replaces `el`'s children with `html` reduced to the allow-list (links are finished by sanitize.ts). */
export function purifyInto(el: Element, html: string): void {
  el.replaceChildren(purify.sanitize(html, CONFIG));
}
