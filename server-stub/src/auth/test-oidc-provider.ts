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
