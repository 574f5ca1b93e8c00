import { type Context, Hono } from 'hono';
import { isRtl } from '../../../widget/src/protocol/languages.ts';
import { mailStrings } from '../outbox/mail-strings.ts';
import { confirmAddress, stopAll, unsubscribe } from '../outbox/subscriptions.ts';
import type { ApiContext } from './api-context.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isToken = (t: string | undefined): t is string => !!t && /^[A-Za-z0-9_-]{10,64}$/.test(t);

/** A small page in the reader's language: a message, and optionally a button that POSTs back here. */
function notice(c: Context, status: 200 | 400, message: string, button?: string) {
  const { lang } = mailStrings(c.req.query('lang'));
  const form = button ? `<form method="post"><button type="submit">${esc(button)}</button></form>` : '';
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(
    `<!doctype html><html lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(message)}</title>
<body style="font:17px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em"><p>${esc(message)}</p>${form}</body></html>`,
    status,
  );
}

/**
 * The links reply mails carry, under `/api/notify`: `confirm` (the double opt-in link; single use,
 * 7 days), `unsubscribe` (one subscription; POST is RFC 8058 one-click) and `stop` (every
 * subscription of the address). GET on the last two asks first, so a mail scanner opening links
 * ends nothing.
 */
export function notifyRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  const t = (c: Context) => mailStrings(c.req.query('lang')).t;

  app.get('/confirm', async (c) => {
    const token = c.req.query('token');
    const ok = isToken(token) && (await ctx.store.runRule(confirmAddress(token, ctx.posting.now())));
    return ok ? notice(c, 200, t(c).confirmed) : notice(c, 400, t(c).linkInvalid);
  });
  const ending = (path: string, end: (token: string) => ReturnType<typeof unsubscribe>, label: (c: Context) => string) => {
    app.get(path, (c) => (isToken(c.req.query('token')) ? notice(c, 200, label(c), label(c)) : notice(c, 400, t(c).linkInvalid)));
    app.post(path, async (c) => {
      const token = c.req.query('token');
      if (!isToken(token)) return notice(c, 400, t(c).linkInvalid);
      // Done whether or not it was still on: a second click, or the mail client's one-click, says the same.
      await ctx.store.runRule(end(token));
      return notice(c, 200, t(c).unsubscribed);
    });
  };
  ending('/unsubscribe', unsubscribe, (c) => t(c).unsubscribe);
  ending('/stop', stopAll, (c) => t(c).stopAll);
  return app;
}
