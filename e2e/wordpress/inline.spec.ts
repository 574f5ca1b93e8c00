import { embedOnSite, expect, newPost, openPost, test } from './fixtures.ts';
import { addComment, WESTPORT } from './seed.ts';

const MARKERS = 'threadline-inline .tl-inline-marker';

test('with the plugin: inline markers, a comment on a paragraph keeps its anchor through WordPress', async ({ page, world }) => {
  await embedOnSite(world, { inline: '.entry-content p', poll: '0' });
  const post = await newPost(world, 'Inline comments', WESTPORT.article.paragraphs);
  // Rita has an approved comment, so WordPress approves her next one at once (a newcomer's is held).
  await addComment(world.wp, post.id, { name: 'Rita Regular', email: 'rita@example.com', body: 'Approved before.' });
  await openPost(page, post.link);
  const third = page.locator(`${MARKERS}[data-block="2"]`);
  await expect(page.locator(MARKERS).first()).toBeAttached();
  await page.locator('.entry-content p').nth(2).hover();
  await third.click();
  const dialog = page.getByRole('dialog', { name: 'Comments on this paragraph' });
  await dialog.getByLabel('Your comment').fill('About the chief, in the margin.');
  await dialog.getByLabel(/^Name/).fill('Rita Regular');
  await dialog.getByLabel(/^Email/).fill('rita@example.com');
  await dialog.getByRole('button', { name: 'Post comment' }).click();
  await expect(dialog.locator('article.tl-comment', { hasText: 'About the chief' })).toBeVisible();

  // Stored in WordPress with its anchor (comment meta), so after a reload the marker counts it.
  await page.reload();
  await expect(third).toHaveAccessibleName('Comments on paragraph 3: 1 comment');
});

test('without the plugin: no markers, and nothing says anything is wrong', async ({ page, world }) => {
  await embedOnSite(world, { inline: '.entry-content p', poll: '0' });
  await world.wp.setOptions({ tl_test_no_plugin: 1 });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  // The layer asks WordPress whether anchors are kept (the comments schema): wait for the answer.
  const asked = page.waitForResponse((r) => r.url().includes('wp/v2/comments') && r.request().method() === 'OPTIONS');
  try {
    await openPost(page, world.westport.link);
    await asked;
    await expect(page.locator('.tl-heading')).toHaveText(/\d+ comments/);
    // The inline layer asked and learned there are no anchors here: it shows nothing.
    await expect(page.locator(MARKERS)).toHaveCount(0);
    await expect(page.locator('.tl-error')).toHaveCount(0);
    expect(warnings.filter((w) => w.includes('[threadline]'))).toEqual([]);
  } finally {
    await world.wp.setOptions({ tl_test_no_plugin: 0 });
  }
});
