import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { quoteLabel } from '../widget/src/protocol/anchor-text.ts';
import type { AnchorsResponse, Comment, ThreadResponse } from '../widget/src/protocol/types.ts';
import { commentByText, embedTag, expect, openHostPage, SEED_PATH, selectText, test } from './fixtures.ts';
import type { Stack } from './stack.ts';

const seed = JSON.parse(fs.readFileSync(new URL('../server-stub/fixtures/westport-thread.json', import.meta.url), 'utf8')) as {
  article: { title: string; paragraphs: string[] };
};
const PARAGRAPHS = seed.article.paragraphs;
/** Paragraph indexes of the demo's anchored seed comments: Chief (c10, c13), affiliation (c5 + 4 replies), Trust Act (c11 + 1). */
const CHIEF = 2;
const AFFILIATION = 3;
const TRUST = 4;

/** The marker of paragraph `i` (Playwright's CSS pierces the layer's shadow root). */
const marker = (page: Page, i: number): Locator => page.locator(`threadline-inline .tl-inline-marker[data-block="${i}"]`);
const panel = (page: Page): Locator => page.getByRole('dialog', { name: 'Comments on this paragraph' });

/** Opens the demo article (inline comments on) and waits for the markers' counts. */
async function openInline(page: Page, stack: Stack, path = SEED_PATH): Promise<void> {
  await page.goto(`${stack.site}${path}`);
  await expect(marker(page, AFFILIATION)).toHaveAccessibleName(/5 comments/);
}

/** The thread as the API has it. */
async function apiThread(page: Page, stack: Stack): Promise<Comment[]> {
  const res = await page.request.get(`${stack.api}/api/comments?thread=${encodeURIComponent(SEED_PATH)}`);
  return ((await res.json()) as ThreadResponse).comments;
}

