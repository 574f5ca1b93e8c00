// How adapter HTML (WordPress) reaches the DOM. happy-dom has no Element.setHTML and its nodeName
// getters defeat DOMPurify, so both real sanitizers are checked in Chromium (e2e/xss.spec.ts, 110+
// hostile payloads each); here a stand-in plays the browser's sanitizer, to test our side of it.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALLOWED_ATTR, ALLOWED_TAGS } from './allow-list.ts';

type SetHTML = (this: Element, html: string, options: { sanitizer: { elements: string[] } }) => void;
const proto = Element.prototype as unknown as { setHTML?: SetHTML };
/** A stand-in for Chromium's setHTML: passes the probe, then drops <img> and <span> but keeps its text. */
const honouring: SetHTML = function (html) {
  this.innerHTML = html.includes('title="t"') ? '<b>a</b>b' : html.replace(/<img[^>]*>|<\/?span>/g, '');
};

/** The modules as a fresh page loads them (the sanitizer is chosen once per page). */
async function freshPage(setHTML: SetHTML | undefined, preload = true) {
  vi.resetModules();
  if (setHTML) proto.setHTML = setHTML;
  const purified = vi.fn((el: Element, html: string) => {
    el.textContent = `purified: ${html}`;
  });
  vi.doMock('./purify.ts', () => ({ purifyInto: purified }));
  const { CommentBody } = await import('../components/CommentBody.tsx');
  const formatter = await import('./formatter.ts');
  if (preload) await formatter.loadHtmlBody();
  const host = document.createElement('div');
  const show = (html: string) => {
    render(<CommentBody text={html} format="html" />, host);
    return host.querySelector<HTMLElement>('.tl-body')!;
  };
  return { show, purified, formatter };
}

afterEach(() => {
  delete proto.setHTML;
  vi.doUnmock('./purify.ts');
});

describe('adapter HTML', () => {
  it("goes through the browser's sanitizer with the allow-list, and DOMPurify is not loaded", async () => {
    const calls: unknown[] = [];
    const { show, purified } = await freshPage(function (html, o) {
      calls.push(o.sanitizer);
      honouring.call(this, html, o);
    });
    expect(show('<span>x<img src=x onerror=alert(1)></span>').innerHTML).toBe('x');
    expect(calls.at(-1)).toMatchObject({ elements: ALLOWED_TAGS, attributes: ALLOWED_ATTR, comments: false });
    expect(purified).not.toHaveBeenCalled();
  });
  it('links keep only web and mail hrefs, and get a fixed rel and target (javascript: by entity, data:, rel from the input)', async () => {
    const { show } = await freshPage(honouring);
    const body = show(
      '<a href="&#106;avascript:alert(1)">j</a><a href=" data:text/html,x">d</a><a href="https://a.example" rel="opener" target="_self">w</a><a href="MAILTO:e@a.example">m</a>',
    );
    const rel = 'rel="nofollow ugc noopener noreferrer" target="_blank"';
    expect(body.innerHTML).toBe(`<a>j</a><a>d</a><a href="https://a.example" ${rel}>w</a><a href="MAILTO:e@a.example" ${rel}>m</a>`);
  });
  it('is not trusted to an Element.setHTML that ignores the allow-list (an earlier draft of the API): DOMPurify instead', async () => {
    const { show, purified } = await freshPage(function (html) {
      this.innerHTML = html;
    });
    expect(show('<img src=x onerror=alert(1)>').textContent).toBe('purified: <img src=x onerror=alert(1)>');
    expect(purified).toHaveBeenCalledOnce();
  });
  it('without Element.setHTML goes through DOMPurify', async () => {
    const { show, purified } = await freshPage(undefined);
    expect(show('<b>x</b>').textContent).toBe('purified: <b>x</b>');
    expect(purified).toHaveBeenCalledOnce();
  });
  it('is redrawn when it changes, and kept when the comment re-renders', async () => {
    const { show } = await freshPage(honouring);
    expect(show('<p>x</p>').innerHTML).toBe('<p>x</p>');
    expect(show('<p>x</p>').innerHTML).toBe('<p>x</p>');
    expect(show('<p>y</p>').innerHTML).toBe('<p>y</p>');
  });
  it('an HTML body that comes after the page loaded (a stored copy, a live comment) loads the chunk itself', async () => {
    const { show } = await freshPage(honouring, false);
    expect(show('<p>x</p>').getAttribute('aria-busy')).toBe('true');
    await vi.waitFor(() => expect(show('<p>x</p>').innerHTML).toBe('<p>x</p>'));
  });
  it('shows nothing of the HTML until the sanitizer is there', async () => {
    const { show, formatter } = await freshPage(honouring);
    formatter.htmlFiller.value = null;
    const body = show('<b>x</b>');
    expect(body.innerHTML).toBe('');
    expect(body.getAttribute('aria-busy')).toBe('true');
  });
});
