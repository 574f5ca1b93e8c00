import { once } from 'node:events';
import fs from 'node:fs';

const WORDS = 'the council vote on the new library hours was closer than anyone expected and residents asked why the budget'.split(' ');
const HTML = [
  'I <strong>agree</strong> with <a href="https://example.com/a_(b)">this</a>.',
  '<blockquote>quoted line</blockquote>\nMy answer &amp; more.',
  '<ol><li>first</li><li>second</li></ol>',
  'if a < b and c > d, then ¯\\_(ツ)_/¯',
];

/**
 * Writes a WordPress export (WXR) with `comments` comments over posts of 100 comments each (a
 * third of them replies, one in ten with HTML), about 1 KB per comment, streamed to `file`.
 */
export async function generateWxr(file: string, comments: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>\n`);
  let id = 0;
  for (let post = 1; id < comments; post++) {
    await write(`<item><title>Post ${post} &amp;#039;quoted&amp;#039;</title><link>https://bench.example/?p=${post}</link>
<wp:post_id>${post}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:comment_status><![CDATA[open]]></wp:comment_status>
<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>\n`);
    const first = id + 1;
    for (let i = 0; i < 100 && id < comments; i++) {
      id++;
      const parent = i > 0 && id % 3 === 0 ? first + ((id * 7) % (id - first)) : 0;
      const words = Array.from({ length: 80 }, (_, w) => WORDS[(id + w * 3) % WORDS.length]).join(' ');
      const body = id % 10 === 0 ? `${HTML[id % HTML.length]}\n\n${words}` : `${words}\n\nSecond paragraph, comment ${id}.`;
      await write(`<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id % 5000}]]></wp:comment_author>
<wp:comment_author_email><![CDATA[reader${id % 5000}@example.com]]></wp:comment_author_email><wp:comment_author_url>https://reader.example</wp:comment_author_url>
<wp:comment_author_IP><![CDATA[192.0.2.${id % 250}]]></wp:comment_author_IP><wp:comment_date><![CDATA[2020-01-02 10:00:00]]></wp:comment_date>
<wp:comment_date_gmt><![CDATA[2020-01-02 ${String(Math.floor(id / 60) % 24).padStart(2, '0')}:${String(id % 60).padStart(2, '0')}:00]]></wp:comment_date_gmt>
<wp:comment_content><![CDATA[${body}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
<wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n`);
    }
    await write('</item>\n');
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
