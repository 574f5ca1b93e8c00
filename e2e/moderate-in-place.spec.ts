import { commentByText, docsShot, expect, LIBRARY_PATH, openArticle, postViaApi, testWithServerEnv, textStart } from './fixtures.ts';

const ADMIN = 'e2e-in-place-admin-token-1';
/** Pre-moderation on, sign-in by the demo's fake subscriber login (which can make a moderator), and an owner token to read the audit. */
const test = testWithServerEnv({
  THREADLINE_MODERATION: 'all',
  THREADLINE_SSO_SECRET: 'e2e-sso-secret-0123456789abcdef',
  THREADLINE_ADMIN_TOKEN: ADMIN,
});

test('a signed-in moderator approves a held comment in place; another reader sees it appear live; the audit log records it', async ({
  page,
  stack,
  browser,
}) => {
  const [id] = await postViaApi(page, stack.api, [{ thread: LIBRARY_PATH, body: 'Held until a moderator looks', name: 'Quinn' }]);
  const reader = await browser.newPage();
  await openArticle(reader, stack, LIBRARY_PATH);
  await expect(reader.locator('.tl-heading')).toHaveText(/\d/);
  await expect(commentByText(reader, 'Held until a moderator looks')).toHaveCount(0);
  // A plain reader sees no moderation at all.
  await expect(reader.locator('.tl-held, .tl-mod')).toHaveCount(0);

  await openArticle(page, stack, LIBRARY_PATH);
  await page.locator('form.tl-composer').first().getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Name').fill('Mo Editor');
  await page.getByLabel(/moderator/).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  const held = page.getByRole('region', { name: 'Held for moderation (1)' });
  const item = held.locator(`[data-comment-id="${id}"]`);
  await expect(item).toContainText('Held until a moderator looks');
  await expect(item).toContainText('Awaiting approval');
  await item.scrollIntoViewIfNeeded();
  // No avatar there: the text starts under the author's name, not indented for one.
  const [name, text] = [await textStart(item.locator('.tl-author')), await textStart(item.locator('.tl-held-body'))];
  expect(Math.abs(name - text)).toBeLessThan(2);
  await page.screenshot({ path: docsShot('screenshot-moderate-in-place.png') });
  await item.getByRole('button', { name: 'Approve' }).click();

  await expect(commentByText(reader, 'Held until a moderator looks')).toBeVisible();
  await expect(held).toHaveCount(0);
  // On the moderator's page it is in the thread now, with the controls of a published comment.
  const published = page.locator(`article.tl-comment[data-comment-id="${id}"]`);
  await expect(published.getByRole('button', { name: 'Feature' })).toBeVisible();

  const audit = await page.request.get(`${stack.api}/api/admin/audit`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const { entries } = (await audit.json()) as { entries: { actor: string; action: string; commentId?: string }[] };
  expect(entries[0]).toMatchObject({ actor: 'Mo Editor', action: 'approve', commentId: id });
  await reader.close();
});