/** A copy of the demo article with edited paragraphs, on the same thread, inline comments on. */
function editedArticle(stack: Stack, path: string, paragraphs: string[]): void {
  stack.pages.set(path, {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.article.title}</title></head><body>
      <article class="story"><h1>${seed.article.title}</h1><div class="story-body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></article>
      ${embedTag(stack.api, { thread: SEED_PATH, inline: '.story-body p' })}</body></html>`,
  });
}

test.describe('inline comments on the article itself', () => {
  test('paragraphs with comments show a marker with their count; others only on hover', async ({ page, stack }) => {
    await openInline(page, stack);
    await expect(marker(page, CHIEF)).toHaveAccessibleName('Comments on paragraph 3: 2 comments');
    await expect(marker(page, CHIEF)).toHaveText('2');
    await expect(marker(page, TRUST)).toHaveAccessibleName(/2 comments/);
    await expect(page.locator('threadline-inline .tl-inline-marker')).toHaveCount(PARAGRAPHS.length);
    // The others are there for keyboards and hover, but not shown until then.
    const quiet = marker(page, 0);
    await expect(quiet).toHaveAccessibleName('Comment on paragraph 1');
    await expect(quiet).toHaveCSS('opacity', '0');
    await page.locator('.story-body p').nth(0).hover();
    await expect(quiet).toHaveCSS('opacity', '1');
    // Markers sit beside their paragraph (in the margin on a wide screen).
    const p = (await page.locator('.story-body p').nth(TRUST).boundingBox())!;
    const m = (await marker(page, TRUST).boundingBox())!;
    expect(m.x).toBeGreaterThanOrEqual(p.x + p.width);
    expect(Math.abs(m.y - p.y)).toBeLessThan(12);
  });

  test('a marker opens the paragraph’s thread beside it; a comment posted there is anchored to the paragraph', async ({ page, stack }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openInline(page, stack);
    await marker(page, CHIEF).click();
    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('article.tl-comment')).toHaveCount(2);
    await expect(dialog).toContainText('I am extremely proud of our Chief of Police!');
    await expect(dialog).toContainText('Foti Koskinas wanted the job');
    // Beside the paragraph: to its right, level with it.
    const p = (await page.locator('.story-body p').nth(CHIEF).boundingBox())!;
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThan(p.x + p.width);
    expect(Math.abs(box.y - p.y)).toBeLessThan(4);

    await dialog.getByLabel('Your comment').fill('A first-generation chief matters here.');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await expect(dialog.locator('article.tl-comment')).toHaveCount(3);
    await expect(marker(page, CHIEF)).toHaveAccessibleName(/3 comments/);
    const stored = (await apiThread(page, stack)).find((c) => c.body === 'A first-generation chief matters here.')!;
    expect(stored.anchor).toMatchObject({ type: 'paragraph', exact: PARAGRAPHS[CHIEF] });

    // In the thread under the article, with the passage above it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    const below = commentByText(page, 'A first-generation chief matters here.');
    await expect(below.locator('.tl-anchor')).toHaveText(/^on: “Chief Foti Koskinas would like to reassure/);
  });

  test('selected text gets a Comment button; the comment is anchored to that exact quote, highlighted while open', async ({
    page,
    stack,
  }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await openInline(page, stack);
    await selectText(page, TRUST, 'Immigration and Customs Enforcement detainer request');
    const button = page.getByRole('button', { name: 'Comment on the selected text' });
    await expect(button).toBeVisible();
    await button.click();
    const dialog = panel(page);
    await expect(dialog.locator('.tl-inline-quote')).toContainText('“Immigration and Customs Enforcement detainer request”');
    // The composer is ready to type in; the quote is highlighted over the text.
    await expect(dialog.getByLabel('Your comment')).toBeFocused();
    const highlights = page.locator('threadline-inline .tl-inline-highlight');
    await expect(highlights.first()).toBeVisible();
    const words = await page
      .locator('.story-body p')
      .nth(TRUST)
      .evaluate((el) => {
        const node = el.firstChild!;
        const at = node.textContent!.indexOf('Immigration and Customs');
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 'Immigration'.length);
        return r.getBoundingClientRect().toJSON() as DOMRect;
      });
    const boxes = await highlights.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.some((b) => Math.abs(b.x - words.x) < 2 && Math.abs(b.y - words.y) < 2)).toBe(true);

    await page.keyboard.type('Detainers are federal requests, not warrants.');
    await page.keyboard.press('Control+Enter');
    await expect(dialog.locator('article.tl-comment', { hasText: 'Detainers are federal requests' })).toBeVisible();
    // What shows at once is the optimistic copy: the server has it a moment later.
    const stored = async () => (await apiThread(page, stack)).find((c) => c.body.startsWith('Detainers'))?.anchor;
    await expect.poll(stored).toMatchObject({
      type: 'quote',
      exact: 'Immigration and Customs Enforcement detainer request',
      suffix: expect.stringMatching(/^\./),
    });
    await expect(marker(page, TRUST)).toHaveAccessibleName(/3 comments/);

    // Below the article: "on: …quote…", a way back to the passage that opens its thread.
    await page.keyboard.press('Escape');
    const below = commentByText(page, 'Detainers are federal requests');
    await below.scrollIntoViewIfNeeded();
    const link = below.getByRole('button', { name: /^on: “…Immigration and Customs Enforcement detainer request…”/ });
    await expect(link).toBeVisible();
    await link.click();
    await expect(panel(page)).toBeVisible();
    await expect(page.locator('.story-body p').nth(TRUST)).toBeInViewport();
  });

  test('the seed’s anchored comments show their passage in the thread; the filter shows only inline ones', async ({ page, stack }) => {
    await openInline(page, stack);
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.locator('threadline-root article[data-comment-id="c11"] .tl-anchor')).toHaveText('on: “…Connecticut Trust Act…”');
    // A paragraph is named by its opening words (cut between words), not by pieces of its start and end.
    const opening = quoteLabel({ type: 'paragraph', exact: PARAGRAPHS[CHIEF]! });
    expect(opening).toMatch(/^Chief Foti Koskinas .* [\p{L},]+…$/u);
    expect(PARAGRAPHS[CHIEF]!.startsWith(opening.slice(0, -1))).toBe(true);
    await expect(page.locator('threadline-root article[data-comment-id="c10"] .tl-anchor')).toHaveText(`on: “${opening}”`);
    await expect(page.locator('threadline-root article.tl-comment')).toHaveCount(19);
    await page.getByRole('combobox', { name: 'Show' }).selectOption('inline');
    // c5, c10, c11, c13 and their replies.
    await expect(page.locator('threadline-root article.tl-comment')).toHaveCount(4 + 4 + 1);
    await expect(page.locator('threadline-root article[data-comment-id="c1"]')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
    await expect(page.locator('threadline-root article.tl-comment')).toHaveCount(19);
  });

  test('keyboard: markers are buttons in the tab order; the panel holds focus, Escape closes it and focus returns', async ({
    page,
    stack,
  }) => {
    await openInline(page, stack);
    await marker(page, AFFILIATION).focus();
    await expect(marker(page, AFFILIATION)).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = panel(page);
    await expect(dialog).toBeFocused();
    await expect(dialog.locator('article.tl-comment')).toHaveCount(5);
    // Tab goes round inside the panel, never out to the page.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      const inside = await dialog.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement));
      expect(inside, `focus after ${i + 1} Tab presses`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(marker(page, AFFILIATION)).toBeFocused();
    await expect(marker(page, AFFILIATION)).toHaveAttribute('aria-expanded', 'false');
  });

  test('axe-core finds no violations with a panel open', async ({ page, stack }) => {
    await openInline(page, stack);
    await marker(page, TRUST).click();
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(2);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a good guest: the article’s text, elements, boxes, selection and copy are as without the widget', async ({ page, stack }) => {
    const measure = () =>
      page.locator('article.story').evaluate((article) => ({
        html: article.innerHTML,
        // The rendered text (layout-dependent on purpose: what a reader sees and copies).
        // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is under test
        text: (article as HTMLElement).innerText,
        elements: article.querySelectorAll('*').length,
        boxes: [...article.querySelectorAll('p')].map((p) => p.getBoundingClientRect().toJSON() as DOMRect),
        parents: [...article.querySelectorAll('.story-body p')].every((p) => p.parentElement!.className === 'story-body'),
      }));
    await page.setViewportSize({ width: 1280, height: 900 });
    // Without the widget: the same page with the script tag's API unreachable is not the same
    // page; strip the tag instead.
    await page.route(`${stack.site}${SEED_PATH}`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace(/<script src="[^"]*embed\.js"[^>]*><\/script>/, '') });
    });
    await page.goto(`${stack.site}${SEED_PATH}`);
    const without = await measure();
    await page.unroute(`${stack.site}${SEED_PATH}`);

    await openInline(page, stack);
    expect(await measure()).toEqual(without);
    await marker(page, TRUST).click();
    await expect(panel(page)).toBeVisible();
    expect(await measure()).toEqual(without);
    await page.keyboard.press('Escape');

    // Selection and copy work as on any page: the reader's selection is theirs.
    await selectText(page, AFFILIATION, 'actively participating');
    await expect(page.getByRole('button', { name: 'Comment on the selected text' })).toBeVisible();
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('actively participating');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('actively participating');
    // Scrolling is the page's own: nothing locks it.
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  });

  test('anchors survive edits of the article: a word changed, a paragraph inserted above, a paragraph removed', async ({ page, stack }) => {
    // One word changed inside the quoted paragraph (a correction).
    const changed = PARAGRAPHS.map((p, i) => (i === TRUST ? p.replace('clearly defines', 'precisely defines') : p));
    editedArticle(stack, '/edit-word', changed);
    await page.goto(`${stack.site}/edit-word`);
    await expect(marker(page, TRUST)).toHaveAccessibleName(/2 comments/);
    await expect(marker(page, CHIEF)).toHaveAccessibleName(/2 comments/);

    // A paragraph inserted above: every passage moves down one.
    editedArticle(stack, '/edit-insert', [
      PARAGRAPHS[0]!,
      'Update, July 18: the first selectman has added a statement of support.',
      ...PARAGRAPHS.slice(1),
    ]);
    await page.goto(`${stack.site}/edit-insert`);
    await expect(marker(page, AFFILIATION + 1)).toHaveAccessibleName(/5 comments/);
    await expect(marker(page, TRUST + 1)).toHaveAccessibleName(/2 comments/);
    await expect(marker(page, CHIEF + 1)).toHaveAccessibleName(/2 comments/);
    await expect(marker(page, CHIEF)).toHaveAccessibleName('Comment on paragraph 3');

    // The Trust Act paragraph removed: its comment is not lost, it shows as on a changed passage.
    editedArticle(
      stack,
      '/edit-remove',
      PARAGRAPHS.filter((_, i) => i !== TRUST),
    );
    await page.goto(`${stack.site}/edit-remove`);
    await expect(marker(page, AFFILIATION)).toHaveAccessibleName(/5 comments/);
    await expect(page.locator('threadline-inline .tl-inline-marker:not(.tl-inline-marker-empty)')).toHaveCount(2);
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    const c11 = page.locator('threadline-root article[data-comment-id="c11"]');
    await expect(c11.locator('.tl-anchor')).toHaveText('On a passage that has since changed: “…Connecticut Trust Act…”');
    await expect(c11.locator('.tl-anchor button')).toHaveCount(0);
    await expect(page.locator('threadline-root article[data-comment-id="c12"]')).toBeVisible();
  });

  test('links inside a paragraph still work, and a quote may run across one', async ({ page, stack }) => {
    const withLink = PARAGRAPHS.map((p, i) =>
      i === 5 ? p.replace('Click here', '<a href="#original-legislation">Click <em>here</em></a>') : p,
    );
    editedArticle(stack, '/with-link', withLink);
    await page.goto(`${stack.site}/with-link`);
    await expect(marker(page, TRUST)).toHaveAccessibleName(/2 comments/);
    await page.getByRole('link', { name: 'Click here' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#original-legislation');

    // Select from the plain text before the link into the emphasis inside it.
    await page
      .locator('.story-body p')
      .nth(5)
      .evaluate((el) => {
        const before = el.firstChild!;
        const inside = el.querySelector('em')!.firstChild!;
        const range = document.createRange();
        range.setStart(before, before.textContent!.indexOf('conditions.'));
        range.setEnd(inside, 2);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
    await page.getByRole('button', { name: 'Comment on the selected text' }).click();
    await expect(panel(page).locator('.tl-inline-quote')).toContainText('“conditions. Click he”');
    await panel(page).getByLabel('Your comment').fill('Where is the link to the original?');
    await panel(page).getByRole('button', { name: 'Post comment' }).click();
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(1);
    const stored = (await apiThread(page, stack)).find((c) => c.body === 'Where is the link to the original?')!;
    expect(stored.anchor).toMatchObject({ type: 'quote', exact: 'conditions. Click he' });
    await expect(marker(page, 5)).toHaveAccessibleName(/1 comment$/);
  });

  test('under a strict CSP, from mount() with unmount() restoring the page, and with a selector the browser rejects', async ({
    page,
    stack,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const story = `<article><h1>${seed.article.title}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article><div id="c"></div>`;
    await openHostPage(page, stack, '/inline-csp', story, {
      headers: { 'Content-Security-Policy': `default-src 'none'; script-src ${stack.api}; connect-src ${stack.api}; style-src 'self'` },
    });
    const before = await page.evaluate(() => document.body.innerHTML);
    // The page's CSP forbids inline scripts, so the test drives mount() from outside.
    await page.evaluate(
      async ({ api, thread }) => {
        const m = await import(`${api}/threadline.js`);
        (window as unknown as { tl: unknown }).tl = m.mount(document.querySelector('#c')!, { api, thread, inline: 'article p' });
      },
      { api: stack.api, thread: SEED_PATH },
    );
    // The article's first <p> is the statement line, as on the demo: the same blocks, the same counts.
    await expect(marker(page, TRUST)).toHaveAccessibleName(/2 comments/);
    await marker(page, TRUST).click();
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(2);
    await expect(page.locator('threadline-inline .tl-inline-highlight').first()).toBeVisible();
    expect(violations).toEqual([]);
    await page.evaluate(() => (window as unknown as { tl: { unmount(): void } }).tl.unmount());
    await expect(page.locator('threadline-inline')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);

    // A selector the browser rejects: no inline comments, the thread below still works.
    await openHostPage(page, stack, '/inline-bad-selector', `${story}${embedTag(stack.api, { thread: SEED_PATH, inline: 'p[' })}`);
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.locator('.tl-heading')).toHaveText(/19 comments/);
    await expect(page.locator('threadline-inline .tl-inline-marker')).toHaveCount(0);
  });

  test('in right-to-left text, markers and the panel sit in the left margin', async ({ page, stack }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    const story = `<article dir="rtl" style="max-width: 40rem; margin: 0 auto">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
    await openHostPage(page, stack, '/rtl', `${story}${embedTag(stack.api, { thread: SEED_PATH, inline: 'article p', lang: 'ar' })}`, {
      lang: 'ar',
    });
    await expect(marker(page, TRUST)).toHaveText('2');
    const p = (await page.locator('article p').nth(TRUST).boundingBox())!;
    const m = (await marker(page, TRUST).boundingBox())!;
    expect(m.x + m.width).toBeLessThanOrEqual(p.x);
    await marker(page, TRUST).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('article.tl-comment')).toHaveCount(2);
    const box = (await dialog.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(p.x);
    // The bar marking the open paragraph runs down its start side: the right.
    const bar = (await page.locator('threadline-inline .tl-inline-bar').boundingBox())!;
    expect(bar.x).toBeGreaterThanOrEqual(p.x + p.width);
  });

  test('a widget module that failed to load (a dropped connection) is fetched again when the reader opens a marker', async ({
    page,
    stack,
  }) => {
    let dropped = 0;
    await page.route(/\/threadline\.js$/, (route) => (dropped++ === 0 ? route.abort('connectionreset') : route.continue()));
    await openInline(page, stack);
    // The first fetch (the section near, or a pointer on a marker) fails; opening a marker tries again.
    await expect.poll(() => dropped).toBeGreaterThan(0);
    await marker(page, TRUST).click();
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(2);
    expect(dropped).toBe(2);
  });

  test('a killed server: the panel says so, the reader’s text survives a failed post and a reload, and posts once when back', async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    await openInline(page, stack);
    // The API serves the widget's modules here too: let the widget and the chunks a post needs arrive
    // before the server dies (a site serving them from a CDN keeps them whatever the API does).
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.locator('threadline-root article.tl-comment')).toHaveCount(19);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)))
      .toEqual(expect.arrayContaining([expect.stringMatching(/threadline-write-/), expect.stringMatching(/threadline-inline-layer-/)]));
    await page.evaluate(() => scrollTo(0, 0));
    await stack.killApi();
    await marker(page, TRUST).click();
    const dialog = panel(page);
    await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 30_000 });
    await dialog.getByLabel('Your comment').fill('Written while the server was down.');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    // The post's own failure, beside its form (the panel's failed load says so above it too).
    await expect(dialog.locator('form').getByRole('alert')).toContainText(/reach the comments server|had a problem|took too long/, {
      timeout: 30_000,
    });
    await expect(dialog.getByLabel('Your comment')).toHaveValue('Written while the server was down.');

    // The draft outlives the page; once the server is back, the same text posts once.
    await stack.startApi();
    await openInline(page, stack);
    await marker(page, TRUST).click();
    await expect(dialog.getByLabel('Your comment')).toHaveValue('Written while the server was down.');
    await expect(dialog.locator('article.tl-comment')).toHaveCount(2);
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await expect(dialog.locator('article.tl-comment', { hasText: 'Written while the server was down.' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
    expect((await apiThread(page, stack)).filter((c) => c.body === 'Written while the server was down.')).toHaveLength(1);
    await expect(marker(page, TRUST)).toHaveAccessibleName(/3 comments/);
  });

  test('on a phone the thread opens as a bottom sheet', async ({ browser, stack }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openInline(page, stack);
    await marker(page, TRUST).tap();
    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(800);
    expect(box.height).toBeLessThanOrEqual(800 * 0.75 + 1);
    // The paragraph is brought above the sheet.
    const p = (await page.locator('.story-body p').nth(TRUST).boundingBox())!;
    expect(p.y).toBeGreaterThanOrEqual(-1);
    expect(p.y).toBeLessThan(box.y);
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toBeHidden();
    await context.close();
  });

  test('live: a comment another reader posts on the open paragraph appears in the panel and in its count', async ({ page, stack }) => {
    await openInline(page, stack);
    await marker(page, TRUST).click();
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(2);
    const anchors = (
      (await (await page.request.get(`${stack.api}/api/anchors?thread=${encodeURIComponent(SEED_PATH)}`)).json()) as AnchorsResponse
    ).anchors;
    const trust = anchors.find((a) => a.anchor.exact === 'Connecticut Trust Act')!;
    const res = await page.request.post(`${stack.api}/api/comments`, {
      data: { thread: SEED_PATH, body: 'The Trust Act was updated in 2019.', anchor: trust.anchor },
    });
    expect(res.status()).toBe(201);
    await expect(panel(page).locator('article.tl-comment', { hasText: 'The Trust Act was updated in 2019.' })).toBeVisible();
    await expect(marker(page, TRUST)).toHaveAccessibleName(/3 comments/);
    // A comment on another paragraph stays out of this panel.
    const chief = anchors.find((a) => a.anchor.type === 'paragraph')!;
    await page.request.post(`${stack.api}/api/comments`, { data: { thread: SEED_PATH, body: 'About the chief.', anchor: chief.anchor } });
    await expect(marker(page, CHIEF)).toHaveAccessibleName(/3 comments/);
    await expect(panel(page).locator('article.tl-comment')).toHaveCount(3);
  });

  test('hostile quotes are text; a backend without anchors gets plain comments and no markers', async ({ page, stack }) => {
    const res = await page.request.post(`${stack.api}/api/comments`, {
      data: { thread: SEED_PATH, body: 'Quoting markup', anchor: { type: 'quote', exact: '<img src=x onerror="window.__owned=1">' } },
    });
    expect(res.status()).toBe(201);
    await openInline(page, stack);
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    const hostile = commentByText(page, 'Quoting markup');
    await expect(hostile.locator('.tl-anchor')).toContainText('<img src=x onerror="window.__owned=1">');
    await expect(hostile.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();

    await openHostPage(
      page,
      stack,
      '/plain-backend',
      `<article><p>Some story text to comment on.</p></article><div id="c"></div>
       <script type="module">
         const { mount } = await import('${stack.api}/threadline.js');
         const posted = [];
         mount(document.querySelector('#c'), {
           inline: 'article p',
           backend: {
             listThread: async (key) => ({ thread: { key, title: null, url: null, commentCount: posted.length }, comments: posted, nextCursor: null }),
             postComment: async (req) => {
               const comment = { id: 'p' + posted.length, thread: req.thread, parentId: null, author: { name: null }, body: req.body, createdAt: new Date().toISOString(), status: 'published' };
               posted.push(comment);
               window.__lastPost = req;
               return { comment };
             },
           },
         });
       </script>`,
    );
    await page.getByLabel('Your comment').fill('A plain comment');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(commentByText(page, 'A plain comment')).toBeVisible();
    await expect(page.locator('threadline-inline')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __lastPost: object }).__lastPost)).not.toHaveProperty('anchor');
    await expect(page.getByRole('combobox', { name: 'Show' })).toHaveCount(0);
  });
});
