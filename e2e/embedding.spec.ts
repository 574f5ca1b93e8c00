import type { Page } from '@playwright/test';
import { expect, openHostPage, postTopLevel, test } from './fixtures.ts';
import type { Stack } from './stack.ts';

/** openHostPage with head and headers as trailing arguments, as these tests read best. */
const hostPage = (page: Page, stack: Stack, path: string, body: string, head = '', headers?: Record<string, string>) =>
  openHostPage(page, stack, path, body, { head, ...(headers ? { headers } : {}) });

const seedCount = (page: Page) => expect(page.locator('.tl-heading')).toHaveText('19 comments');

test.describe('embedding', () => {
  test('data-thread picks the thread whatever the page path', async ({ page, stack }) => {
    await hostPage(
      page,
      stack,
      '/some/other/path',
      `<script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="/news/westport-police-address-immigration-raid-fears" async></script>`,
    );
    await seedCount(page);
  });

  test('without data-thread the canonical link’s path is the thread key', async ({ page, stack }) => {
    await hostPage(
      page,
      stack,
      '/amp/story?utm_source=x',
      `<script src="${stack.api}/embed.js" data-api="${stack.api}" async></script>`,
      `<link rel="canonical" href="https://www.ledger.example/news/westport-police-address-immigration-raid-fears">`,
    );
    await seedCount(page);
  });

  test('without either, location.pathname is the thread key, and posts land there', async ({ page, stack }) => {
    await hostPage(page, stack, '/blog/post-1', `<script src="${stack.api}/embed.js" data-api="${stack.api}" async></script>`);
    await expect(page.locator('.tl-heading')).toHaveText('0 comments');
    await postTopLevel(page, 'First on this post');
    await expect(page.locator('.tl-heading')).toHaveText('1 comment');
    const res = await page.request.get(`${stack.api}/api/comments?thread=%2Fblog%2Fpost-1`);
    expect(((await res.json()) as { comments: { body: string }[] }).comments.map((c) => c.body)).toEqual(['First on this post']);
  });

  test('data-target mounts into the named element, even one parsed after the tag', async ({ page, stack }) => {
    await hostPage(
      page,
      stack,
      '/target',
      `<p>Story</p><script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="/news/westport-police-address-immigration-raid-fears" data-target="#discussion"></script><aside><div id="discussion"></div></aside>`,
    );
    await seedCount(page);
    expect(await page.evaluate(() => document.querySelector('#discussion > threadline-comments > threadline-root')?.shadowRoot?.mode)).toBe(
      'open',
    );
  });

  test('a tag in <head> mounts at the end of the body', async ({ page, stack }) => {
    await hostPage(
      page,
      stack,
      '/head',
      `<main><p>Story</p></main>`,
      `<script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="/news/westport-police-address-immigration-raid-fears" async></script>`,
    );
    await seedCount(page);
    expect(await page.evaluate(() => document.body.lastElementChild?.tagName)).toBe('THREADLINE-COMMENTS');
  });

  test('the <threadline-comments> element works on its own, and reacts to a new thread attribute', async ({ page, stack }) => {
    await hostPage(
      page,
      stack,
      '/element',
      `<threadline-comments api="${stack.api}" thread="/news/westport-police-address-immigration-raid-fears"></threadline-comments><script src="${stack.api}/embed.js" async></script>`,
    );
    await seedCount(page);
    await expect(page.locator('threadline-root')).toHaveCount(1);
    await page.evaluate(() => document.querySelector('threadline-comments')!.setAttribute('thread', '/elsewhere'));
    await expect(page.locator('.tl-heading')).toHaveText('0 comments');
    await expect(page.locator('threadline-root')).toHaveCount(1);
    // Removing the element tears the widget down.
    await page.evaluate(() => document.querySelector('threadline-comments')!.remove());
    await expect(page.locator('threadline-root')).toHaveCount(0);
  });

  test('mount() from the ES module, mounting twice is harmless, unmount() restores the page', async ({ page, stack }) => {
    await hostPage(page, stack, '/module', `<div id="c"><p class="fallback">Comments load here.</p></div>`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.evaluate(async (api) => {
      const m = await import(`${api}/threadline.js`);
      const el = document.querySelector('#c')!;
      m.mount(el, { api, thread: '/news/westport-police-address-immigration-raid-fears' });
      (window as unknown as { tl: unknown }).tl = m.mount(el, { api, thread: '/news/westport-police-address-immigration-raid-fears' });
    }, stack.api);
    await seedCount(page);
    await expect(page.locator('threadline-root')).toHaveCount(1);
    await expect(page.locator('.fallback')).toBeVisible();
    await page.evaluate(() => (window as unknown as { tl: { unmount(): void } }).tl.unmount());
    await expect(page.locator('threadline-root')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  });

  test('works under a strict Content-Security-Policy that allows only the threadline server', async ({ page, stack }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const csp = `default-src 'none'; script-src ${stack.api}; connect-src ${stack.api}; style-src 'self'; img-src 'self'`;
    await hostPage(
      page,
      stack,
      '/csp',
      `<script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="/news/westport-police-address-immigration-raid-fears" async></script>`,
      '',
      { 'Content-Security-Policy': csp },
    );
    await seedCount(page);
    await postTopLevel(page, 'Posted under a strict CSP', 'Ann');
    await expect(page.getByText('Posted under a strict CSP')).toBeVisible();
    // The stylesheet and the per-author avatar colours both applied.
    // The avatar is the comment's ::before, coloured by its --tl-avatar-hue.
    const avatar = (id: string) =>
      page.locator(`article[data-comment-id="${id}"]`).evaluate((el) => {
        const cs = getComputedStyle(el, '::before');
        return { radius: cs.borderTopLeftRadius, background: cs.backgroundColor };
      });
    const styles = await avatar('c2');
    expect(styles.radius).toBe('50%');
    expect(styles.background).not.toBe((await avatar('c3')).background);
    expect(violations).toEqual([]);
  });

  test('embed.js costs the page one small script until the widget module is needed', async ({ page, stack }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await hostPage(page, stack, '/plain', `<p>No comments here</p><script src="${stack.api}/embed.js"></script>`);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual(['/embed.js']);
  });
});
