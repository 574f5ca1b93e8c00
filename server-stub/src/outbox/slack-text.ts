import type { Comment } from '../../../widget/src/protocol/types.ts';

/** A comment's first `max` characters on one line, cut at a word where possible. */
export function excerpt(body: string, max = 280): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Slack's mrkdwn treats these three as markup; everything else is text. */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A readable chat message for a held comment: who, where and what, never an email or an IP hash
 * (a Slack channel is read by more people than the site's owner).
 */
export function slackText(comment: Comment, thread: { key: string; title: string | null; url: string | null }): string {
  const who = escapeSlack(comment.author.name ?? 'Anonymous');
  const where = escapeSlack(thread.title ?? thread.key);
  const link = thread.url ? ` <${thread.url}#comment-${comment.id}|${where}>` : ` “${where}”`;
  return `A comment by ${who} is waiting for approval on${link}:\n> ${escapeSlack(excerpt(comment.body))}`;
}
