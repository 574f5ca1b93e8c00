import { createHash } from 'node:crypto';

/** A WordPress date (`2019-07-17 13:05:00`, UTC or site time) as ISO, or null when it is not a real date (`0000-00-00 00:00:00`). */
export function wpDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return null;
  return isoDate(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

/** An ISO 8601 date as the store keeps it, or null when it is not one. */
export function isoDate(value: string): string | null {
  const t = Date.parse(value.trim());
  return value.trim() && Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** A stable id for a comment the source gives none: the same comment gets the same id on every import. */
export function derivedId(prefix: string, ...parts: string[]): string {
  return `${prefix}-x${createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}
