import AxeBuilder from '@axe-core/playwright';
import { commentById, embedTag, expect, LIBRARY_PATH, openArticle, openHostPage, postTopLevel, SEED_PATH, test } from './fixtures.ts';

test.describe('looking native on any site', () => {
  test('inherits the page’s font and text colour by default', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/inherit',
      `<div style="font-family: 'Courier New', monospace; color: rgb(10, 80, 30)">${embedTag(stack.api, { thread: SEED_PATH })}</div>`,
    );
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    const style = await commentById(page, 'c1')
      .locator('.tl-body p')
      .first()
      .evaluate((el) => {
        const cs = getComputedStyle(el);
        return { font: cs.fontFamily, color: cs.color };
      });
    expect(style).toEqual({ font: '"Courier New", monospace', color: 'rgb(10, 80, 30)' });
  });

  test('custom properties on the element theme the widget', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/props',
      `<style>threadline-comments { --threadline-accent: rgb(200, 0, 90); --threadline-radius: 0px; }</style>${embedTag(stack.api, { thread: SEED_PATH })}`,
    );
    const button = page.getByRole('button', { name: 'Post comment' });
    await expect(button).toHaveCSS('background-color', 'rgb(200, 0, 90)');
    await expect(page.locator('form.tl-composer').first()).toHaveCSS('border-top-left-radius', '0px');
  });

  test('::part() lets a site restyle pieces', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/parts',
      `<style>threadline-root::part(author) { text-transform: uppercase; } threadline-root::part(heading) { letter-spacing: 3px; }</style>${embedTag(stack.api, { thread: SEED_PATH })}`,
    );
    await expect(commentById(page, 'c2').locator('.tl-author')).toHaveCSS('text-transform', 'uppercase');
    await expect(page.locator('.tl-heading')).toHaveCSS('letter-spacing', '3px');
  });

  test('data-theme dark and auto use the dark palette', async ({ page, stack }) => {
    await openHostPage(page, stack, '/dark', embedTag(stack.api, { thread: SEED_PATH, theme: 'dark' }));
    await expect(page.locator('section.tl')).toHaveCSS('background-color', 'rgb(22, 24, 29)');
    await expect(page.locator('section.tl')).toHaveCSS('color', 'rgb(231, 233, 238)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await openHostPage(page, stack, '/auto', embedTag(stack.api, { thread: SEED_PATH, theme: 'auto' }));
    await expect(page.locator('section.tl')).toHaveCSS('background-color', 'rgb(22, 24, 29)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('section.tl')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });

  test('a hostile page stylesheet cannot break the widget', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/hostile',
      `<style>* { all: revert; color: red !important; font-size: 40px !important } div { display: flex } button { display: none } ol, li { display: inline } section { visibility: hidden } article { float: right }</style>
       <div><p>Host text</p><button id="host-button">Host button</button></div>${embedTag(stack.api, { thread: SEED_PATH })}`,
    );
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    // The page's own rules still apply to the page…
    await expect(page.locator('#host-button')).toBeHidden();
    // …but not inside the widget: buttons show, comments stack as blocks, the section is visible.
    await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();
    await expect(commentById(page, 'c1').getByRole('button', { name: 'Reply to Anonymous' })).toBeVisible();
    await expect(page.locator('section.tl')).toBeVisible();
    const c1 = await commentById(page, 'c1').boundingBox();
    const c5 = await commentById(page, 'c5').boundingBox();
    expect(c5!.y).toBeGreaterThan(c1!.y + c1!.height - 1);
    expect(Math.abs(c5!.x - c1!.x)).toBeLessThan(1);
    await expect(page.locator('threadline-root')).toHaveCSS('display', 'block');
    // It still works: a reply can be posted.
    await postTopLevel(page, 'Posted on a hostile page');
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
  });

  test('the widget’s styles change nothing outside its shadow root', async ({ page, stack }) => {
    const hostMarkup = `<div class="tl tl-body tl-comment tl-list"><p>Host paragraph</p><button class="tl-button tl-button-primary">Host</button><ol class="tl-replies"><li>one</li></ol></div>`;
    const snapshot = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body > div *, body > div')].map((el) => {
          const cs = getComputedStyle(el);
          return [
            el.tagName,
            cs.padding,
            cs.margin,
            cs.color,
            cs.backgroundColor,
            cs.border,
            cs.fontSize,
            cs.display,
            cs.listStyleType,
          ].join('|');
        }),
      );
    await openHostPage(page, stack, '/clean', hostMarkup);
    const before = await snapshot();
    await openHostPage(page, stack, '/clean-with', `${hostMarkup}${embedTag(stack.api, { thread: SEED_PATH })}`);
    await expect(page.locator('.tl-heading').last()).toHaveText('19 comments');
    expect(await snapshot()).toEqual(before);
    expect(
      await page.evaluate(() => [document.adoptedStyleSheets.length, document.querySelectorAll('style, link[rel=stylesheet]').length]),
    ).toEqual([0, 0]);
  });

  test('no horizontal scrolling at 320 px, even with a reply form open three levels deep', async ({ page, stack }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await openArticle(page, stack);
    await commentById(page, 'c7')
      .getByRole('button', { name: /^Reply to/ })
      .click();
    await expect(page.getByLabel(/^Your reply to/)).toBeVisible();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    const c7 = await commentById(page, 'c7').boundingBox();
    expect(c7!.width).toBeGreaterThan(200);
  });

  test('a page where storage throws (sandboxed, privacy mode) still reads and posts', async ({ page, stack }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openArticle(page, stack);
    await expect(page.locator('article.tl-comment')).toHaveCount(19);
    await page.getByLabel('Sort by').selectOption('newest');
    await postTopLevel(page, 'Posted without storage', 'Ana');
    await expect(page.locator('article.tl-comment', { hasText: 'Posted without storage' })).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
  });

  test('lazy: nothing is fetched until the section nears the viewport', async ({ page, stack }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await openHostPage(page, stack, '/lazy', `<div style="height: 4000px">Long story</div>${embedTag(stack.api, { thread: SEED_PATH })}`);
    await page.waitForLoadState('networkidle');
    expect(requests).toContain('/embed.js');
    expect(requests).not.toContain('/threadline.js');
    expect(requests).not.toContain('/api/comments');
    await page.mouse.wheel(0, 3200);
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    expect(requests).toContain('/threadline.js');
  });

  test('data-lazy="false" loads at once', async ({ page, stack }) => {
    await openHostPage(
      page,
      stack,
      '/eager',
      `<div style="height: 4000px">Long story</div>${embedTag(stack.api, { thread: SEED_PATH, lazy: 'false' })}`,
    );
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
  });
});

