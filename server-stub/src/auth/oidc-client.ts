import type * as OpenId from 'openid-client';
import type { OwnTokenClaims } from './own-token.ts';

/** openid-client loads with the first sign-in, not at every server start. */
const openid = () => import('openid-client');

/** An OpenID provider to sign readers in with (`THREADLINE_OIDC_*`). */
export interface OidcSettings {
  /** `THREADLINE_OIDC_ISSUER`: the provider's issuer URL, e.g. `https://accounts.google.com`. */
  issuer: string;
  /** `THREADLINE_OIDC_CLIENT_ID`, `THREADLINE_OIDC_CLIENT_SECRET`: this server's client at the provider. */
  clientId: string;
  clientSecret: string;
  /** `THREADLINE_OIDC_TOKEN_SECONDS` (3600): how long the server's own token lasts (at most 24 h). */
  tokenSeconds?: number | undefined;
}

/** What one sign-in remembers between the start and the provider's answer (kept in a signed cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** PKCE: the secret whose hash went to the provider. */
  verifier: string;
  /** The page that opened the popup, where the token will be posted. */
  origin: string;
}

/** The code flow against one provider: discovery once (retried after a failure), then PKCE, state and nonce on every sign-in. */
export interface OidcClient {
  /** A fresh sign-in for `origin`: what to remember, and the provider's URL to send the reader to. */
  start(origin: string, redirectUri: string): Promise<{ pending: PendingSignIn; url: URL }>;
  /** Finishes the flow at the callback URL; rejects when the state, nonce, PKCE or code do not check out. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<OwnTokenClaims>;
}

/** Plain http is allowed only for a provider on this machine (tests, local development). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A client for the provider in `settings` (openid-client does discovery, PKCE and every check of the answer). */
export function createOidcClient(settings: OidcSettings): OidcClient {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<OpenId.Configuration> | null = null;
  const configuration = () => {
    discovered ??= openid()
      .then((client) =>
        client.discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          undefined,
          isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {},
        ),
      )
      .catch((err: unknown) => {
        discovered = null;
        throw err;
      });
    return discovered;
  };
  return {
    async start(origin, redirectUri) {
      const [config, client] = await Promise.all([configuration(), openid()]);
      const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), origin };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { pending, url };
    },
    async finish(callbackUrl, pending) {
      const [config, client] = await Promise.all([configuration(), openid()]);
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider sent no ID token');
      let { name, email } = idToken as { name?: unknown; email?: unknown };
      // Many providers put profile claims only in userinfo.
      if (typeof name !== 'string' || typeof email !== 'string') {
        const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        name = typeof name === 'string' ? name : info.name;
        email = typeof email === 'string' ? email : info.email;
      }
      return {
        sub: idToken.sub,
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof email === 'string' ? { email } : {}),
      };
    },
  };
}
