import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startStack, type Stack } from './stack.ts';

/** Path of the seed article on the demo site (also its thread key). */
export const SEED_PATH = '/news/westport-police-address-immigration-raid-fears';
/** Path of the demo's second article, which has its own thread. */
export const LIBRARY_PATH = '/news/library-extends-weekend-hours';

/** Each test gets its own server, database and demo site, so tests never see each other's posts. */
export const test = base.extend<{ stack: Stack }>({
  stack: async ({}, use) => {
    const stack = await startStack();
    await use(stack);
    await stack.stop();
  },
  page: async ({ page }, use) => {
    // A widget error must fail the test, not hide in the console.
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
export { expect };

/** The comment rendered for `id` (Playwright's CSS locators pierce open shadow roots). */
export const commentById = (page: Page, id: string): Locator => page.locator(`article[data-comment-id="${id}"]`);

/** The comment whose body contains `text`. */
export const commentByText = (page: Page, text: string): Locator =>
  page.locator('article.tl-comment', { has: page.locator('.tl-body', { hasText: text }) });

/** Opens a demo article and waits until its comments are shown. */
export async function openArticle(page: Page, stack: Stack, path = SEED_PATH): Promise<void> {
  await page.goto(`${stack.site}${path}`);
  await expect(page.locator('.tl-heading')).toHaveText(/\d+ comments?/);
}

/** Types into the top-level form and posts. */
export async function postTopLevel(page: Page, body: string, name?: string): Promise<void> {
  const form = page.locator('form.tl-composer').first();
  await form.getByLabel('Your comment').fill(body);
  if (name !== undefined) await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Post comment' }).click();
}
