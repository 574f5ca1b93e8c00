import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { embedTag, expect, SEED_PATH, selectText, test } from './fixtures.ts';
import type { Stack } from './stack.ts';

/**
 * Issue 13: with data-inline, a page loads embed.js and the small marker layer, not the widget.
 * The widget (threadline.js and the inline chunk) comes when a reader opens a marker or the
 * "Comment" button over a selection, and opens on what they clicked.
 */
const seed = JSON.parse(fs.readFileSync(new URL('../server-stub/fixtures/westport-thread.json', import.meta.url), 'utf8')) as {
  article: { title: string; paragraphs: string[] };
};
const TRUST = 4;
const PATH = '/long-article';

const marker = (page: Page, i: number): Locator => page.locator(`threadline-inline .tl-inline-marker[data-block="${i}"]`);
const panel = (page: Page): Locator => page.getByRole('dialog', { name: 'Comments on this paragraph' });

/** The demo article with a long read after it: the comment section is far below the viewport. */
async function openLongArticle(page: Page, stack: Stack): Promise<string[]> {
  stack.pages.set(PATH, {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.article.title}</title></head><body>
      <article class="story"><h1>${seed.article.title}</h1><div class="story-body">${seed.article.paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
      <div style="height: 4000px">More to read</div></article>
      ${embedTag(stack.api, { thread: SEED_PATH, inline: '.story-body p' })}</body></html>`,
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.slice(1));
  });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${stack.site}${PATH}`);
  await expect(marker(page, TRUST)).toHaveAccessibleName('Comments on paragraph 5: 2 comments');
  return scripts;
}

const quote = 'Immigration and Customs Enforcement detainer request';

test.describe('inline comments: markers at load, the widget when a reader opens one', () => {
  test('at load only embed.js and the marker layer are fetched, within 12 KB gzip', async ({ page, stack }) => {
    const sizes = new Map<string, number>();
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') sizes.set(new URL(r.url()).pathname, gzipSync(await r.body(), { level: 9 }).length);
    });
    const scripts = await openLongArticle(page, stack);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual(['embed.js', expect.stringMatching(/^threadline-markers-[\w-]{8}\.js$/)]);
    await expect(page.locator('threadline-inline .tl-inline-marker')).toHaveCount(seed.article.paragraphs.length);
    await expect(marker(page, TRUST)).toHaveText('2');
    await expect.poll(() => sizes.size).toBe(2);
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12 * 1024);
  });

  test('opening a marker loads the widget and opens that paragraph’s comments, once', async ({ page, stack }) => {
    const scripts = await openLongArticle(page, stack);
    expect(scripts).not.toContain('threadline.js');
    const before = (await marker(page, TRUST).boundingBox())!;
    await marker(page, TRUST).click();
    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('article.tl-comment')).toHaveCount(2);
    expect(scripts).toContain('threadline.js');
    // One layer of markers (the widget's took the marker layer's place), in the same place.
    await expect(page.locator('threadline-inline')).toHaveCount(1);
    await expect(marker(page, TRUST)).toHaveAttribute('aria-expanded', 'true');
    expect(await marker(page, TRUST).boundingBox()).toEqual(before);
  });

  test('a section re-mounted after the widget took the markers over does not reopen what the reader opened then', async ({
    page,
    stack,
  }) => {
    await openLongArticle(page, stack);
    await marker(page, TRUST).click();
    const dialog = panel(page);
    await expect(dialog.locator('article.tl-comment')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // A changed attribute mounts the widget again: its inline layer starts from its own anchors,
    // not from the marker layer's hand-off (gone, with the paragraph the reader opened at first).
    await page.locator('threadline-comments').evaluate((el) => el.setAttribute('theme', 'dark'));
    await expect(page.locator('threadline-root[data-theme="dark"]')).toHaveCount(1);
    await expect(marker(page, TRUST)).toHaveAccessibleName(/2 comments/);
    await expect(page.locator('threadline-inline')).toHaveCount(1);
    await page.waitForTimeout(500);
    await expect(dialog).toBeHidden();
  });

  test('keyboard: Enter on a marker opens its panel; Escape brings focus back to that marker', async ({ page, stack }) => {
    const scripts = await openLongArticle(page, stack);
    await marker(page, TRUST).focus();
    await page.keyboard.press('Enter');
    const dialog = panel(page);
    await expect(dialog).toBeVisible();
    expect(scripts).toContain('threadline.js');
    await expect(dialog).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(marker(page, TRUST)).toBeFocused();
  });

  test('selected text gets "Comment" before the widget; pressing it opens the panel on that quote', async ({ page, stack }) => {
    const scripts = await openLongArticle(page, stack);
    await selectText(page, TRUST, quote);
    const button = page.getByRole('button', { name: 'Comment on the selected text' });
    await expect(button).toBeVisible();
    expect(scripts).not.toContain('threadline.js');
    await button.click();
    const dialog = panel(page);
    // The widget, the inline chunk and the thread load after the click: room for a busy machine.
    await expect(dialog.locator('.tl-inline-quote')).toContainText(`“${quote}”`, { timeout: 15_000 });
    await expect(dialog.getByLabel('Your comment')).toBeFocused();
    await page.keyboard.type('Typed right after the click.');
    await expect(dialog.getByLabel('Your comment')).toHaveValue('Typed right after the click.');
  });

  test('the layer redrawn between pressing and releasing "Comment" (the pointer moved, a resize) still opens it', async ({
    page,
    stack,
  }) => {
    await openLongArticle(page, stack);
    await selectText(page, TRUST, quote);
    const button = page.getByRole('button', { name: 'Comment on the selected text' });
    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // A redraw while the button is held (on a busy machine the hover's redraw lands here too).
    await page.evaluate(() => {
      dispatchEvent(new Event('resize'));
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
    await page.mouse.up();
    await expect(panel(page).locator('.tl-inline-quote')).toContainText(`“${quote}”`, { timeout: 15_000 });
  });
});
