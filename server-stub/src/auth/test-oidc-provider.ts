import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real OpenID provider on loopback (tests only): `oidc-provider` with its built-in login and consent pages. */
export interface TestOidcProvider {
  /** The issuer, e.g. http://127.0.0.1:40123. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** What the provider says about the readers it knows; any other login is a reader named after it, without an email. */
const ACCOUNTS: Record<string, { name: string; email: string }> = {
  ann: { name: 'Ann Okafor', email: 'ann@example.org' },
};

/** The part of oidc-provider's (untyped) API the tests use. */
type ProviderClass = new (issuer: string, config: Record<string, unknown>) => { callback(): http.RequestListener };

/**
 * Starts the provider on a free loopback port with one confidential client whose only redirect
 * URL is `redirectUri`. Its login page takes any login and password.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  // A dev dependency without types, loaded only by tests.
  const { default: Provider } = (await import('oidc-provider' as string)) as { default: ProviderClass };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'threadline-test';
  const clientSecret = 'threadline-test-client-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, name: ACCOUNTS[id]?.name ?? id, ...(ACCOUNTS[id] ? { email: ACCOUNTS[id].email } : {}) }),
    }),
    cookies: { keys: ['threadline-test-cookie-key'] },
    // Explicit lifetimes, so the provider does not warn about its defaults on every sign-in.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies by name, for one browser talking to the provider. */
type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keepCookies(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

/** A reader at the provider, without a browser: logs in as `login`, consents, and returns the URL the provider sends them back to (the code and state). */
export async function answerFromProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar: Jar = new Map();
  let url = authorizationUrl;
  let form: Record<string, string> | null = null;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const res: Response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: cookieHeader(jar), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { method: 'POST', body: new URLSearchParams(form).toString() } : {}),
    });
    keepCookies(jar, res);
    form = null;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    // A login or consent page: submit it as the reader would.
    const html: string = await res.text();
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, url).href;
    const prompt: string = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    form = prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt };
    url = action;
  }
  throw new Error('the provider never sent the reader back');
}
