import { commentById, embedTag, expect, openArticle, openHostPage, postViaApi, SEED_PATH, test } from './fixtures.ts';

const topLevelIds = (page: import('@playwright/test').Page) =>
  page.locator('section.tl > ol > li > article').evaluateAll((els) => els.map((e) => e.getAttribute('data-comment-id')));

test.describe('finding your way in a thread', () => {
  test('the reader’s sort order applies at once and is remembered on the next visit', async ({ page, stack }) => {
    await openArticle(page, stack);
    expect((await topLevelIds(page))[0]).toBe('c1');
    await page.getByLabel('Sort by').selectOption('newest');
    await expect.poll(() => topLevelIds(page)).toEqual(['c19', 'c14', 'c13', 'c11', 'c10', 'c5', 'c1']);
    await page.reload();
    await expect(page.getByLabel('Sort by')).toHaveValue('newest');
    await expect.poll(() => topLevelIds(page)).toEqual(['c19', 'c14', 'c13', 'c11', 'c10', 'c5', 'c1']);
    await page.getByLabel('Sort by').selectOption('replies');
    // c5 and c14 have 4 replies each (c5 is older, so first), c1 has 3, c11 has 1, the rest none.
    await expect.poll(() => topLevelIds(page)).toEqual(['c5', 'c14', 'c1', 'c11', 'c10', 'c13', 'c19']);
  });

  test('a sub-thread collapses and expands, saying how many replies are hidden', async ({ page, stack }) => {
    await openArticle(page, stack);
    const c14 = commentById(page, 'c14');
    const toggle = c14.getByRole('button', { name: 'Hide 4 replies' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(commentById(page, 'c15')).toHaveCount(0);
    await expect(commentById(page, 'c18')).toHaveCount(0);
    const show = c14.getByRole('button', { name: 'Show 4 replies' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('article.tl-comment')).toHaveCount(15);
    await show.click();
    await expect(commentById(page, 'c16')).toBeVisible();
  });

  test('nesting deeper than data-max-depth is listed flat with "replying to NAME"', async ({ page, stack }) => {
    await openHostPage(page, stack, '/depth', embedTag(stack.api, { thread: SEED_PATH, 'max-depth': '2' }));
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    // c14 → c15 (Richard Fogel) → c16, c17: at two levels, all four replies share one list.
    const items = page.locator('li#comment-c14 > ol > li > article');
    await expect(items).toHaveCount(4);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-comment-id')))).toEqual(['c15', 'c16', 'c17', 'c18']);
    await expect(commentById(page, 'c16').locator('.tl-reply-to')).toHaveText('replying to Richard Fogel');
    await expect(commentById(page, 'c15').locator('.tl-reply-to')).toHaveCount(0);
    await expect(page.locator('li#comment-c14 ol ol')).toHaveCount(0);
    // The true depth is kept for screen readers.
    await expect(commentById(page, 'c16')).toHaveAttribute('data-depth', '2');
    await expect(commentById(page, 'c16')).toHaveAccessibleName(/Reply to Richard Fogel, level 3/);
  });

  test('a #comment link scrolls to the comment and highlights it', async ({ page, stack }) => {
    await page.goto(`${stack.site}${SEED_PATH}#comment-c17`);
    const c17 = commentById(page, 'c17');
    await expect(c17).toHaveClass(/tl-comment-target/);
    await expect(c17).toBeFocused();
    await expect(c17).toBeInViewport();
    // Clicking another comment's time link moves there.
    await commentById(page, 'c2').locator('a.tl-time').click();
    await expect(commentById(page, 'c2')).toHaveClass(/tl-comment-target/);
    await expect(c17).not.toHaveClass(/tl-comment-target/);
    expect(new URL(page.url()).hash).toBe('#comment-c2');
  });

  test('a #comment link to a reply on a later page still opens it', async ({ page, stack }) => {
    const roots = await postViaApi(
      page,
      stack.api,
      Array.from({ length: 8 }, (_, i) => ({ thread: '/long', body: `Root ${i}` })),
    );
    const [deep] = await postViaApi(page, stack.api, [
      { thread: '/long', parentId: roots[7]!, body: 'The reply a link points at', name: 'Lena' },
    ]);
    stack.pages.set('/long', {
      html: `<!doctype html><html lang="en"><body><p>Story</p>${embedTag(stack.api, { thread: '/long', 'page-size': '3' })}</body></html>`,
    });
    await page.goto(`${stack.site}/long#comment-${deep}`);
    await expect(commentById(page, deep!)).toHaveClass(/tl-comment-target/);
    await expect(commentById(page, deep!)).toBeInViewport();
    await expect(commentById(page, roots[7]!)).toBeVisible();
  });

  test('big threads come in pages: "Show more comments" loads the rest', async ({ page, stack }) => {
    const roots = await postViaApi(
      page,
      stack.api,
      Array.from({ length: 7 }, (_, i) => ({ thread: '/paged', body: `Root ${i}` })),
    );
    await postViaApi(page, stack.api, [{ thread: '/paged', parentId: roots[0]!, body: 'Reply on page one' }]);
    await openHostPage(page, stack, '/paged', embedTag(stack.api, { thread: '/paged', 'page-size': '3' }));
    await expect(page.locator('.tl-heading')).toHaveText('8 comments');
    await expect(page.locator('section.tl > ol > li')).toHaveCount(3);
    await expect(page.getByText('Reply on page one')).toBeVisible();
    const more = page.getByRole('button', { name: 'Show more comments' });
    await more.click();
    await expect(page.locator('section.tl > ol > li')).toHaveCount(6);
    await more.click();
    await expect(page.locator('section.tl > ol > li')).toHaveCount(7);
    await expect(more).toHaveCount(0);
    expect(await topLevelIds(page)).toEqual(roots);
  });

  test('times read "N years ago", with the exact date on hover and in datetime', async ({ page, stack }) => {
    await openArticle(page, stack);
    const time = commentById(page, 'c1').locator('a.tl-time');
    await expect(time).toHaveText(/\d+ years ago/);
    await expect(time).toHaveAttribute('title', /July 17, 2019/);
    await expect(time.locator('time')).toHaveAttribute('datetime', '2019-07-17T13:05:00.000Z');
  });

  test('index pages get all their comment counts in one request', async ({ page, stack }) => {
    const countRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/counts')) countRequests.push(r.url());
    });
    await openHostPage(
      page,
      stack,
      '/index',
      `<ul><li><a href="#">Westport</a> <span data-threadline-count="${SEED_PATH}">…</span></li>
       <li><a href="#">Library</a> <span data-threadline-count="/news/library-extends-weekend-hours">…</span></li>
       <li lang="de"><span data-threadline-count="${SEED_PATH}">…</span></li></ul>
       <script src="${stack.api}/embed.js" async></script>`,
    );
    const counts = page.locator('[data-threadline-count]');
    await expect(counts.nth(0)).toHaveText('19 comments');
    await expect(counts.nth(1)).toHaveText('0 comments');
    await expect(counts.nth(2)).toHaveText('19 Kommentare');
    expect(countRequests).toHaveLength(1);
    // An index page without a comment section never loads the widget itself: only German's words.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(loaded.filter((p) => p.includes('threadline'))).toEqual([expect.stringMatching(/^\/threadline-de-[\w-]{8}\.js$/)]);
  });

  test('counts speak each element’s language, with its plural forms and region', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/index-ar',
      `<p><span data-threadline-count="${SEED_PATH}">…</span> · <span data-threadline-count="/none">…</span></p>
       <p lang="pl"><span data-threadline-count="${SEED_PATH}">…</span></p>
       <p lang="zh-TW"><span data-threadline-count="${SEED_PATH}">…</span></p>
       <p lang="en"><span data-threadline-count="${SEED_PATH}">…</span></p>
       <script src="${stack.api}/embed.js" async></script>`,
      { lang: 'ar' },
    );
    const counts = page.locator('[data-threadline-count]');
    // Arabic: 19 takes the "many" form, 0 its own words; digits as Arabic readers write them.
    await expect(counts.nth(0)).toHaveText(`${(19).toLocaleString('ar')} تعليقًا`);
    await expect(counts.nth(1)).toHaveText('لا توجد تعليقات');
    await expect(counts.nth(2)).toHaveText('19 komentarzy');
    await expect(counts.nth(3)).toHaveText('19 則留言');
    await expect(counts.nth(4)).toHaveText('19 comments');
  });
});

