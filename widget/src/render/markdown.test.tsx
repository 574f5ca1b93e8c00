// What a reader sees: bodies drawn by the real CommentBody with the format chunk loaded.
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommentBody } from '../components/CommentBody.tsx';
import { formatter, loadFormatter } from './formatter.ts';
import { MAX_NESTING } from './markdown.ts';
import { needsFormatting } from './needs-formatting.ts';

beforeAll(() => loadFormatter());

/** The body's element, as drawn for this text. */
function shown(text: string): HTMLElement {
  const host = document.createElement('div');
  render(<CommentBody text={text} />, host);
  return host.querySelector<HTMLElement>('.tl-body')!;
}
const a = (href: string, text: string) => `<a href="${href}" rel="nofollow ugc noopener noreferrer" target="_blank">${text}</a>`;

const cases: { title: string; input: string; html: string }[] = [
  { title: 'paragraphs and single line breaks', input: 'one\ntwo\n\nthree', html: '<p>one<br>two</p><p>three</p>' },
  {
    title: 'emphasis and strong',
    input: '*a* _b_ **c** __d__',
    html: '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>',
  },
  { title: 'snake_case and 2*3*4 stay as typed', input: 'my_var_name and 2 * 3 * 4', html: '<p>my_var_name and 2 * 3 * 4</p>' },
  { title: 'emphasis inside strong', input: '**_x_ y**', html: '<p><strong><em>x</em> y</strong></p>' },
  {
    title: 'overlapping emphasis closes and reopens as the browser did',
    input: '*a **b* c**',
    html: '<p><em>a <strong>b</strong></em><strong> c</strong></p>',
  },
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
  { title: 'ordered list from 1 has no start', input: '1. c\n2. d', html: '<ol><li>c</li><li>d</li></ol>' },
  {
    title: 'nested list by indentation',
    input: '- a\n  - a1\n  - a2\n- b',
    html: '<ul><li><p>a</p><ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>',
  },
  {
    title: 'link with text',
    input: '[the act](https://cga.ct.gov/trust-act)',
    html: `<p>${a('https://cga.ct.gov/trust-act', 'the act')}</p>`,
  },
  {
    title: 'emphasis and code in a link label',
    input: '[*the* `act`](https://a.example)',
    html: `<p>${a('https://a.example', '<em>the</em> <code>act</code>')}</p>`,
  },
  {
    title: 'bare URL auto-linked without trailing punctuation',
    input: 'see https://example.com/a?b=1.',
    html: `<p>see ${a('https://example.com/a?b=1', 'https://example.com/a?b=1')}.</p>`,
  },
  {
    title: 'URL with balanced parens',
    input: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    html: `<p>${a('https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)')}</p>`,
  },
  {
    title: 'an escape inside a URL is its character',
    input: 'https://a.example/\\_x',
    html: `<p>${a('https://a.example/_x', 'https://a.example/_x')}</p>`,
  },
  { title: 'schemes in capitals', input: '[x](HTTPS://A.EXAMPLE)', html: `<p>${a('HTTPS://A.EXAMPLE', 'x')}</p>` },
  { title: 'mailto link', input: '[mail](mailto:ed@example.com)', html: `<p>${a('mailto:ed@example.com', 'mail')}</p>` },
  { title: 'HTML shows as typed', input: '<b>hi</b> a < b > c & d', html: '<p>&lt;b&gt;hi&lt;/b&gt; a &lt; b &gt; c &amp; d</p>' },
  { title: 'backslash escapes', input: '\\*not em\\*', html: '<p>*not em*</p>' },
  {
    title: 'seed-style text is untouched',
    input: 'So, where was the right-wing “outrage” about that? >>crickets<<',
    html: '<p>So, where was the right-wing “outrage” about that? &gt;&gt;crickets&lt;&lt;</p>',
  },
  { title: 'stash markers in the input are dropped', input: 'a\ue0000\ue001b*\ue002c*', html: '<p>a0b<em>c</em></p>' },
];

describe('Markdown as the reader sees it', () => {
  for (const { title, input, html } of cases) {
    it(title, () => expect(shown(input).innerHTML).toBe(html));
  }
  it('adjacent text is one text node (fewer DOM nodes)', () => {
    expect(shown('a \\*b\\* `c`').firstChild!.childNodes).toHaveLength(2);
  });
  it('draws Markdown only once its chunk is there, as plain text before', () => {
    const render_ = formatter.value;
    formatter.value = null;
    try {
      expect(shown('**a**').innerHTML).toBe('<p>**a**</p>');
    } finally {
      formatter.value = render_;
    }
  });
});

