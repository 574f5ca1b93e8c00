import { embedOnSite, expect, openPost, test } from './fixtures.ts';
import { WESTPORT } from './seed.ts';

test('reads the Westport thread from WordPress, threaded by parent, bodies sanitized HTML', async ({ page, world }) => {
  await embedOnSite(world);
  await openPost(page, world.westport.link);
  await expect(page.locator('.tl-heading')).toHaveText(`${WESTPORT.comments.length} comments`);
});
