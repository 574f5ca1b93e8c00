import type { Comment } from '../../../widget/src/protocol/types.ts';

const xml = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** A feed's identity and its entries' links. */
export interface FeedInfo {
  id: string;
  title: string;
  /** The feed's own URL. */
  self: string;
  /** Where a comment can be read: its page URL with `#comment-ID`, if the page is known. */
  linkOf(comment: Comment): string | null;
}

/** An Atom 1.0 feed of comments (newest first), for feed readers and chat bots. */
export function atomFeed(info: FeedInfo, comments: readonly Comment[], now: Date): string {
  const updated = comments[0]?.createdAt ?? now.toISOString();
  const entries = comments.map((c) => {
    const link = info.linkOf(c);
    const author = c.author.name ?? 'Anonymous';
    return `  <entry>
    <id>tag:threadline,2024:comment:${xml(c.id)}</id>
    <title>${xml(`${author}: ${c.body.replace(/\s+/g, ' ').slice(0, 80)}`)}</title>
    <updated>${xml(c.editedAt ?? c.createdAt)}</updated>
    <published>${xml(c.createdAt)}</published>
    <author><name>${xml(author)}</name></author>${link ? `\n    <link rel="alternate" href="${xml(link)}"/>` : ''}
    <content type="text">${xml(c.body)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(info.id)}</id>
  <title>${xml(info.title)}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" href="${xml(info.self)}"/>
  <generator>threadline</generator>
${entries.join('\n')}
</feed>
`;
}
