import type { ArchivedComment } from './archive.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { ImportOptions, ImportRecord } from './import-records.ts';
import { derivedId, isoDate } from './source-dates.ts';
import { threadKeyOf } from './thread-key.ts';
import { plainTitle } from './wxr.ts';
import { child, childText, readXmlRecords, type XmlNode } from './xml-records.ts';

/** A Disqus thread as its posts need it: where they go and the date to fall back on; or why they are left out. */
type ThreadPlan = { key: string; createdAt: string | null } | { skip: 'deleted-thread' | 'no-thread' };

const dsqId = (node: XmlNode | undefined) => node?.attrs['dsq:id']?.trim() ?? '';

/**
 * Reads a Disqus export as a stream. Threads are keyed like the widget keys their page; those marked
 * deleted are left out with their posts (unless `includeDeletedThreads`). Posts keep threading,
 * authors and dates; spam is left out; deleted posts come in as deleted (a placeholder where they
 * have replies). A post without an id gets a stable one; a post with a malformed date gets its
 * thread's (both reported).
 */
export async function* readDisqus(chunks: AsyncIterable<string>, options: ImportOptions = {}): AsyncGenerator<ImportRecord> {
  const threads = new Map<string, ThreadPlan>();
  let lastDate: string | null = null;
  for await (const { type, node } of readXmlRecords(chunks, 'disqus', { thread: 'disqus', post: 'disqus' })) {
    if (type !== 'end') continue;
    if (node.name === 'thread') {
      const link = childText(node, 'link');
      const deleted = childText(node, 'isDeleted') === 'true';
      if (!link || (deleted && !options.includeDeletedThreads)) {
        threads.set(dsqId(node), { skip: link ? 'deleted-thread' : 'no-thread' });
        yield { type: 'skipped-item', kind: link ? 'deleted Disqus thread' : 'Disqus thread without a link' };
        continue;
      }
      const key = threadKeyOf(link);
      threads.set(dsqId(node), { key, createdAt: isoDate(childText(node, 'createdAt')) });
      yield { type: 'thread', key, title: plainTitle(childText(node, 'title')), url: link, locked: childText(node, 'isClosed') === 'true' };
      continue;
    }
    const record = postOf(node, threads.get(dsqId(child(node, 'thread'))) ?? { skip: 'no-thread' }, lastDate);
    if (record.type === 'comment') lastDate = record.comment.createdAt;
    yield record;
  }
}

function postOf(p: XmlNode, thread: ThreadPlan, lastDate: string | null): ImportRecord {
  const author = child(p, 'author');
  const message = childText(p, 'message');
  const given = dsqId(p);
  const id = given
    ? `dq-${given}`
    : derivedId('dq', dsqId(child(p, 'thread')), childText(p, 'createdAt'), childText(author, 'name'), message);
  if (childText(p, 'isSpam') === 'true') return { type: 'skipped-comment', reason: 'spam', id };
  if ('skip' in thread) return { type: 'skipped-comment', reason: thread.skip, id };
  const date = isoDate(childText(p, 'createdAt'));
  const fallback = date ?? thread.createdAt ?? lastDate;
  const notes = [
    given ? '' : 'had no id; given this one',
    date
      ? ''
      : `createdAt "${childText(p, 'createdAt')}" is not a date; used ${fallback ? 'the thread’s or the previous post’s date' : 'the import time'}`,
  ].filter(Boolean);
  const parent = dsqId(child(p, 'parent'));
  const comment: ArchivedComment = {
    id,
    thread: thread.key,
    parentId: parent ? `dq-${parent}` : null,
    authorName: childText(author, 'name') || null,
    authorEmail: childText(author, 'email').toLowerCase() || null,
    authorWebsite: null,
    ipHash: null,
    body: htmlToMarkdown(message, 'html'),
    createdAt: fallback ?? new Date().toISOString(),
    editedAt: null,
    status: childText(p, 'isDeleted') === 'true' ? 'deleted' : 'published',
  };
  return { type: 'comment', comment, ...(notes.length ? { note: notes.join('; ') } : {}) };
}
