/** A reader the site vouches for: their token (sent as `Authorization: Bearer`) and what it says about them. */
export interface SignedInReader {
  token: string;
  /** The site's user id. */
  sub: string;
  /** The name their comments are shown under. */
  name: string;
  email?: string;
  /** Roles the site gave them (`staff`, `moderator`). */
  roles: readonly string[];
  /** When the token expires, in milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * What a token says about its reader, read without checking the signature (the server checks
 * it on every write; the widget only shows the name and schedules the refresh). Null for
 * anything that is not a JWT with `sub` and `exp`.
 */
export function readSignedInReader(token: string): SignedInReader | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { sub, exp, name, email, roles } = claims;
    if (typeof sub !== 'string' || !sub || typeof exp !== 'number') return null;
    return {
      token,
      sub,
      name: typeof name === 'string' && name.trim() ? name.trim() : sub,
      ...(typeof email === 'string' ? { email } : {}),
      roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
      expiresAt: exp * 1000,
    };
  } catch {
    return null;
  }
}
