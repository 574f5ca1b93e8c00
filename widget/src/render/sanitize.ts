import DOMPurify from 'dompurify';

/**
 * The one gate between HTML and the DOM. Shadow DOM isolates style, not script: whatever passes
 * here runs in the customer's page, so the allow-list is as small as comments need.
 */
const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'];
const ALLOWED_ATTR = ['href', 'start'];
/** Only web and mail links; every other scheme (javascript:, data:, vbscript:, blob:…) is dropped. */
const SAFE_URI = /^(?:https?:|mailto:)/i;
/** Links leave the page, are not endorsed by the site, and get no handle on it. */
const LINK_REL = 'nofollow ugc noopener noreferrer';

const purify = DOMPurify();
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href');
  if (!href || !SAFE_URI.test(href.trim())) {
    node.removeAttribute('href');
    return;
  }
  node.setAttribute('rel', LINK_REL);
  node.setAttribute('target', '_blank');
});

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // The hook adds rel and target after the allow-list is applied; they are not accepted from input.
  ADD_ATTR: [],
  KEEP_CONTENT: true,
};

/** Returns `html` reduced to the comment allow-list; the only input `dangerouslySetInnerHTML` may take. */
export function sanitize(html: string): string {
  return purify.sanitize(html, CONFIG);
}

/**
 * Sanitizes many rendered Markdown bodies in one pass (one parse instead of one per body: a
 * thread's worth of comments costs a fraction of the time). Only for Markdown output, which never
 * contains raw tags, so no body can close its wrapper; if the split does not come out one for one,
 * each body is sanitized on its own instead.
 */
export function sanitizeMany(htmls: readonly string[]): string[] {
  const fragment = purify.sanitize(htmls.map((h) => `<section>${h}</section>`).join(''), {
    ...CONFIG,
    ALLOWED_TAGS: [...ALLOWED_TAGS, 'section'],
    RETURN_DOM_FRAGMENT: true,
  });
  const parts = [...fragment.children];
  if (parts.length !== htmls.length || parts.some((p) => p.tagName !== 'SECTION')) return htmls.map(sanitize);
  return parts.map((p) => p.innerHTML);
}
