import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createPost, type SeededPost, seedWestport } from './seed.ts';
import { startWordPress, type WordPressSite } from './site.ts';
import { startStaticHost } from './static-host.ts';

/** One WordPress and one static host for the widget's files per worker (WordPress takes ~15 s to start). */
export interface WordPressWorld {
  wp: WordPressSite;
  /** Origin serving dist/ (embed.js, threadline.js, chunks): another origin than the site. */
  cdn: string;
  /** Extra files the static host serves by name. */
  files: Map<string, string>;
  westport: SeededPost & { ids: Map<string, number> };
}

/** The template's name: a new seed or blueprint needs a new one. */
const TEMPLATE = `westport-${createHash('sha256')
  .update(
    ['blueprint.json', 'seed.ts', '../../server-stub/fixtures/westport-thread.json']
      .map((f) => fs.readFileSync(new URL(f, import.meta.url)))
      .join('\0'),
  )
  .digest('hex')
  .slice(0, 12)}`;

export const test = base.extend<{ page: Page }, { world: WordPressWorld }>({
  world: [
    async ({}, use) => {
      const started = Date.now();
      const [{ wp, prepared }, cdn] = await Promise.all([startWordPress(TEMPLATE, seedWestport), startStaticHost()]);
      // Links name the port the template was made on.
      const westport = { ...prepared, link: `${wp.url}${new URL(prepared.link).pathname}`, ids: new Map(prepared.ids) };
      console.log(`wordpress: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await use({ wp, cdn: cdn.url, files: cdn.files, westport });
      await Promise.all([wp.stop(), cdn.stop()]);
    },
    // Boot (15-20 s on an idle 2-core machine, over a minute on a busy one) and 20 REST writes.
    { scope: 'worker', timeout: 600_000 },
  ],
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
export { expect };

/** Puts threadline's script tag on every post of the site (in the theme's comments place), with extra data-* attributes. */
export async function embedOnSite(world: WordPressWorld, attrs: Record<string, string> = {}): Promise<void> {
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${v}"`)
    .join('');
  await world.wp.setOptions({
    tl_test_embed: `<script src="${world.cdn}/embed.js" data-backend="wordpress" data-target="#threadline-comments" data-lazy="false"${extra} async></script>`,
  });
}

/** A fresh post for one test (so tests never see each other's comments). */
export async function newPost(world: WordPressWorld, title: string, paragraphs: readonly string[] = ['A short story for one test.']) {
  return createPost(world.wp, title, paragraphs);
}

/** The comment whose body contains `text` (Playwright's CSS locators pierce open shadow roots). */
export const commentByText = (page: Page, text: string): Locator =>
  page.locator('article.tl-comment', { has: page.locator('.tl-body', { hasText: text }) });

/** Fills the top-level form (or the open reply form) and posts. */
export async function postAs(
  page: Page,
  who: { name: string; email: string },
  body: string,
  form = page.locator('form.tl-composer').first(),
) {
  await form.getByLabel(/^Your (comment|reply)/).fill(body);
  await form.getByLabel(/^Name/).fill(who.name);
  await form.getByLabel(/^Email/).fill(who.email);
  await form.getByRole('button', { name: /Post (comment|reply)/ }).click();
}

/** Opens a post and waits for its comments. */
export async function openPost(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.locator('.tl-heading')).toHaveText(/\d+ comments?/, { timeout: 90_000 });
}
