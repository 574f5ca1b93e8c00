import {
  commentById,
  docsShot,
  expect,
  LIBRARY_PATH,
  openArticle,
  openMore,
  postViaApi,
  testWithServerEnv,
  textStart,
} from './fixtures.ts';
import type { Stack } from './stack.ts';

const ADMIN = 'e2e-moderation-team-token-01';
// Reports from other networks arrive through the (trusted) proxy header, as behind a real proxy.
const test = testWithServerEnv({ THREADLINE_ADMIN_TOKEN: ADMIN, THREADLINE_TRUST_PROXY: '1', THREADLINE_FLAG_THRESHOLD: '3' });
const admin = (stack: Stack, path: string, body?: object) =>
  fetch(`${stack.api}/api/admin${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
const reportFrom = (stack: Stack, id: string, ip: string) =>
  fetch(`${stack.api}/api/comments/${id}/flags`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-voter-id': `voter-${ip.replaceAll('.', '-')}` },
    body: JSON.stringify({ reason: 'spam' }),
  });

test('a reader reports a comment; at the threshold it leaves every reader’s page live; the reported queue dismisses it back', async ({
  page,
  stack,
  browser,
}) => {
  // Two readers' pages, a report form and the admin page: more steps than most tests.
  test.slow();
  const [id] = await postViaApi(page, stack.api, [{ thread: LIBRARY_PATH, body: 'Cheap watches at my shop', name: 'Seller' }]);
  await openArticle(page, stack, LIBRARY_PATH);
  const other = await browser.newPage();
  await openArticle(other, stack, LIBRARY_PATH);
  const reported = commentById(page, id!);
  await openMore(reported);
  await reported.getByRole('button', { name: 'Report the comment by Seller' }).click();
  await reported.getByRole('radio', { name: 'Spam' }).check();
  // The form's own styles come with the comment tools' chunk: a framed box, not bare fields.
  await expect(reported.locator('.tl-report-form')).toHaveCSS('border-top-style', 'solid');
  await reported.getByLabel('Anything the moderators should know? (optional)').fill('advertising');
  await reported.getByRole('button', { name: 'Send report' }).click();
  await expect(reported.getByRole('status')).toHaveText('Reported. Thank you: the moderators will take a look.');
  // The thank-you sits under the comment's text, indented as it is.
  expect(Math.round(await textStart(reported.getByRole('status')))).toBe(Math.round(await textStart(reported.locator('.tl-body'))));
  // Two more readers on other networks: three reporters hold it.
  expect((await reportFrom(stack, id!, '198.51.100.21')).status).toBe(200);
  await expect(commentById(other, id!)).toBeVisible();
  expect((await reportFrom(stack, id!, '198.51.100.22')).status).toBe(200);
  await expect(commentById(other, id!)).toHaveCount(0);
  await expect(commentById(page, id!)).toHaveCount(0);

  // The moderator finds it in the reported queue with every reason and note, and dismisses the reports.
  await page.goto(`${stack.api}/admin`);
  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: 'Reported' }).click();
  const item = page.locator('li.comment', { hasText: 'Cheap watches at my shop' });
  await expect(item.locator('.reports')).toContainText('Reports: 3 · held by reports');
  await expect(item.locator('.reports li').first()).toContainText('spam · advertising');
  await item.getByRole('button', { name: 'Dismiss reports' }).click();
  await expect(page.getByRole('status')).toHaveText('Reports dismissed.');
  await expect(commentById(other, id!)).toBeVisible();
  await other.close();
});

test('a comment a moderator features shows in the picks strip of a reader already reading, and leaves it again', async ({
  page,
  stack,
}) => {
  const [, id] = await postViaApi(page, stack.api, [
    { thread: LIBRARY_PATH, body: 'First!', name: 'Early' },
    { thread: LIBRARY_PATH, body: 'The Saturday hours matter most to shift workers.', name: 'Dana' },
  ]);
  await openArticle(page, stack, LIBRARY_PATH);
  const strip = page.getByRole('region', { name: "Editors' picks" });
  await expect(strip).toHaveCount(0);
  expect((await admin(stack, `/comments/${id}/feature`, { featured: true })).status).toBe(200);
  await expect(strip.getByRole('link')).toHaveText('DanaThe Saturday hours matter most to shift workers.');
  await expect(commentById(page, id!).locator('.tl-pick-badge')).toHaveText("Editors' pick");
  await strip.getByRole('link').click();
  await expect(commentById(page, id!)).toBeFocused();
  await page.screenshot({ path: docsShot('screenshot-picks.png'), fullPage: false });
  expect((await admin(stack, `/comments/${id}/feature`, { featured: false })).status).toBe(200);
  await expect(strip).toHaveCount(0);
});
