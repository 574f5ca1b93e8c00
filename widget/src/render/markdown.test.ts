// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';
import { needsFormatting } from './needs-formatting.ts';

const cases: { title: string; input: string; html: string }[] = [
  { title: 'paragraphs and single line breaks', input: 'one\ntwo\n\nthree', html: '<p>one<br>two</p><p>three</p>' },
  {
    title: 'emphasis and strong',
    input: '*a* _b_ **c** __d__',
    html: '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>',
  },
  { title: 'snake_case and 2*3*4 stay as typed', input: 'my_var_name and 2 * 3 * 4', html: '<p>my_var_name and 2 * 3 * 4</p>' },
  { title: 'inline code is literal', input: 'use `<b>*x*</b>` here', html: '<p>use <code>&lt;b&gt;*x*&lt;/b&gt;</code> here</p>' },
  {
    title: 'fenced code keeps lines and escapes',
    input: '```\nif (a < b) {\n  *x*\n}\n```',
    html: '<pre><code>if (a &lt; b) {\n  *x*\n}</code></pre>',
  },
  { title: 'unclosed fence runs to the end', input: '```\ncode', html: '<pre><code>code</code></pre>' },
  {
    title: 'block quote with paragraphs',
    input: '> quoted\n> more\n\nafter',
    html: '<blockquote><p>quoted<br>more</p></blockquote><p>after</p>',
  },
  { title: 'nested block quote', input: '> a\n> > b', html: '<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>' },
  { title: 'bullet list', input: '- one\n- two', html: '<ul><li>one</li><li>two</li></ul>' },
  { title: 'ordered list keeps its start', input: '3. c\n4. d', html: '<ol start="3"><li>c</li><li>d</li></ol>' },
  {
    title: 'nested list by indentation',
    input: '- a\n  - a1\n  - a2\n- b',
    html: '<ul><li><p>a</p><ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>',
  },
  {
    title: 'link with text',
    input: '[the act](https://cga.ct.gov/trust-act)',
    html: '<p><a href="https://cga.ct.gov/trust-act">the act</a></p>',
  },
  {
    title: 'bare URL auto-linked without trailing punctuation',
    input: 'see https://example.com/a?b=1.',
    html: '<p>see <a href="https://example.com/a?b=1">https://example.com/a?b=1</a>.</p>',
  },
  {
    title: 'URL with balanced parens',
    input: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    html: '<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a></p>',
  },
  { title: 'mailto link', input: '[mail](mailto:ed@example.com)', html: '<p><a href="mailto:ed@example.com">mail</a></p>' },
  { title: 'javascript: link stays text', input: '[x](javascript:alert(1))', html: '<p>[x](javascript:alert(1))</p>' },
  { title: 'HTML shows as typed', input: '<b>hi</b> a < b > c & d', html: '<p>&lt;b&gt;hi&lt;/b&gt; a &lt; b &gt; c &amp; d</p>' },
  {
    title: 'quotes in a URL cannot break out of the attribute',
    input: '[x](https://a.example/"onmouseover="alert(1))',
    html: '<p><a href="https://a.example/&quot;onmouseover=&quot;alert(1)">x</a></p>',
  },
  { title: 'backslash escapes', input: '\\*not em\\*', html: '<p>*not em*</p>' },
  {
    title: 'seed-style text is untouched',
    input: 'So, where was the right-wing “outrage” about that? >>crickets<<',
    html: '<p>So, where was the right-wing “outrage” about that? &gt;&gt;crickets&lt;&lt;</p>',
  },
  { title: 'stash markers in the input are dropped', input: 'a\ue0000\ue001b', html: '<p>a0b</p>' },
];

describe('renderMarkdown', () => {
  for (const { title, input, html } of cases) {
    it(title, () => expect(renderMarkdown(input)).toBe(html));
  }
});

describe('needsFormatting', () => {
  it('is false for plain prose, so the plain renderer shows the same thing', () => {
    expect(needsFormatting('Thanks for sharing that info, Mark.\n\nImportant detail.')).toBe(false);
    expect(needsFormatting('So, where was the outrage? >>crickets<< (IMO … “cheaper”)')).toBe(false);
  });
  it('is true for any syntax the renderer turns into markup', () => {
    for (const s of ['*a*', 'a_b', '`c`', '[x](y)', 'https://a.example', '> q', '- item', '1. item', '```', 'a\\*']) {
      expect(needsFormatting(s), s).toBe(true);
    }
  });
});
