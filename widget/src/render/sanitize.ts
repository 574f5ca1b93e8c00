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

/** Returns `html` reduced to the comment allow-list; the only input `dangerouslySetInnerHTML` may take. */
export function sanitize(html: string): string {
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // The hook adds these after the allow-list is applied; they are not accepted from input.
    ADD_ATTR: [],
    KEEP_CONTENT: true,
  });
}
