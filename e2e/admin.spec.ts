import { commentByText, expect, LIBRARY_PATH, openArticle, postViaApi, testWithServerEnv } from './fixtures.ts';
import { startStack } from './stack.ts';

const ADMIN = 'e2e-admin-page-token-01';
const test = testWithServerEnv({ THREADLINE_MODERATION: 'all', THREADLINE_ADMIN_TOKEN: ADMIN });

test('a moderator signs in, approves and rejects held comments, and locks a thread', async ({ page, stack, browser }) => {
  await postViaApi(page, stack.api, [
    { thread: LIBRARY_PATH, body: 'Worth publishing', name: 'Good' },
    { thread: LIBRARY_PATH, body: 'Not worth publishing', name: 'Bad' },
  ]);
  // An inline comment: moderators see the passage it is about.
  const inline = await page.request.post(`${stack.api}/api/comments`, {
    data: { thread: LIBRARY_PATH, body: 'On the hours', anchor: { type: 'quote', exact: 'open until 8 p.m.' } },
  });
  expect(inline.status()).toBe(201);
  await page.goto(`${stack.api}/admin`);
  await page.getByLabel('Admin token').fill('wrong-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The admin token is missing or wrong.');

  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const byBody = (text: string) => page.locator('li.comment', { has: page.locator('p.body', { hasText: new RegExp(`^${text}$`) }) });
  await expect(byBody('On the hours').locator('p.anchor')).toHaveText('on: “open until 8 p.m.”');
  await byBody('On the hours').getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toHaveText('Rejected.');
  const good = byBody('Worth publishing');
  const bad = byBody('Not worth publishing');
  await expect(good).toBeVisible();
  await good.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status')).toHaveText('Approved.');
  await bad.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toHaveText('Rejected.');
  await expect(page.getByText('Nothing here.')).toBeVisible();

  const reader = await browser.newPage();
  await openArticle(reader, stack, LIBRARY_PATH);
  await expect(commentByText(reader, 'Worth publishing')).toBeVisible();
  await expect(commentByText(reader, 'Not worth publishing')).toHaveCount(0);

  await page.getByLabel('Thread to lock').fill(LIBRARY_PATH);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('status')).toHaveText(`Locked ${LIBRARY_PATH}.`);
  await reader.reload();
  await reader.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(reader.getByRole('note')).toHaveText(/^Comments are closed \(since .+\)\.$/);
  await reader.close();
});

test.describe('in the moderator’s language', () => {
  test.use({ locale: 'de-DE' });

  test('a German browser gets the page in German, server refusals included', async ({ page, stack }) => {
    await postViaApi(page, stack.api, [{ thread: LIBRARY_PATH, body: 'Bitte prüfen', name: 'Leserin' }]);
    await page.goto(`${stack.api}/admin`);
    await expect(page).toHaveTitle('threadline-Moderation');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByLabel('Admin-Token').fill('wrong-token');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toHaveText('Das Admin-Token fehlt oder ist falsch.');
    await page.getByLabel('Admin-Token').fill(ADMIN);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const held = page.locator('li.comment', { hasText: 'Bitte prüfen' });
    await expect(held.locator('.status')).toHaveText('wartend');
    await held.getByRole('button', { name: 'Freigeben' }).click();
    await expect(page.getByRole('status')).toHaveText('Freigegeben.');
    await expect(page.getByText('Hier ist nichts.')).toBeVisible();
  });
});

test('the admin page does not exist without a configured token', async ({ page }) => {
  const plain = await startStack();
  const res = await page.goto(`${plain.api}/admin`);
  expect(res!.status()).toBe(404);
  await plain.stop();
});
