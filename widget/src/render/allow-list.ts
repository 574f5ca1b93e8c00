/**
 * What HTML from a backend adapter (WordPress) may keep, for both sanitizers (sanitize.ts). Shadow
 * DOM isolates style, not script: whatever passes runs in the customer's page, so the list is as
 * small as comments need.
 */

/** The only elements kept. */
export const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'];
/** The only attributes kept; rel and target are set on links afterwards, never taken from the input. */
export const ALLOWED_ATTR = ['href', 'start'];
/** Only web and mail links; every other scheme (javascript:, data:, vbscript:, blob:…) loses its href. */
export const SAFE_URI = /^(?:https?:|mailto:)/i;
/** Links leave the page, are not endorsed by the site, and get no handle on it. */
export const LINK_REL = 'nofollow ugc noopener noreferrer';
/**
 * Elements that go but whose text stays. DOMPurify keeps the text of every removed element but
 * script-like ones (KEEP_CONTENT); the browser's sanitizer drops an unlisted element with its
 * text, so the ones comment HTML uses are named.
 */
export const UNWRAPPED_TAGS = (
  'div span h1 h2 h3 h4 h5 h6 u ins sup sub small big mark abbr cite q dfn kbd samp var tt font center time label ' +
  'bdi bdo section article aside header footer main nav address figure figcaption details summary dl dt dd table ' +
  'tbody tfoot tr td th caption strike form button fieldset legend'
).split(' ');
