import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { type Stack, startStack } from './stack.ts';

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

/** Where a spec's picture for the docs goes: `docs/` under `npm run screenshots`, else test-results/ (a test run leaves the tree clean). */
export const docsShot = (name: string): string => `${process.env.THREADLINE_DOCS_SHOTS ? 'docs' : 'test-results'}/${name}`;

/** The comment rendered for `id` (Playwright's CSS locators pierce open shadow roots). */
export const commentById = (page: Page, id: string): Locator => page.locator(`article[data-comment-id="${id}"]`);

/** Opens a comment's "More" actions, where Edit, Delete and Report are. */
export async function openMore(comment: Locator): Promise<void> {
  await comment.getByRole('button', { name: /^More actions for the comment by / }).click();
}

/** What CSS draws in an element's ::before or ::after: action labels, the avatar's initial, the verified mark. */
export const drawn = (el: Locator, pseudo: '::before' | '::after' = '::before'): Promise<string> =>
  el.evaluate((e, p) => getComputedStyle(e, p).content, pseudo);

/** The comment whose body contains `text`. */
export const commentByText = (page: Page, text: string): Locator =>
  page.locator('article.tl-comment', { has: page.locator('.tl-body', { hasText: text }) });

/**
 * A `test` whose server runs with extra environment (a moderation mode, an admin token): a fresh
 * stack per test, with the same page checks as `test`.
 */
export function testWithServerEnv(env: Record<string, string>) {
  return test.extend<{ stack: Stack }>({
    stack: async ({}, use) => {
      const stack = await startStack({ env });
      await use(stack);
      await stack.stop();
    },
  });
}

/** Opens a demo article, scrolls to the comments as a reader would (they load lazily), and waits for them. */
export async function openArticle(page: Page, stack: Stack, path = SEED_PATH): Promise<void> {
  await page.goto(`${stack.site}${path}`);
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(page.locator('.tl-heading')).toHaveText(/\d+ comments?/);
}

/** Types into the top-level form and posts. */
export async function postTopLevel(page: Page, body: string, name?: string): Promise<void> {
  const form = page.locator('form.tl-composer').first();
  await form.getByLabel('Your comment').fill(body);
  if (name !== undefined) await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Post comment' }).click();
}

/** Serves an extra page on the demo site's origin (from loopback, as a real site) and opens it. */
export async function openHostPage(
  page: Page,
  stack: { site: string; pages: Map<string, { html: string; headers?: Record<string, string> }> },
  path: string,
  body: string,
  options: { head?: string; lang?: string; headers?: Record<string, string> } = {},
): Promise<void> {
  stack.pages.set(path.split(/[?#]/)[0]!, {
    html: `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>${options.head ?? ''}</head><body>${body}</body></html>`,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  await page.goto(`${stack.site}${path}`);
}

/** The script tag a site pastes, with extra data-* attributes. */
export const embedTag = (api: string, attrs: Record<string, string> = {}): string =>
  `<script src="${api}/embed.js" data-api="${api}"${Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${v}"`)
    .join('')} async></script>`;

/** Posts comments straight to the API (not through the widget); returns their ids in order. */
export async function postViaApi(
  page: Page,
  api: string,
  items: { thread: string; body: string; parentId?: string; name?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const it of items) {
    const res = await page.request.post(`${api}/api/comments`, {
      data: { thread: it.thread, body: it.body, ...(it.parentId ? { parentId: it.parentId } : {}), author: { name: it.name ?? null } },
    });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { comment: { id: string } }).comment.id);
  }
  return ids;
}

/** Selects `text` inside the article's paragraph `i`, as a reader dragging over it would. */
export async function selectText(page: Page, i: number, text: string): Promise<void> {
  await page
    .locator('.story-body p')
    .nth(i)
    .evaluate((el, quote) => {
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(quote))!;
      const at = node.textContent!.indexOf(quote);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, text);
}

/** Where the text of an element starts on screen (x, px): its box may start before it (padding, margin). */
export const textStart = (el: Locator): Promise<number> =>
  el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect().x;
  });
