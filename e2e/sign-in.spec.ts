import { commentByText, docsShot, drawn, expect, LIBRARY_PATH, openArticle, testWithServerEnv } from './fixtures.ts';

/** The demo site's fake subscriber sign-in signs its tokens with this; the server checks them with it. */
const withSignIn = testWithServerEnv({ THREADLINE_SSO_SECRET: 'e2e-sso-secret-0123456789abcdef' });

withSignIn(
  'a subscriber signs in on the site, comments under a verified name with a staff badge, and signs out',
  async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    const form = page.locator('form.tl-composer').first();
    await expect(form.getByLabel('Name')).toBeVisible();
    await form.getByRole('link', { name: 'Sign in' }).click();
    // The site's own login form (the demo's fake one), on the site's origin.
    await page.getByLabel('Name').fill('Ann Lee');
    await page.getByLabel(/staff/).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${LIBRARY_PATH}$`));
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(form).toContainText('Signed in as Ann Lee');
    await expect(form.getByLabel('Name')).toHaveCount(0);

    const sent: (string | null)[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${stack.api}/api/comments`) && r.method() === 'POST') sent.push(r.headers().authorization ?? null);
    });
    await form.getByLabel('Your comment').fill('Library hours matter to commuters like me.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const mine = commentByText(page, 'Library hours matter to commuters like me.');
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    expect(sent[0]).toMatch(/^Bearer ey/);
    await expect(mine.locator('.tl-author')).toHaveText('Ann Lee');
    // The verified mark is the name's ::after; screen readers hear its alt text.
    await expect(mine.locator('.tl-author')).toHaveAttribute('data-verified', 'Verified');
    expect(await drawn(mine.locator('.tl-author'), '::after')).toBe('"✓" / "Verified"');
    await expect(mine.locator('.tl-badge')).toHaveText('Staff');
    await mine.scrollIntoViewIfNeeded();
    await mine.screenshot({ path: docsShot('screenshot-signed-in.png') });

    // Another reader (after sign-out) cannot take the name.
    await form.getByRole('link', { name: 'Sign out' }).click();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(form.getByLabel('Name')).toBeVisible();
    await form.getByLabel('Your comment').fill('I am totally Ann');
    await form.getByLabel('Name').fill('ann lée');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(form).toContainText('That name belongs to a signed-in reader of this site');
    await expect(form.getByLabel('Your comment')).toHaveValue('I am totally Ann');
  },
);

const subscribersOnly = testWithServerEnv({ THREADLINE_SSO_SECRET: 'e2e-sso-secret-0123456789abcdef', THREADLINE_IDENTITY: 'required' });

subscribersOnly('a subscribers-only site: guests read and see "Sign in to comment" where the form was', async ({ page, stack }) => {
  await openArticle(page, stack);
  await expect(page.locator('article.tl-comment').first()).toBeVisible();
  await expect(page.locator('form.tl-composer')).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign in to comment' }).click();
  await page.getByLabel('Name').fill('Sam Reader');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(page.locator('form.tl-composer').first()).toContainText('Signed in as Sam Reader');
});
