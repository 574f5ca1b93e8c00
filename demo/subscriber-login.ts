import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignJWT } from 'jose';

/** The demo's pretend subscriber: whoever typed a name into the fake login form. */
interface Subscriber {
  name: string;
  staff: boolean;
  /** Moderates comments (the `moderator` role): moderates in place inside the widget. */
  moderator?: boolean;
}

const COOKIE = 'demo_subscriber';
/** Only paths of this site: the login form must not send readers elsewhere. */
const backTo = (back: string | undefined) => (back && /^\/[\w/?=&.-]*$/.test(back) && !back.startsWith('//') ? back : '/');

/**
 * A fake "subscriber" sign-in for the demo site, as a news site's own accounts would do it: a
 * login form (any name, no password; boxes to be staff or a moderator), a cookie, and the token endpoint the
 * widget asks (`data-sso-token-url`), which signs a 10-minute HS256 token with `secret`
 * (THREADLINE_SSO_SECRET). A demo only: the cookie is not signed.
 */
export function subscriberLogin(secret: string): Hono {
  const key = new TextEncoder().encode(secret);
  const app = new Hono();
  const current = (raw: string | undefined): Subscriber | null => {
    try {
      return raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString()) as Subscriber) : null;
    } catch {
      return null;
    }
  };
  app.get('/login', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Subscriber sign-in · The Westport Ledger</title>
<link rel="stylesheet" href="/assets/site.css"></head><body><main class="login"><h1>Subscriber sign-in</h1>
<form method="post" action="/login?back=${encodeURIComponent(backTo(c.req.query('back')))}">
<label>Name <input name="name" required maxlength="80" autocomplete="name"></label>
<label><input type="checkbox" name="staff" value="1"> I work at the Ledger (staff)</label>
<label><input type="checkbox" name="moderator" value="1"> I moderate comments (moderator)</label>
<button type="submit">Sign in</button></form></main></body></html>`),
  );
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const name = String(form.name ?? '')
      .trim()
      .slice(0, 80);
    if (!name) return c.redirect(`/login?back=${encodeURIComponent(backTo(c.req.query('back')))}`);
    const subscriber: Subscriber = { name, staff: form.staff === '1', moderator: form.moderator === '1' };
    setCookie(c, COOKIE, Buffer.from(JSON.stringify(subscriber)).toString('base64url'), { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.redirect(backTo(c.req.query('back')));
  });
  app.get('/logout', (c) => {
    deleteCookie(c, COOKIE, { path: '/' });
    return c.redirect(backTo(c.req.query('back')));
  });
  app.get('/threadline-token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const who = current(getCookie(c, COOKIE));
    if (!who) return c.body(null, 204);
    const token = await new SignJWT({ name: who.name, roles: [...(who.staff ? ['staff'] : []), ...(who.moderator ? ['moderator'] : [])] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`demo:${who.name.toLowerCase()}`)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    return c.json({ token });
  });
  return app;
}