test.describe('every reader', () => {
  test('data-lang picks the language, with its plurals', async ({ page, stack }) => {
    await openHostPage(page, stack, '/de', embedTag(stack.api, { thread: SEED_PATH, lang: 'de' }));
    await expect(page.locator('.tl-heading')).toHaveText('19 Kommentare');
    await expect(commentById(page, 'c1').getByRole('button', { name: 'Anonym antworten' })).toBeVisible();
    await expect(commentById(page, 'c1').locator('a.tl-time')).toHaveText(/vor \d+ Jahren/);
    await expect(page.getByRole('button', { name: 'Kommentar senden' })).toBeVisible();
  });

  test('the page’s lang picks the language when data-lang is absent', async ({ page, stack }) => {
    await openHostPage(page, stack, '/ja', embedTag(stack.api, { thread: SEED_PATH }), { lang: 'ja' });
    await expect(page.locator('.tl-heading')).toHaveText('コメント 19 件');
    await expect(commentById(page, 'c1').locator('.tl-author')).toHaveText('匿名');
  });

  for (const lang of ['es', 'fr', 'pt'] as const) {
    test(`${lang}: the count and the post button are translated`, async ({ page, stack }) => {
      const expected = {
        es: ['19 comentarios', 'Publicar comentario'],
        fr: ['19 commentaires', 'Publier le commentaire'],
        pt: ['19 comentários', 'Publicar comentário'],
      }[lang];
      await openHostPage(page, stack, `/${lang}`, embedTag(stack.api, { thread: SEED_PATH, lang }));
      await expect(page.locator('.tl-heading')).toHaveText(expected[0]!);
      await expect(page.getByRole('button', { name: expected[1]! })).toBeVisible();
    });
  }

  test('Arabic is laid out right to left', async ({ page, stack }) => {
    await openHostPage(page, stack, '/ar', embedTag(stack.api, { thread: SEED_PATH, lang: 'ar' }), { lang: 'ar' });
    await expect(page.locator('section.tl')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.tl-heading')).toHaveText(/تعليق/);
    // The avatar (the comment's ::before) starts the line on the right: the name ends left of it.
    const author = await commentById(page, 'c2').locator('.tl-author').boundingBox();
    const body = await commentById(page, 'c2').locator('.tl-body').boundingBox();
    expect(author!.x + author!.width).toBeGreaterThan(body!.x + body!.width - 200);
    expect(author!.x + author!.width).toBeLessThan(body!.x + body!.width);
    // A reader's English stays English: the short paragraph "Ugh" starts on the left, not the right.
    const ugh = commentById(page, 'c2').locator('.tl-body p', { hasText: /^Ugh/ });
    const [line, para] = await ugh.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      return [range.getBoundingClientRect().left, p.getBoundingClientRect().left];
    });
    expect(line! - para!).toBeLessThan(4);
  });
});
