import { XMLParser } from 'fast-xml-parser';
import type { Archive, ArchivedComment } from './archive.ts';
import { htmlToText } from './html-to-text.ts';
import { threadKeyOf } from './wxr.ts';

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? String((v as { '#text'?: unknown })['#text'] ?? '') : String(v);
const idOf = (node: unknown) => (node && typeof node === 'object' ? String((node as Record<string, unknown>)['@_dsq:id'] ?? '') : '');

/**
 * Reads a Disqus export: threads keyed by their link's path; posts keep threading, authors and
 * dates; spam is left out; deleted posts come in as deleted (a placeholder where they have replies).
 */
export function parseDisqus(xml: string): Archive {
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(xml) as {
    disqus?: Record<string, unknown>;
  };
  const root = doc.disqus ?? {};
  const keyOfThread = new Map<string, string>();
  const threads: Archive['threads'] = [];
  for (const t of asArray(root.thread as Record<string, unknown>[] | undefined)) {
    const link = text(t.link).trim();
    if (!link) continue;
    const key = threadKeyOf(link);
    keyOfThread.set(idOf(t), key);
    threads.push({ key, title: text(t.title).trim() || null, url: link, locked: text(t.isClosed).trim() === 'true' });
  }
  const comments: ArchivedComment[] = [];
  for (const p of asArray(root.post as Record<string, unknown>[] | undefined)) {
    if (text(p.isSpam).trim() === 'true') continue;
    const thread = keyOfThread.get(idOf(p.thread));
    if (!thread) continue;
    const author = (p.author ?? {}) as Record<string, unknown>;
    const parent = idOf(p.parent);
    comments.push({
      id: `dq-${idOf(p)}`,
      thread,
      parentId: parent ? `dq-${parent}` : null,
      authorName: text(author.name).trim() || null,
      authorEmail: text(author.email).trim().toLowerCase() || null,
      authorWebsite: null,
      ipHash: null,
      body: htmlToText(text(p.message)),
      createdAt: new Date(text(p.createdAt).trim()).toISOString(),
      editedAt: null,
      status: text(p.isDeleted).trim() === 'true' ? 'deleted' : 'published',
    });
  }
  return { format: 'threadline-export', version: 1, exportedAt: new Date().toISOString(), threads, comments, votes: [], bans: [] };
}
