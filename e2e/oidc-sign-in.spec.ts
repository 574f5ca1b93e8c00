import type { Page } from '@playwright/test';
import { answerFromProvider, startOidcProvider, type TestOidcProvider } from '../server-stub/src/auth/test-oidc-provider.ts';
import { freePort } from '../server-stub/src/http/free-port.ts';
import { commentByText, drawn, expect, LIBRARY_PATH, openArticle, test } from './fixtures.ts';
import { type Stack, startStack } from './stack.ts';

/**
 * A site without accounts of its own: the server signs readers in with a real OpenID provider
 * (oidc-provider on loopback, its own login and consent pages), through a popup.
 */
function testWithProvider(tokenSeconds = 3600) {
  return test.extend<{ provider: TestOidcProvider & { apiPort: number }; stack: Stack }>({
    provider: async ({}, use) => {
      const apiPort = await freePort();
      const provider = await startOidcProvider(`http://127.0.0.1:${apiPort}/api/auth/oidc/callback`);
      await use({ ...provider, apiPort });
      await provider.close();
    },
    stack: async ({ provider }, use) => {
      const stack = await startStack({
        apiPort: provider.apiPort,
        env: {
          THREADLINE_OIDC_ISSUER: provider.issuer,
          THREADLINE_OIDC_CLIENT_ID: provider.clientId,
          THREADLINE_OIDC_CLIENT_SECRET: provider.clientSecret,
          THREADLINE_OIDC_TOKEN_SECONDS: String(tokenSeconds),
        },
      });
      await use(stack);
      await stack.stop();
    },
  });
}

const TOKEN_KEY = (stack: Stack) => `threadline:oidc-token:${stack.api}`;
const storedToken = (page: Page, stack: Stack) => page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY(stack));

/** Clicks "Sign in" and returns the popup, on the provider's login page. */
async function openSignIn(page: Page) {
  const opened = page.waitForEvent('popup');
  await page.locator('form.tl-composer').first().getByRole('button', { name: 'Sign in' }).click();
  const popup = await opened;
  await expect(popup.locator('input[name=login]')).toBeVisible();
  return popup;
}

/** Logs in at the provider as `login` and consents, as a reader would in the popup. */
async function logInAtProvider(popup: Page, login: string) {
  await popup.locator('input[name=login]').fill(login);
  await popup.locator('input[name=password]').fill('correct horse');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();
}

const withProvider = testWithProvider();

withProvider(
  'a reader signs in with the OpenID provider in a popup, posts under the verified name, and signs out',
  async ({ page, stack }) => {
    // Three visits and a popup: more than the default 30 s on a busy machine.
    test.setTimeout(60_000);
    await openArticle(page, stack, LIBRARY_PATH);
    const form = page.locator('form.tl-composer').first();
    await expect(form.getByLabel('Name')).toBeVisible();
    const popup = await openSignIn(page);
    const closed = popup.waitForEvent('close');
    await logInAtProvider(popup, 'ann');
    await closed;
    await expect(form).toContainText('Signed in as Ann Okafor');
    await expect(form.getByLabel('Name')).toHaveCount(0);
    expect(await storedToken(page, stack)).toMatch(/^ey/);

    const sent: (string | null)[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${stack.api}/api/comments`) && r.method() === 'POST') sent.push(r.headers().authorization ?? null);
    });
    await form.getByLabel('Your comment').fill('Signed in through the provider, no site account needed.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const mine = commentByText(page, 'Signed in through the provider, no site account needed.');
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    expect(sent[0]).toBe(`Bearer ${await storedToken(page, stack)}`);
    await expect(mine.locator('.tl-author')).toHaveText('Ann Okafor');
    // The verified mark is the name's ::after; screen readers hear its alt text.
    await expect(mine.locator('.tl-author')).toHaveAttribute('data-verified', 'Verified');
    expect(await drawn(mine.locator('.tl-author'), '::after')).toBe('"✓" / "Verified"');
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: 'test-results/oidc-signed-in.png' });

    // Still signed in on the next visit; signed out for good after "Sign out".
    await openArticle(page, stack, LIBRARY_PATH);
    await expect(form).toContainText('Signed in as Ann Okafor');
    await form.getByRole('button', { name: 'Sign out' }).click();
    await expect(form.getByLabel('Name')).toBeVisible();
    expect(await storedToken(page, stack)).toBeNull();
    await openArticle(page, stack, LIBRARY_PATH);
    await expect(form.getByLabel('Name')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Sign in' })).toBeVisible();
  },
);

withProvider(
  'an answer from the provider with a state that is not this sign-in’s is refused, and the page stays signed out',
  async ({ page, stack }) => {
    // Login CSRF: an attacker signs in as themselves outside the reader's browser and has the reader's
    // popup load the provider's answer (their code, their state), to sign the reader in as the attacker.
    const attackerStart = await fetch(`${stack.api}/api/auth/oidc/start?origin=${encodeURIComponent(stack.site)}`, { redirect: 'manual' });
    const answer = await answerFromProvider(attackerStart.headers.get('location')!, 'mallory', `${stack.api}/api/auth/oidc/callback`);

    await openArticle(page, stack, LIBRARY_PATH);
    const popup = await openSignIn(page);
    await popup.goto(answer.href);
    await expect(popup.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
    await expect(popup.locator('body')).toContainText('does not belong to this sign-in');
    await popup.screenshot({ path: 'test-results/oidc-state-mismatch.png' });
    const form = page.locator('form.tl-composer').first();
    await expect(form.getByLabel('Name')).toBeVisible();
    await expect(form).not.toContainText('Signed in as');
    expect(await storedToken(page, stack)).toBeNull();
  },
);

const shortLived = testWithProvider(12);

shortLived('an expired token signs the reader out and the server refuses it', async ({ page, stack }) => {
  test.setTimeout(60_000);
  await openArticle(page, stack, LIBRARY_PATH);
  const form = page.locator('form.tl-composer').first();
  const popup = await openSignIn(page);
  await logInAtProvider(popup, 'sam');
  await expect(form).toContainText('Signed in as sam');
  const token = await storedToken(page, stack);
  await form.getByLabel('Your comment').fill('Typed while my sign-in was running out.');
  // The token lasts 12 s: the widget drops it once it lapses (and forgets the stored copy).
  await expect(form.getByLabel('Name')).toBeVisible({ timeout: 25_000 });
  await expect(form).not.toContainText('Signed in as');
  expect(await storedToken(page, stack)).toBeNull();
  await expect(form.getByLabel('Your comment')).toHaveValue('Typed while my sign-in was running out.');
  const late = await page.request.post(`${stack.api}/api/comments`, {
    headers: { authorization: `Bearer ${token}` },
    data: { thread: LIBRARY_PATH, body: 'late', author: { name: null } },
  });
  expect(late.status()).toBe(401);
  expect(((await late.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
});
