import { XMLParser } from 'fast-xml-parser';
import type { Archive, ArchivedComment } from './archive.ts';
import { htmlToText } from './html-to-text.ts';

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? String((v as { '#text'?: unknown })['#text'] ?? '') : String(v);

/** The thread key of a page: its URL's path (what the widget uses without data-thread). */
export function threadKeyOf(link: string): string {
  try {
    return new URL(link).pathname || '/';
  } catch {
    return link.startsWith('/') ? link : `/${link}`;
  }
}

/**
 * Reads a WordPress export (WXR): each post becomes a thread keyed by its permalink's path, and
 * its approved comments keep their threading, authors and dates. Pending ones stay pending;
 * spam, trash, pingbacks and trackbacks are left out.
 */
export function parseWxr(xml: string): Archive {
  const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false }).parse(xml) as {
    rss?: { channel?: { item?: unknown } };
  };
  const threads: Archive['threads'] = [];
  const comments: ArchivedComment[] = [];
  for (const item of asArray(doc.rss?.channel?.item as Record<string, unknown>[] | undefined)) {
    const link = text(item.link).trim();
    if (!link) continue;
    const key = threadKeyOf(link);
    threads.push({ key, title: text(item.title).trim() || null, url: link, locked: text(item['wp:comment_status']) === 'closed' });
    for (const c of asArray(item['wp:comment'] as Record<string, unknown>[] | undefined)) {
      const type = text(c['wp:comment_type']).trim();
      const approved = text(c['wp:comment_approved']).trim();
      if ((type && type !== 'comment') || (approved !== '1' && approved !== '0')) continue;
      const parent = text(c['wp:comment_parent']).trim();
      const date = text(c['wp:comment_date_gmt']).trim() || text(c['wp:comment_date']).trim();
      comments.push({
        id: `wp-${text(c['wp:comment_id']).trim()}`,
        thread: key,
        parentId: parent && parent !== '0' ? `wp-${parent}` : null,
        authorName: text(c['wp:comment_author']).trim() || null,
        authorEmail: text(c['wp:comment_author_email']).trim().toLowerCase() || null,
        authorWebsite: /^https?:\/\//i.test(text(c['wp:comment_author_url']).trim()) ? text(c['wp:comment_author_url']).trim() : null,
        ipHash: null,
        body: htmlToText(text(c['wp:comment_content'])),
        createdAt: new Date(`${date.replace(' ', 'T')}Z`).toISOString(),
        editedAt: null,
        status: approved === '1' ? 'published' : 'pending',
      });
    }
  }
  return { format: 'threadline-export', version: 1, exportedAt: new Date().toISOString(), threads, comments, votes: [], bans: [] };
}
