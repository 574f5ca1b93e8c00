import { commentByText, embedOnSite, expect, newPost, openPost, postAs, test } from './fixtures.ts';
import { addComment } from './seed.ts';

const READER = { name: 'Rita Regular', email: 'rita@example.com' };

test.beforeEach(async ({ world }) => {
  await embedOnSite(world, { poll: '0' });
});

/** The top-level form's error, and the text still in it. */
async function expectRefused(page: import('@playwright/test').Page, message: string | RegExp, text: string): Promise<void> {
  const form = page.locator('form.tl-composer').first();
  await expect(form.getByRole('alert')).toHaveText(message);
  await expect(form.getByLabel('Your comment')).toHaveValue(text);
}

test('name and email required: WordPress’s refusal, translated, the text kept', async ({ page, world }) => {
  const post = await newPost(world, 'Names required');
  await openPost(page, post.link);
  await postAs(page, { name: '', email: '' }, 'Who am I?');
  await expectRefused(page, 'This site needs your name and email to post. Your text is still here.', 'Who am I?');
  await expect(page.locator('form.tl-composer').first().getByLabel(/^Name/)).toHaveAttribute('aria-invalid', 'true');
});

test('the same comment twice: "already posted", the text kept', async ({ page, world }) => {
  const post = await newPost(world, 'Duplicates');
  await addComment(world.wp, post.id, { ...READER, body: 'Approved before.' });
  await openPost(page, post.link);
  await postAs(page, READER, 'Said once.');
  await expect(commentByText(page, 'Said once.')).toBeVisible();
  await postAs(page, READER, 'Said once.');
  await expectRefused(page, /^You already posted this comment/, 'Said once.');
});

test('too fast (WordPress’s flood check): told to wait, the text kept', async ({ page, world }) => {
  const post = await newPost(world, 'Flood');
  await world.wp.setOptions({ tl_test_flood: 1 });
  try {
    await openPost(page, post.link);
    await postAs(page, READER, 'One.');
    // The answer came (the form is free again) and the comment stayed: WordPress stored it.
    await expect(page.locator('form.tl-composer').first().getByRole('button', { name: 'Post comment' })).toBeEnabled();
    await expect(commentByText(page, 'One.')).toBeVisible();
    await postAs(page, READER, 'Two, too soon.');
    await expectRefused(page, 'Too many attempts. Please wait 15 seconds, then try again; your text is still here.', 'Two, too soon.');
  } finally {
    await world.wp.setOptions({ tl_test_flood: 0 });
  }
});

test('comments closed after the page loaded: told so, the text kept; on reload the form is gone', async ({ page, world }) => {
  const post = await newPost(world, 'Closing');
  // Twenty Twenty-One leaves out the comments place on a closed post without comments: give it one.
  await addComment(world.wp, post.id, { name: 'Early Bird', body: 'Got in before it closed.' });
  await openPost(page, post.link);
  await world.wp.admin('POST', `wp/v2/posts/${post.id}`, { comment_status: 'closed' });
  await postAs(page, READER, 'Too late?');
  await expectRefused(page, 'This discussion is closed to new comments.', 'Too late?');
  await page.reload();
  await expect(page.locator('.tl-locked')).toHaveText('This discussion is closed to new comments.');
  await expect(page.locator('form.tl-composer')).toHaveCount(0);
});

test('a site for logged-in users only: told so, the text kept', async ({ page, world }) => {
  const post = await newPost(world, 'Members only');
  await world.wp.setOptions({ comment_registration: 1 });
  try {
    await openPost(page, post.link);
    await postAs(page, READER, 'Let me in.');
    await expectRefused(page, 'Only logged-in users may comment on this site. Your text is still here.', 'Let me in.');
  } finally {
    await world.wp.setOptions({ comment_registration: 0 });
  }
});

test('any other refusal (a plugin’s own code) shows WordPress’s message inside ours', async ({ page, world }) => {
  const post = await newPost(world, 'Other refusals');
  await openPost(page, post.link);
  await postAs(page, READER, 'Look at the moon tonight.');
  await expectRefused(
    page,
    'The site refused this comment: “Comments about the moon are not accepted here.” Your text is still here.',
    'Look at the moon tonight.',
  );
});
