/** Roles a site may give a signed-in reader in its token (anything else in `roles` is ignored). */
export type Role = 'staff' | 'moderator';

/** A reader the site (or the OpenID provider) vouches for, as read from a verified token. */
export interface Identity {
  /** The site's own user id (the token's `sub`). */
  sub: string;
  /** The name comments are shown under (the token's `name`, else its `sub`). */
  name: string;
  /** For the site owner only; never shown to readers. */
  email?: string;
  roles: readonly Role[];
}

/** The badge shown beside a signed-in author's name: `staff` for the staff or moderator role. */
export function badgeOf(identity: Pick<Identity, 'roles'>): 'staff' | null {
  return identity.roles.includes('staff') || identity.roles.includes('moderator') ? 'staff' : null;
}

/** Roles from a token's `roles` claim: the known ones, once each. */
export function rolesFrom(claim: unknown): Role[] {
  if (!Array.isArray(claim)) return [];
  return (['staff', 'moderator'] as const).filter((r) => claim.includes(r));
}
