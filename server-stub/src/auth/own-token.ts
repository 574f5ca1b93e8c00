import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import type { OwnTokenKey } from './token-verifier.ts';

/** Who an OpenID sign-in found: the claims the server's own token carries. */
export interface OwnTokenClaims {
  sub: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** The prefix of every OpenID reader's `sub`, so a provider's user can never share an id with a site SSO user. */
export const OIDC_SUB_PREFIX = 'oidc:';

/** The key, issuer and audience of the server's own tokens: HS256 under a key derived from the server secret, `iss` and `aud` the public URL. */
export function ownTokenKey(secret: string, publicUrl: string): OwnTokenKey {
  const key = createHmac('sha256', secret).update('threadline own sign-in tokens').digest();
  return { key: new Uint8Array(key), issuer: publicUrl, audience: publicUrl };
}

/** Signs the server's own token for a reader an OpenID provider vouched for, valid `lifetimeSeconds` from `now`. */
export function signOwnToken(own: OwnTokenKey, claims: OwnTokenClaims, lifetimeSeconds: number, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    ...(claims.name ? { name: claims.name } : {}),
    ...(claims.email ? { email: claims.email } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`${OIDC_SUB_PREFIX}${claims.sub}`)
    .setIssuer(own.issuer)
    .setAudience(own.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(own.key);
}