/** Attacks through Markdown: none may produce an element or attribute beyond the parser's own. */
const hostile: { title: string; input: string; text: string }[] = [
  { title: 'script tag', input: '<script>alert(1)</script>', text: '<script>alert(1)</script>' },
  { title: 'img onerror', input: '<img src=x onerror=alert(1)>', text: '<img src=x onerror=alert(1)>' },
  { title: 'javascript: link', input: '[x](javascript:alert(1))', text: '[x](javascript:alert(1))' },
  { title: 'mixed-case javascript: link', input: '[x](JaVaScRiPt:alert(1))', text: '[x](JaVaScRiPt:alert(1))' },
  { title: 'entity-encoded javascript: link', input: '[x](&#106;avascript:alert(1))', text: '[x](&#106;avascript:alert(1))' },
  { title: 'escaped javascript: link', input: '[x](\\javascript:alert(1))', text: '[x](\\javascript:alert(1))' },
  { title: 'data: link', input: '[x](data:text/html,<script>alert(1)</script>)', text: '[x](data:text/html,<script>alert(1)</script>)' },
  { title: 'vbscript: link', input: '[x](vbscript:msgbox(1))', text: '[x](vbscript:msgbox(1))' },
  { title: 'image syntax', input: '![x](https://a.example/p.png)', text: '!x' },
  { title: 'HTML entities stay text', input: '&lt;script&gt;alert(1)&lt;/script&gt;', text: '&lt;script&gt;alert(1)&lt;/script&gt;' },
];

describe('hostile Markdown stays text', () => {
  for (const { title, input, text } of hostile) {
    it(title, () => {
      const body = shown(input);
      expect(body.textContent).toBe(text);
      for (const el of body.querySelectorAll('*')) {
        expect(['P', 'A', 'BR', 'EM', 'STRONG', 'CODE'], el.outerHTML).toContain(el.tagName);
        const href = el.getAttribute('href');
        if (href !== null) expect(href).toMatch(/^https:\/\/a\.example\//);
      }
    });
  }
  it('a quote in a URL cannot break out of the attribute', () => {
    const link = shown('[x](https://a.example/"onmouseover="alert(1))').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://a.example/"onmouseover="alert(1)');
    expect([...link.attributes].map((at) => at.name)).toEqual(['href', 'rel', 'target']);
  });
  it('a bare URL ends at a quote or angle bracket', () => {
    const body = shown('https://a.example/"><img src=x onerror=alert(1)>');
    expect(body.querySelector('a')!.getAttribute('href')).toBe('https://a.example/');
    expect(body.querySelector('img')).toBeNull();
  });
  it('10,000 characters of nested quotes draw without overflowing the stack, capped in depth', () => {
    const body = shown(`${'> '.repeat(5000)}deep`);
    expect(body.querySelectorAll('blockquote')).toHaveLength(MAX_NESTING);
    expect(body.textContent).toContain('deep');
  });
  it('nested list markers and indentation are capped too', () => {
    expect(shown(`${'- '.repeat(5000)}deep`).querySelectorAll('ul')).toHaveLength(MAX_NESTING);
    const indented = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n');
    expect(shown(indented).querySelectorAll('ul')).toHaveLength(MAX_NESTING);
  });
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

describe('a body whose text changes (an edit, live or the reader’s own)', () => {
  it('is drawn anew: plain to Markdown, Markdown to plain, nothing of the old text left', () => {
    const host = document.createElement('div');
    const body = () => host.querySelector<HTMLElement>('.tl-body')!;
    render(<CommentBody text={'First draft\n\nwith two paragraphs'} />, host);
    expect(body().innerHTML).toBe('<p>First draft</p><p>with two paragraphs</p>');
    render(<CommentBody text="Now with *emphasis*" />, host);
    expect(body().innerHTML).toBe('<p>Now with <em>emphasis</em></p>');
    render(<CommentBody text="Plain again" />, host);
    expect(body().innerHTML).toBe('<p>Plain again</p>');
    render(<CommentBody text={'Plain, edited\nonce more'} />, host);
    expect(body().innerHTML).toBe('<p>Plain, edited<br>once more</p>');
    render(<CommentBody text="**Bold** then" />, host);
    render(<CommentBody text="**Bold** now" />, host);
    expect(body().innerHTML).toBe('<p><strong>Bold</strong> now</p>');
  });
});