test.describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe-core finds no violations on the demo article (${theme})`, async ({ page, stack }) => {
      await page.emulateMedia({ colorScheme: theme });
      if (theme === 'light') await openArticle(page, stack);
      else
        await openHostPage(
          page,
          stack,
          '/dark-axe',
          `<main><h1>Story</h1>${embedTag(stack.api, { thread: SEED_PATH, theme: 'dark' })}</main>`,
          { head: '<style>body{background:#101216;color:#eee}</style>' },
        );
      await expect(page.locator('.tl-heading')).toHaveText('19 comments');
      await commentById(page, 'c6')
        .getByRole('button', { name: /^Reply to/ })
        .click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the thread can be read and replied to with the keyboard alone', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await page.keyboard.press('Tab'); // masthead link first: tab until the comment box
    for (
      let i = 0;
      i < 20 && !(await page.getByLabel('Your comment').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Typed with the keyboard only');
    await page.keyboard.press('Tab'); // name
    await page.keyboard.type('Kim');
    // Ctrl+Enter posts from any field of the form.
    await page.keyboard.press('Control+Enter');
    const mine = page.locator('article.tl-comment', { hasText: 'Typed with the keyboard only' });
    await expect(mine).toBeFocused();
    // Focus stays on it when the server's copy replaces the one shown while sending.
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    await expect(mine).toBeFocused();
    // From the new comment, Tab reaches its Reply button; Enter opens the form with focus in it.
    // Tab from the comment: its time link, Upvote, then Reply.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(mine.getByRole('button', { name: 'Reply to Kim' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Your reply to Kim')).toBeFocused();
    await page.keyboard.type('A keyboard reply');
    // Tab through name, email, website and Cancel to the post button.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Post reply' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('article.tl-comment', { hasText: 'A keyboard reply' })).toBeFocused();
  });

  test('replies announce their nesting; reduced motion turns the highlight animation off', async ({ page, stack }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openArticle(page, stack);
    await expect(commentById(page, 'c7')).toHaveAccessibleName('Sharon Paulsen Reply to Anonymous, level 3');
    await expect(page.locator('li#comment-c6 > ol')).toHaveAccessibleName('2 replies');
    await postTopLevel(page, 'No flashing please');
    const mine = page.locator('article.tl-comment', { hasText: 'No flashing please' });
    await expect(mine).toHaveCSS('animation-name', 'none');
  });
});
