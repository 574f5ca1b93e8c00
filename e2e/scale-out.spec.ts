import { expect, test } from '@playwright/test';
import { freshDatabase, startTestCluster, type TestCluster } from '../server-stub/src/store/pg-test-cluster.ts';
import { commentById, commentByText, openArticle, postTopLevel } from './fixtures.ts';
import { type Stack, startStack } from './stack.ts';

/** Two server processes on one PostgreSQL: what a bigger site runs behind a load balancer. */
let cluster: TestCluster | undefined;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let a: Stack;
let b: Stack;

test.beforeAll(async () => {
  if (!process.env.DATABASE_URL) {
    cluster = await startTestCluster();
    process.env.DATABASE_URL = cluster.url;
  }
  db = await freshDatabase();
  // Started together, as a deploy would: they agree on one secret and seed the thread once.
  [a, b] = await Promise.all([startStack({ env: { DATABASE_URL: db.url } }), startStack({ env: { DATABASE_URL: db.url } })]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
  cluster?.stop();
});

test('a comment posted through one instance reaches readers connected to the other, live', async ({ browser }) => {
  const reader = await browser.newPage();
  const writer = await browser.newPage();
  await openArticle(reader, a);
  await openArticle(writer, b);
  await expect(reader.locator('.tl-heading')).toHaveText('19 comments');
  await reader.waitForTimeout(500); // streams connected

  await postTopLevel(writer, 'Posted through instance B', 'Bea');
  await expect(reader.getByRole('button', { name: 'Show 1 new comment' })).toBeVisible();

  await commentById(writer, 'c9')
    .getByRole('button', { name: /^Reply to/ })
    .click();
  await writer.getByLabel(/^Your reply to/).fill('A reply through B');
  await writer.getByRole('button', { name: 'Post reply' }).click();
  await expect(reader.locator('li#comment-c9 > ol').getByText('A reply through B')).toBeVisible();

  // One database: the comment is there on every instance after a reload, and its edit token
  // (issued by B) is honoured by A too, since both instances share the stored secret.
  const mine = commentByText(writer, 'Posted through instance B');
  await expect(mine).toHaveAttribute('aria-busy', 'false');
  const id = (await mine.getAttribute('data-comment-id'))!;
  const token = await writer.evaluate((cid) => JSON.parse(localStorage.getItem('threadline:owned')!)[cid].token as string, id);
  const edit = await fetch(`${a.api}/api/comments/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'x-edit-token': token },
    body: JSON.stringify({ body: 'Posted through instance B, edited through A' }),
  });
  expect(edit.status).toBe(200);
  await expect(commentByText(writer, 'edited through A')).toBeVisible();
  await reader.reload();
  await reader.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(reader.locator('.tl-heading')).toHaveText('21 comments');
  await reader.close();
  await writer.close();
});
