import type { Anchor, Comment, CommentStatus } from '../../protocol/types.ts';
import { anchorKey } from '../local-thread.ts';

/** A comment as WordPress's REST API lists it (the fields the adapter asks for). */
export interface WordPressComment {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_url?: string;
  /** UTC, without a zone designator (`2024-05-01T12:00:00`). */
  date_gmt: string;
  content: { rendered: string };
  /** `approved` for everyone; `hold` only in the answer to its own POST. */
  status: string;
  /** An object when the site registered meta (the threadline plugin); `[]` otherwise. */
  meta?: Record<string, unknown> | unknown[];
}

/** The fields every list asks for (`_fields`), so answers stay small. */
export const COMMENT_FIELDS = 'id,post,parent,author_name,author_url,date_gmt,content,status,meta';

const STATUS: Record<string, CommentStatus> = { approved: 'published', hold: 'pending', unapproved: 'pending' };

/** A WordPress comment in the protocol's shape; its body is WordPress's rendered HTML (sanitized when shown). */
export function toComment(wp: WordPressComment, thread: string): Comment {
  const website = wp.author_url && /^https?:\/\//i.test(wp.author_url) ? wp.author_url : null;
  const anchor = readAnchor(wp.meta);
  return {
    id: String(wp.id),
    thread,
    parentId: wp.parent ? String(wp.parent) : null,
    author: { name: wp.author_name?.trim() || null, website },
    body: wp.content?.rendered ?? '',
    bodyFormat: 'html',
    createdAt: toIsoUtc(wp.date_gmt),
    editedAt: null,
    status: STATUS[wp.status] ?? 'pending',
    ...(anchor && !wp.parent ? { anchor } : {}),
  };
}

/** `date_gmt` has no `Z`: it is UTC all the same. */
function toIsoUtc(date: string): string {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(date) ? date : `${date}Z`);
  return new Date(Number.isFinite(time) ? time : 0).toISOString();
}

/** The anchor the threadline plugin keeps in comment meta (JSON), checked field by field. */
function readAnchor(meta: WordPressComment['meta']): Anchor | null {
  const raw = meta && !Array.isArray(meta) ? meta.threadline_anchor : undefined;
  if (typeof raw !== 'string' || !raw) return null;
  try {
    const a = JSON.parse(raw) as Partial<Anchor>;
    if ((a.type !== 'quote' && a.type !== 'paragraph') || typeof a.exact !== 'string' || !a.exact) return null;
    const anchor: Anchor = { type: a.type, exact: a.exact };
    if (typeof a.prefix === 'string') anchor.prefix = a.prefix;
    if (typeof a.suffix === 'string') anchor.suffix = a.suffix;
    if (typeof a.position === 'number') anchor.position = a.position;
    return { ...anchor, key: anchorKey(anchor) };
  } catch {
    return null;
  }
}

/** Whether the site stores anchors (the threadline plugin registered its comment meta), from the collection's schema. */
export function hasAnchorMeta(schema: unknown): boolean {
  const s = schema as { schema?: { properties?: { meta?: { properties?: Record<string, unknown> } } } } | null;
  return !!s?.schema?.properties?.meta?.properties?.threadline_anchor;
}

/** Letters and digits only, lower-cased: WordPress turns quotes curly and adds paragraphs, so only these compare. */
export function comparableText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
