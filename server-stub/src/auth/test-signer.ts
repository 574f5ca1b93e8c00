import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** What a test token carries beyond the standard claims. */
export type TestClaims = JWTPayload & { name?: string; email?: string; roles?: string[] };

/** Signs HS256 tokens as a site would (tests and the demo's fake login). `lifetime` in seconds, default 10 minutes. */
export async function signHs256(secret: string, claims: TestClaims, lifetime = 600, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  // A NaN lifetime leaves `exp` out (a token that never expires, which the server must refuse).
  return new SignJWT({ iat, ...(Number.isNaN(lifetime) ? {} : { exp: iat + lifetime }), ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/**
 * A site's signing keys (one RS256, one ES256) and their JWKS served on loopback, as
 * `THREADLINE_SSO_JWKS_URL` would find them (tests only). `requests` counts key fetches.
 */
export async function startJwksServer() {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sign = (alg: 'RS256' | 'ES256', claims: TestClaims, lifetime = 600) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ iat, exp: iat + lifetime, ...claims })
      .setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rsa-1' : 'ec-1' })
      .sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey);
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    sign,
    /** The RSA public key as PEM text: what an attacker would try as an HS256 secret. */
    rsaPublicJwk: keys[0]!,
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
