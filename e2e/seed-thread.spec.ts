import seed from '../server-stub/fixtures/westport-thread.json' with { type: 'json' };
import { commentById, expect, openArticle, test } from './fixtures.ts';

test.describe('the seed thread on the demo article', () => {
  test('shows all 19 comments threaded exactly as the seed, with the true count', async ({ page, stack }) => {
    await openArticle(page, stack);
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    await expect(page.locator('article.tl-comment')).toHaveCount(19);

    // Every comment sits in the list item of its seed parent, at the right depth.
    const depthOf = new Map<string, number>();
    for (const c of seed.comments) depthOf.set(c.id, c.parentId ? depthOf.get(c.parentId)! + 1 : 0);
    for (const c of seed.comments) {
      const item = page.locator(`li#comment-${c.id}`);
      await expect(commentById(page, c.id)).toHaveAttribute('data-depth', String(depthOf.get(c.id)));
      if (c.parentId) {
        await expect(page.locator(`li#comment-${c.parentId} > ol > li#comment-${c.id}`)).toHaveCount(1);
      } else {
        await expect(page.locator(`section.tl > ol > li#comment-${c.id}`)).toHaveCount(1);
      }
      await expect(item).toHaveCount(1);
    }
    expect(Math.max(...depthOf.values())).toBe(2); // three levels: 0, 1, 2

    // Top-level comments in seed order.
    const roots = await page
      .locator('section.tl > ol > li > article')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-comment-id')));
    expect(roots).toEqual(seed.comments.filter((c) => !c.parentId).map((c) => c.id));
  });

  test('shows names where the seed has them and "Anonymous" where it has none', async ({ page, stack }) => {
    await openArticle(page, stack);
    for (const c of seed.comments) {
      await expect(commentById(page, c.id).locator('.tl-author')).toHaveText(c.authorName ?? 'Anonymous');
    }
    // Without a name, the avatar is a silhouette in the muted text colour: dark on the light page,
    // not the initials' white (which drew it white on white).
    const anonymous = seed.comments.find((c) => !c.authorName)!;
    const silhouette = await commentById(page, anonymous.id).evaluate((el) => {
      const stops = getComputedStyle(el, '::before').backgroundImage.match(
        /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)|rgba?\((\d+), (\d+), (\d+)/,
      )!;
      const [r, g, b] = stops[1] ? stops.slice(1, 4).map(Number) : stops.slice(4, 7).map((v) => Number(v) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });
    expect(silhouette).toBeLessThan(0.5);
  });

  test('keeps paragraphs, single line breaks and emoji', async ({ page, stack }) => {
    await openArticle(page, stack);
    const c2 = commentById(page, 'c2');
    await expect(c2.locator('.tl-body p')).toHaveCount(4);
    await expect(c2.locator('.tl-body p').last()).toHaveText('Ugh 🤦♀️');
    await expect(commentById(page, 'c11').locator('.tl-body p')).toHaveCount(5);
    await expect(commentById(page, 'c7').locator('.tl-body')).toContainText('(Understatement). 😉');

    const c17 = commentById(page, 'c17').locator('.tl-body p');
    await expect(c17).toHaveCount(1);
    await expect(c17.locator('br')).toHaveCount(2);
    // innerText, not textContent: the <br>s must read as the seed's line breaks. innerText needs the
    // text rendered, and off-screen comments are skipped (content-visibility) until the frame after
    // they come into view, so read it in view and poll.
    await c17.scrollIntoViewIfNeeded();
    // biome-ignore lint/performance/useDomNodeTextContent: line breaks are what is under test
    await expect.poll(() => c17.evaluate((el) => (el as HTMLElement).innerText)).toBe(seed.comments.find((c) => c.id === 'c17')!.body);
  });

  test('renders inside an open shadow root, with nothing leaking into the host page', async ({ page, stack }) => {
    await openArticle(page, stack);
    const dom = await page.evaluate(() => {
      const host = document.querySelector('threadline-root')!;
      return {
        mode: host.shadowRoot?.mode,
        lightComments: document.querySelectorAll('.tl-comment').length,
        shadowComments: host.shadowRoot!.querySelectorAll('.tl-comment').length,
        styleSheets: host.shadowRoot!.adoptedStyleSheets.length,
        // The host element stands right where the script tag is.
        afterScript: document.querySelector('#comments script')!.nextElementSibling?.tagName,
        headStyles: document.head.querySelectorAll('style').length,
      };
    });
    expect(dom).toEqual({
      mode: 'open',
      lightComments: 0,
      shadowComments: 19,
      styleSheets: 1,
      afterScript: 'THREADLINE-COMMENTS',
      headStyles: 0,
    });
  });

  test('the page and the API are on different origins', async ({ page, stack }) => {
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).origin);
    });
    await openArticle(page, stack);
    expect(new URL(page.url()).origin).toBe(stack.site);
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(new Set(apiCalls)).toEqual(new Set([stack.api]));
    expect(stack.api).not.toBe(stack.site);
  });
});
