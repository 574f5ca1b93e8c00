/**
 * A signed-in reader as the server knows them (issue 14 builds sign-in; moderation only reads
 * this shape). Declared here with the names agreed with that work, so the branches merge.
 */

/** Roles a site may give signed-in readers. */
export type Role = 'staff' | 'moderator';

/** Who a verified token belongs to. */
export interface Identity {
  sub: string;
  name: string;
  email?: string;
  roles: readonly Role[];
}
