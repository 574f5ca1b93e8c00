import type { Page } from '@playwright/test';
import { en } from '../widget/src/i18n/en.ts';
import { createTranslator } from '../widget/src/i18n/translator.ts';
import { LANGUAGES } from '../widget/src/protocol/languages.ts';
import { expect, SEED_PATH, test } from './fixtures.ts';

/** What a reader sees and hears of the widget: visible text, and the labels and hints of visible elements. */
async function widgetTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    // Comment bodies, names and quotes of the article are the readers' and the site's own words.
    const isContent = (el: Element) => !!el.closest('.tl-body, .tl-author, .tl-anchor-quote, blockquote, .tl-preview');
    const visit = (root: ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (isContent(el) || !el.checkVisibility()) continue;
        for (const node of el.childNodes)
          if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) texts.push(node.textContent!.trim());
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = el.getAttribute(name);
          if (value) texts.push(value.trim());
        }
      }
    };
    for (const host of document.querySelectorAll('threadline-comments, threadline-inline')) if (host.shadowRoot) visit(host.shadowRoot);
    return texts;
  });
}

/** Elements of the widget sticking out of the 360 px window, as "tag.class (left–right)". */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] =
      document.documentElement.scrollWidth > width ? [`page scrolls sideways: ${document.documentElement.scrollWidth}px`] : [];
    const visit = (root: ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const r = el.getBoundingClientRect();
        if (r.width > 1 && el.checkVisibility() && (r.left < -1 || r.right > width + 1)) {
          out.push(
            `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} (${Math.round(r.left)}–${Math.round(r.right)}): ${el.textContent?.slice(0, 40)}`,
          );
        }
      }
    };
    for (const host of document.querySelectorAll('threadline-comments, threadline-inline')) if (host.shadowRoot) visit(host.shadowRoot);
    return out;
  });
}

/** An English message as a pattern for the text it becomes on screen (`Reply to {name}` → `^Reply to .+$`). */
const asPattern = (message: string) => new RegExp(`^${message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`);

test.describe('every language', () => {
  test.use({ viewport: { width: 360, height: 800 }, isMobile: true });

  // Four tests of eight languages, so the two workers share them (one test of 32 took 1.4 min of a CI run).
  const others = LANGUAGES.filter((l) => l !== 'en');
  const groups = [0, 1, 2, 3].map((g) => others.slice(g * 8, g === 3 ? undefined : (g + 1) * 8));
  for (const group of groups)
    test(`the demo in ${group.join(', ')} shows no English and fits a 360 px phone`, async ({ page, stack }) => {
      test.setTimeout(300_000);
      for (const lang of group) {
        await test.step(lang, async () => {
          const { catalog } = (await import(`../widget/src/i18n/catalogs/${lang}.ts`)) as { catalog: Record<string, string> };
          // Only messages this language words differently can be "left in English".
          const english = Object.entries(en)
            .filter(([key, text]) => catalog[key] !== text)
            .map(([key, text]) => ({ key, pattern: asPattern(text) }));
          await page.goto(`${stack.site}${SEED_PATH}?lang=${lang}`);
          await page.locator('threadline-comments').scrollIntoViewIfNeeded();
          await expect(page.locator('.tl-heading')).toHaveText(createTranslator(lang, catalog).plural('thread.count', 19));
          await expect(page.locator('section.tl')).toHaveAttribute('lang', lang);
          // Open what a reader opens: a reply form, a collapsed sub-thread, the inline panel.
          await page.locator('article[data-comment-id="c1"] .tl-actions button:not(.tl-vote)').first().click();
          await expect(page.locator('form.tl-composer-reply')).toBeVisible();
          await page.locator('threadline-inline .tl-inline-marker:not(.tl-inline-marker-empty)').first().click();
          await expect(page.getByRole('dialog')).toBeVisible();
          const texts = await widgetTexts(page);
          const left = texts.flatMap((text) => english.filter((e) => e.pattern.test(text)).map((e) => `${e.key}: ${text}`));
          expect.soft(left, `${lang}: English left on screen`).toEqual([]);
          expect.soft(await overflowing(page), `${lang}: wider than 360 px`).toEqual([]);
        });
      }
    });
});
