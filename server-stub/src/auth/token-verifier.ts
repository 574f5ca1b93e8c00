import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';
import { LIMITS } from '../../../widget/src/protocol/limits.ts';
import { cleanName } from '../domain/clean-text.ts';
import { type Identity, rolesFrom } from '../domain/identity.ts';
import { HttpError } from '../http/http-error.ts';

/** How the site signs its readers' tokens (`THREADLINE_SSO_*`). */
export interface SsoSettings {
  /** `THREADLINE_SSO_SECRET`: HS256 tokens signed with this shared secret. */
  secret?: string | undefined;
  /** `THREADLINE_SSO_JWKS_URL`: RS256/ES256 tokens signed by a key this JWKS lists. */
  jwksUrl?: string | undefined;
  /** `THREADLINE_SSO_ISSUER` / `THREADLINE_SSO_AUDIENCE`: when set, a token must carry exactly these. */
  issuer?: string | undefined;
  audience?: string | undefined;
}

/** The server's own tokens (handed out after an OpenID sign-in): HS256 under a key derived from the server secret. */
export interface OwnTokenKey {
  key: Uint8Array;
  issuer: string;
  audience: string;
}

/** Turns a token into the reader it names, or rejects with `401 invalid_token`. */
export type TokenVerifier = (token: string) => Promise<Identity>;

/** Longest a token may live: `exp` at most this long after `iat` (or after now, without `iat`). */
export const MAX_TOKEN_SECONDS = 24 * 60 * 60;

/** The one refusal every bad token gets: it says nothing about which check failed. */
export const invalidToken = () => new HttpError(401, 'invalid_token', 'The sign-in token is invalid or expired; sign in again.');

/** The reader a verified payload names; `name` falls back to `sub`, cleaned and cut like a typed name. */
function identityOf(payload: JWTPayload, now: Date): Identity {
  const { sub, exp, iat } = payload;
  if (typeof sub !== 'string' || !sub || sub.length > 255 || typeof exp !== 'number') throw invalidToken();
  if (exp - (typeof iat === 'number' ? iat : now.getTime() / 1000) > MAX_TOKEN_SECONDS) throw invalidToken();
  const rawName = typeof payload.name === 'string' ? cleanName(payload.name) : '';
  const name = [...(rawName || sub)].slice(0, LIMITS.nameChars).join('');
  const email = typeof payload.email === 'string' && payload.email.length <= LIMITS.emailChars ? payload.email : undefined;
  return { sub, name, ...(email ? { email } : {}), roles: rolesFrom(payload.roles) };
}

/**
 * A verifier for the site's tokens and the server's own (either may be absent); null when neither
 * is configured, so sign-in is off. Algorithms are pinned per key (HS256 for secrets, RS256/ES256
 * for the JWKS): `alg: none` and an RS256 public key used as an HMAC secret never verify.
 */
export function createTokenVerifier(sso: SsoSettings, own: OwnTokenKey | null, now: () => Date): TokenVerifier | null {
  const secret = sso.secret ? new TextEncoder().encode(sso.secret) : null;
  const jwks = sso.jwksUrl ? createRemoteJWKSet(new URL(sso.jwksUrl)) : null;
  if (!secret && !jwks && !own) return null;
  const verifySso = async (token: string) => {
    const options = {
      currentDate: now(),
      requiredClaims: ['sub', 'exp'],
      ...(sso.issuer ? { issuer: sso.issuer } : {}),
      ...(sso.audience ? { audience: sso.audience } : {}),
    };
    // Which key by the token's claimed algorithm; the verification below pins it again.
    const { alg } = decodeProtectedHeader(token);
    if (alg === 'HS256' && secret) return (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
    if (jwks) return (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
    throw invalidToken();
  };
  return async (token) => {
    if (token.length > LIMITS.requestBytes) throw invalidToken();
    try {
      const claimed = decodeJwt(token);
      const payload =
        own && claimed.iss === own.issuer
          ? (
              await jwtVerify(token, own.key, {
                algorithms: ['HS256'],
                issuer: own.issuer,
                audience: own.audience,
                currentDate: now(),
                requiredClaims: ['sub', 'exp'],
              })
            ).payload
          : await verifySso(token);
      return identityOf(payload, now());
    } catch {
      // jose's reasons (expired, bad signature, unknown key…) stay on the server: the client learns only "invalid".
      throw invalidToken();
    }
  };
}
