import { decodeHTML } from 'entities';
import type { ArchivedComment } from './archive.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { ImportOptions, ImportRecord, SkipReason } from './import-records.ts';
import { derivedId, wpDate } from './source-dates.ts';
import { threadKeyOf } from './thread-key.ts';
import { childText, readXmlRecords, type XmlNode } from './xml-records.ts';

/** What an item of the export is to the import: a thread (with its comments held or not), or left out. */
type ItemPlan =
  | { thread: true; key: string; held: boolean; skip: SkipReason | null; fallbackDate: string | null }
  | { thread: false; kind: string };

/** A page's title as readers see it: entities (`&#039;`, double-encoded ones too) decoded, whitespace collapsed. */
export const plainTitle = (raw: string): string | null => decodeHTML(decodeHTML(raw)).replace(/\s+/g, ' ').trim() || null;

/**
 * Reads a WordPress export (WXR) as a stream. Published posts and pages become threads keyed by
 * their permalink's path (`/?p=123` for plain permalinks, as the widget keys them); closed comments
 * lock that thread only. Approved comments come in, pending ones stay pending; comments on
 * password-protected posts are held (or left out with `skipProtected`); spam, trash, pingbacks and
 * comments on anything else (drafts, attachments, menu items) are left out and counted.
 * WordPress writes an item's comments after its fields, which is what lets the item be decided
 * when its first comment starts.
 */
export async function* readWxr(chunks: AsyncIterable<string>, options: ImportOptions = {}): AsyncGenerator<ImportRecord> {
  let plan: ItemPlan | null = null;
  let lastDate: string | null = null;
  for await (const { type, node, parent } of readXmlRecords(chunks, 'rss', { item: 'channel', 'wp:comment': 'item' })) {
    // An item is decided when its first comment starts (on its fields so far), or when it ends.
    const item = node.name === 'item' ? node : type === 'start' ? parent : null;
    if (node.name === 'item' && type === 'start') {
      plan = null;
      lastDate = null;
    } else if (!plan && item) {
      plan = planItem(item, options);
      yield plan.thread ? threadOf(item, plan.key) : { type: 'skipped-item', kind: plan.kind };
    } else if (node.name === 'wp:comment' && type === 'end' && plan) {
      const record = commentOf(node, plan, lastDate);
      if (record.type === 'comment') lastDate = record.comment.createdAt;
      yield record;
    }
  }
}

function threadOf(item: XmlNode, key: string): ImportRecord {
  const link = childText(item, 'link');
  return {
    type: 'thread',
    key,
    title: plainTitle(childText(item, 'title')),
    url: link || null,
    locked: childText(item, 'wp:comment_status') === 'closed',
  };
}

function planItem(item: XmlNode, options: ImportOptions): ItemPlan {
  const postType = childText(item, 'wp:post_type') || 'post';
  const status = childText(item, 'wp:status');
  const link = childText(item, 'link');
  if (postType !== 'post' && postType !== 'page') return { thread: false, kind: postType };
  if (status !== 'publish') return { thread: false, kind: `${status || 'unpublished'} ${postType}` };
  if (!link) return { thread: false, kind: `${postType} without a link` };
  const isProtected = childText(item, 'wp:post_password') !== '';
  return {
    thread: true,
    key: threadKeyOf(link),
    held: isProtected && !options.skipProtected,
    skip: isProtected && options.skipProtected ? 'protected' : null,
    fallbackDate: wpDate(childText(item, 'wp:post_date_gmt')) ?? wpDate(childText(item, 'wp:post_date')),
  };
}

function commentOf(c: XmlNode, plan: ItemPlan, lastDate: string | null): ImportRecord {
  const field = (name: string) => childText(c, `wp:comment_${name}`);
  const wpId = field('id');
  const id = wpId ? `wp-${wpId}` : derivedId('wp', field('date_gmt'), field('author'), field('content'));
  const type = field('type');
  const approved = field('approved');
  const skip = (reason: SkipReason): ImportRecord => ({ type: 'skipped-comment', reason, id });
  if (!plan.thread) return skip('not-a-thread');
  if (type === 'pingback' || type === 'trackback') return skip('pingback');
  if (approved === 'spam') return skip('spam');
  if (approved === 'trash' || approved === 'post-trashed') return skip('trash');
  if ((type && type !== 'comment') || (approved !== '1' && approved !== '0')) return skip('unknown-status');
  if (plan.skip) return skip(plan.skip);
  const gmt = wpDate(field('date_gmt'));
  const local = gmt ? null : wpDate(field('date'));
  const fallback = gmt ?? local ?? lastDate ?? plan.fallbackDate;
  const note = gmt
    ? undefined
    : local
      ? `comment_date_gmt "${field('date_gmt')}" is not a date; used comment_date (site time)`
      : `no valid date ("${field('date_gmt')}", "${field('date')}"); used ${fallback ? 'the previous comment’s or the post’s date' : 'the import time'}`;
  const parent = field('parent');
  const website = field('author_url');
  const comment: ArchivedComment = {
    id,
    thread: plan.key,
    parentId: parent && parent !== '0' ? `wp-${parent}` : null,
    authorName: field('author') || null,
    authorEmail: field('author_email').toLowerCase() || null,
    authorWebsite: /^https?:\/\//i.test(website) ? website : null,
    ipHash: null,
    body: htmlToMarkdown(childText(c, 'wp:comment_content'), 'wordpress'),
    createdAt: fallback ?? new Date().toISOString(),
    editedAt: null,
    status: approved === '1' ? 'published' : 'pending',
  };
  return { type: 'comment', comment, ...(plan.held ? { held: true } : {}), ...(note ? { note } : {}) };
}
