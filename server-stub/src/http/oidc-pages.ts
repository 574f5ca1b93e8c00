import { randomBytes } from 'node:crypto';
import { escapeUTF8 as escapeHtml } from 'entities';
import type { Context } from 'hono';
import type { HttpError } from './http-error.ts';

/** The message type the widget listens for: `{ type, token }`, posted by the popup to the page that opened it. */
export const SIGNED_IN_MESSAGE = 'threadline:signed-in';

/** A small page of the popup: no caching, no referrer (the code is in its URL), scripts only by nonce. */
function page(c: Context, status: 400 | 200 | 403 | 503, title: string, body: string, nonce?: string) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'${nonce ? `; script-src 'nonce-${nonce}'` : ''}`);
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:32rem}</style></head>` +
      `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    status,
  );
}

/**
 * The popup's last page: posts the token to `origin` (the page that opened it, already checked
 * against the allowed origins) and closes. `postMessage` with that exact target origin means no
 * other page can receive it, even one that took the opener's place.
 */
export function handOffPage(c: Context, token: string, origin: string) {
  const nonce = randomBytes(16).toString('base64');
  // JSON in a script element: `<` escaped so nothing in it can end the element.
  const data = JSON.stringify({ type: SIGNED_IN_MESSAGE, token, origin }).replace(/</g, '\\u003c');
  const script =
    `<script type="application/json" id="tl-data">${data}</script>` +
    `<script nonce="${nonce}">(function(){var d=JSON.parse(document.getElementById('tl-data').textContent);` +
    `if(window.opener){window.opener.postMessage({type:d.type,token:d.token},d.origin);window.close();}})();</script>`;
  return page(c, 200, 'Signed in', `<p>You are signed in. You can close this window and return to the comments.</p>${script}`, nonce);
}

/** A refused sign-in: a page saying why for the reader in the popup, or the usual JSON error for a client that asks for JSON. */
export function refusalPage(c: Context, err: HttpError) {
  const wantsJson = /application\/json/.test(c.req.header('accept') ?? '') && !/text\/html/.test(c.req.header('accept') ?? '');
  if (wantsJson) {
    c.header('Cache-Control', 'no-store');
    return c.json(err.toJSON(), err.status);
  }
  const status = err.status === 403 || err.status === 503 ? err.status : 400;
  return page(c, status, 'Sign-in failed', `<p>${escapeHtml(err.message)}</p><p><small>Error: ${escapeHtml(err.code)}</small></p>`);
}
