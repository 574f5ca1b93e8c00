import { afterEach, describe, expect, it } from 'vitest';
import { loadBackend } from './load-backend.ts';

/** A page of the test DOM with these `<link>`s in its head. */
function pageWith(links: string): Document {
  document.head.innerHTML = links;
  return document;
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe('loadBackend (data-backend)', () => {
  it('leaves the default and unknown names to our own server', async () => {
    expect(await loadBackend('threadline', {})).toBeUndefined();
    expect(await loadBackend('disqus', { api: 'https://x.example' })).toBeUndefined();
  });

  it('gives WordPress a form that asks for name and email, and no votes, edits or deletions', async () => {
    const doc = pageWith(
      '<link rel="https://api.w.org/" href="https://news.example/wp-json/"><link rel="shortlink" href="https://news.example/?p=7">',
    );
    const backend = await loadBackend('wordpress', {}, doc);
    expect(backend?.requiresIdentity).toBe(true);
    expect([backend?.vote, backend?.editComment, backend?.deleteComment]).toEqual([undefined, undefined, undefined]);
    expect(typeof backend?.subscribe).toBe('function');
  });

  it.each([
    {
      title: 'WordPress on a page without a REST root',
      name: 'wordpress',
      links: '<link rel="shortlink" href="https://n.example/?p=7">',
      api: undefined,
    },
    {
      title: 'WordPress on a page that names no post',
      name: 'wordpress',
      links: '<link rel="https://api.w.org/" href="https://n.example/wp-json/">',
      api: undefined,
    },
    { title: 'static without data-api', name: 'static', links: '', api: undefined },
  ])('tells the reader what is missing for $title (every read fails with not_found)', async ({ name, links, api }) => {
    const backend = await loadBackend(name, { api }, pageWith(links));
    await expect(backend?.listThread('/story')).rejects.toMatchObject({ code: 'not_found' });
  });
});
