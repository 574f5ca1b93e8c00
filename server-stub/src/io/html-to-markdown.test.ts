// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillMarkdown } from '../../../widget/src/render/markdown-dom.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';

// What a reader sees: the imported text drawn by the widget's own Markdown renderer.
const shown = (html: string, source: 'wordpress' | 'html' = 'wordpress') => {
  const host = document.createElement('div');
  fillMarkdown(host, htmlToMarkdown(html, source));
  return host.innerHTML;
};
const REL = 'rel="nofollow ugc noopener noreferrer" target="_blank"';

describe('imported comment text shows as written', () => {
  it.each([
    { title: 'a shrug keeps its backslash', html: '¯\\_(ツ)_/¯', expected: '<p>¯\\_(ツ)_/¯</p>' },
    { title: 'a bunny keeps its backslash', html: "(\\_/)\n(='.'=)", expected: "<p>(\\_/)<br>(='.'=)</p>" },
    {
      title: 'stars and numbers typed as text stay text',
      html: '*not emphasis*\n2. not a list',
      expected: '<p>*not emphasis*<br>2. not a list</p>',
    },
    { title: 'a lone < does not eat text', html: 'if a < b and c > d', expected: '<p>if a &lt; b and c &gt; d</p>' },
    {
      title: 'a lone < in HTML does not eat text',
      html: '<p>if a &lt; b and c &gt; d</p>',
      expected: '<p>if a &lt; b and c &gt; d</p>',
      source: 'html' as const,
    },
    {
      title: 'block elements are not glued to the next word',
      html: '<dl><dt>Definition List Title</dt><dd>Definition list division.</dd></dl>',
      expected: '<p>Definition List Title</p><p>Definition list division.</p>',
    },
    { title: 'ordered lists stay numbered', html: '<ol><li>one</li><li>two</li></ol>', expected: '<ol><li>one</li><li>two</li></ol>' },
    {
      title: 'nested lists stay nested',
      html: '<ol>\n<li>one\n<ul>\n<li>inner</li>\n</ul>\n</li>\n<li>two</li>\n</ol>',
      expected: '<ol><li><p>one</p><ul><li>inner</li></ul></li><li>two</li></ol>',
    },
    {
      title: 'multi-line code becomes a fenced block',
      html: "<pre><code>function hello() {\n  return 'world';\n}</code></pre>",
      expected: "<pre><code>function hello() {\n  return 'world';\n}</code></pre>",
    },
    { title: 'paragraphs and line breaks as WordPress shows them', html: 'one\ntwo\n\nthree', expected: '<p>one<br>two</p><p>three</p>' },
    {
      title: 'emphasis, code and links survive',
      html: 'I <strong>agree</strong>, <em>really</em>: <code>x_y</code> <a href="https://example.com/a_(b)">see</a>',
      expected: `<p>I <strong>agree</strong>, <em>really</em>: <code>x_y</code> <a href="https://example.com/a_%28b%29" ${REL}>see</a></p>`,
    },
    {
      title: 'a bare link keeps its underscores',
      html: 'see https://example.com/a_b_c',
      expected: `<p>see <a href="https://example.com/a_b_c" ${REL}>https://example.com/a_b_c</a></p>`,
    },
    {
      title: 'quotes stay quotes',
      html: '<blockquote>quoted</blockquote>\nanswer',
      expected: '<blockquote><p>quoted</p></blockquote><p>answer</p>',
    },
    { title: 'a javascript: link keeps only its text', html: '<a href="javascript:alert(1)">click</a>', expected: '<p>click</p>' },
    {
      title: 'headings become strong paragraphs',
      html: '<h2>Title</h2><p>text</p>',
      expected: '<p><strong>Title</strong></p><p>text</p>',
      source: 'html' as const,
    },
  ])('$title', ({ html, expected, source }) => {
    expect(shown(html, source)).toBe(expected);
  });
});
