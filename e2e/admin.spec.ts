import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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

/** Signs in on the admin page with a token and waits for the queue. */
async function signIn(page: Page, api: string, token: string): Promise<void> {
  await page.goto(`${api}/admin`);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tab', { name: 'Pending' })).toHaveAttribute('aria-selected', 'true');
}

/** axe-core's violations on the page as it is now (rule id and the elements), for a readable failure. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test('the queue by keyboard and in bulk: j/k move, a approves, r rejects, f features, announced; the audit log records it', async ({
  page,
  stack,
}) => {
  // Many steps and two axe passes over the admin page: 32 s once in a clean CI run on a loaded machine.
  test.setTimeout(60_000);
  await postViaApi(page, stack.api, [
    { thread: LIBRARY_PATH, body: 'Fourth in line', name: 'Dora' },
    { thread: LIBRARY_PATH, body: 'Third in line', name: 'Cleo' },
    { thread: LIBRARY_PATH, body: 'Second in line', name: 'Bert' },
    { thread: LIBRARY_PATH, body: 'First in line', name: 'Anna' },
  ]);
  await signIn(page, stack.api, ADMIN);
  expect(await axeViolations(page)).toEqual([]);
  const cards = page.locator('li.comment');
  await expect(cards).toHaveCount(4);
  const live = page.locator('[aria-live="polite"]');

  // Letters typed into a field stay text: nothing is approved.
  await page.getByLabel('Thread', { exact: true }).fill('ajrf');
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.getByLabel('Thread', { exact: true }).fill('');
  await page.getByLabel('Thread', { exact: true }).blur();

  await page.keyboard.press('j');
  await expect(cards.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(live).toHaveText('1 of 4: Anna');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(live).toHaveText('2 of 4: Bert');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByRole('status')).toHaveText('Approved.');
  await expect(cards).toHaveCount(3);
  // The selection stays in place: the next comment down.
  await expect(page.locator('li.comment[aria-current="true"] p.body')).toHaveText('Third in line');
  await page.keyboard.press('r');
  await expect(page.getByRole('status')).toHaveText('Rejected.');
  await expect(cards).toHaveCount(2);

  // Bulk: tick both that are left and approve them together.
  await page.getByRole('checkbox', { name: 'Select the comment by Anna' }).check();
  await page.getByRole('checkbox', { name: 'Select the comment by Dora' }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(page.getByRole('status')).toHaveText('Approved 2.');
  await expect(page.getByText('Nothing here.')).toBeVisible();

  await page.getByRole('tab', { name: 'Recent' }).click();
  // Recent lists every published comment (the demo's seed thread too): narrowed to this thread.
  await page.getByLabel('Thread', { exact: true }).fill(LIBRARY_PATH);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(cards).toHaveCount(3);
  await page.getByLabel('Thread', { exact: true }).blur();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('j');
  await page.keyboard.press('f');
  await expect(page.getByRole('status')).toHaveText("Made an editors' pick.");
  await expect(cards.nth(0).getByRole('button', { name: 'Unfeature' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await expect(page.getByRole('status')).toHaveText('Rejected 3.');

  await page.getByRole('tab', { name: 'Audit log' }).click();
  const rows = page.locator('table.audit tbody tr');
  // approve, reject, approve ×2, feature, reject ×3: eight entries, newest first, all by the owner.
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(7)).toContainText('approve');
  await expect(rows.nth(7)).toContainText('owner');
  await expect(rows.nth(7)).toContainText('status: "pending" → "published"');
  await expect(rows.nth(3)).toContainText('feature');
  expect(await axeViolations(page)).toEqual([]);
  // Without the owner token there is no team tab; the owner has one.
  await expect(page.getByRole('tab', { name: 'Moderators' })).toBeVisible();
});

test('the owner adds a moderator (token shown once), who moderates under their name, then revokes them', async ({
  page,
  stack,
  browser,
}) => {
  const [id] = await postViaApi(page, stack.api, [{ thread: LIBRARY_PATH, body: 'Held for Nadia', name: 'Reader' }]);
  await signIn(page, stack.api, ADMIN);
  await page.getByRole('tab', { name: 'Moderators' }).click();
  await expect(page.getByText('No moderators yet.')).toBeVisible();
  await page.getByLabel('Name').fill('Nadia');
  await page.getByRole('button', { name: 'Add moderator' }).click();
  await expect(page.getByRole('status')).toHaveText('Added Nadia.');
  const tokenField = page.getByLabel('Nadia’s token (shown only now: copy it)');
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^tlm_/);
  expect(await axeViolations(page)).toEqual([]);

  const nadia = await browser.newPage();
  await signIn(nadia, stack.api, token);
  await expect(nadia.getByRole('tab', { name: 'Audit log' })).toBeVisible();
  await expect(nadia.getByRole('tab', { name: 'Moderators' })).toHaveCount(0);
  await nadia.locator(`li[data-comment-id="${id}"]`).getByRole('button', { name: 'Approve' }).click();
  await expect(nadia.getByRole('status')).toHaveText('Approved.');
  await nadia.getByRole('tab', { name: 'Audit log' }).click();
  await expect(nadia.locator('table.audit tbody tr').first()).toContainText('Nadia');

  // The token is shown once: a reload of the tab lists Nadia without it.
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByRole('tab', { name: 'Moderators' }).click();
  await expect(tokenField).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke Nadia' }).click();
  await expect(page.getByRole('status')).toHaveText('Revoked Nadia.');
  await nadia.getByRole('tab', { name: 'Pending' }).click();
  await expect(nadia.getByRole('alert')).toHaveText('The admin token is missing or wrong.');
  await nadia.close();
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
