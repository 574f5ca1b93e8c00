import { isRtl } from '../../../widget/src/protocol/languages.ts';
import type { Comment } from '../../../widget/src/protocol/types.ts';
import { fill, mailStrings } from './mail-strings.ts';
import { excerpt } from './slack-text.ts';

/** A mail ready for the transport: both parts and any extra headers. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** A thread as mails name it. */
export interface MailThread {
  key: string;
  title: string | null;
  url: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML frame every mail shares: one column, system fonts, the language's direction. */
function page(lang: string, body: string, footer = ''): string {
  const dir = isRtl(lang as Parameters<typeof isRtl>[0]) ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${esc(lang)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;padding:24px;background:#f4f4f2;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1b">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">${body}</div>
<p style="max-width:560px;margin:16px auto 0;font-size:13px;color:#666">${footer}</p></body></html>`;
}

/** The address of a comment on its page (`#comment-ID`); the thread key when the page URL is unknown. */
export const commentUrl = (thread: MailThread, id: string, fallbackBase: string): string =>
  `${thread.url ?? `${fallbackBase}${thread.key}`}#comment-${id}`;

/**
 * A reply notification: each reply's author and an excerpt with a link to it, a link to stop this
 * subscription (also as RFC 8058 one-click `List-Unsubscribe`) and one to stop all mail.
 */
export function renderReplyMail(input: {
  lang: string;
  thread: MailThread;
  replies: readonly Comment[];
  unsubscribeUrl: string;
  stopAllUrl: string;
  publicUrl: string;
}): RenderedMail {
  const { lang, t } = mailStrings(input.lang);
  const title = input.thread.title ?? input.thread.key;
  const n = input.replies.length;
  const subject = fill(n === 1 ? t.replySubject : t.repliesSubject, { title, n });
  const items = input.replies.map((c) => ({
    name: c.author.name ?? t.anonymous,
    text: excerpt(c.body, 600),
    url: commentUrl(input.thread, c.id, input.publicUrl),
  }));
  const text = [
    subject,
    '',
    ...items.flatMap((i) => [fill(t.wrote, { name: i.name }), i.text, `${t.read}: ${i.url}`, '']),
    '--',
    `${t.unsubscribe}: ${input.unsubscribeUrl}`,
    `${t.stopAll}: ${input.stopAllUrl}`,
  ].join('\n');
  const blocks = items
    .map(
      (i) => `<p style="margin:20px 0 4px;font-weight:600">${esc(fill(t.wrote, { name: i.name }))}</p>
<blockquote style="margin:0;padding:8px 12px;border-inline-start:3px solid #c8c8c4;color:#333">${esc(i.text)}</blockquote>
<p style="margin:8px 0 0"><a href="${esc(i.url)}" style="color:#1a5fb4">${esc(t.read)}</a></p>`,
    )
    .join('\n');
  const html = page(
    lang,
    `<h1 style="font-size:20px;margin:0 0 8px">${esc(subject)}</h1>${blocks}`,
    `<a href="${esc(input.unsubscribeUrl)}" style="color:#666">${esc(t.unsubscribe)}</a> · <a href="${esc(input.stopAllUrl)}" style="color:#666">${esc(t.stopAll)}</a>`,
  );
  return {
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${input.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The double opt-in mail: one link that confirms the address. */
export function renderConfirmMail(input: { lang: string; thread: MailThread; confirmUrl: string }): RenderedMail {
  const { lang, t } = mailStrings(input.lang);
  const intro = fill(t.confirmText, { title: input.thread.title ?? input.thread.key });
  return {
    subject: t.confirmSubject,
    text: `${intro}\n\n${t.confirmButton}: ${input.confirmUrl}\n`,
    html: page(
      lang,
      `<p style="margin:0 0 16px">${esc(intro)}</p>
<p style="margin:0"><a href="${esc(input.confirmUrl)}" style="display:inline-block;background:#1a5fb4;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(t.confirmButton)}</a></p>`,
    ),
    headers: {},
  };
}

/** The site owner's alert: who wrote what where, with the email and IP hash (the owner's business), and the admin page. */
export function renderAlertMail(input: {
  alert: 'pending' | 'created' | 'flagged';
  reason: string | null;
  comment: Comment;
  email: string | null;
  ipHash: string | null;
  thread: MailThread;
  publicUrl: string;
}): RenderedMail {
  const { comment, thread } = input;
  const what = { pending: 'waiting for approval', created: 'new comment', flagged: 'flagged by a reader' }[input.alert];
  const subject = `[threadline] ${what}: ${thread.title ?? thread.key}`;
  const facts = [
    ['Author', comment.author.name ?? 'Anonymous'],
    ['Email', input.email ?? '—'],
    ['IP hash', input.ipHash ?? '—'],
    ['Page', commentUrl(thread, comment.id, input.publicUrl)],
    ...(input.reason ? [['Reason', input.reason]] : []),
    ['Moderate', `${input.publicUrl}/admin`],
  ] as [string, string][];
  const text = `${subject}\n\n${comment.body}\n\n${facts.map(([k, v]) => `${k}: ${v}`).join('\n')}\n`;
  const html = page(
    'en',
    `<h1 style="font-size:18px;margin:0 0 12px">${esc(subject)}</h1>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-inline-start:3px solid #c8c8c4">${esc(excerpt(comment.body, 2000))}</blockquote>
<table style="font-size:14px">${facts.map(([k, v]) => `<tr><th style="text-align:start;padding-inline-end:12px">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`,
  );
  return { subject, text, html, headers: {} };
}
