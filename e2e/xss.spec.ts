import type { Page } from '@playwright/test';
import payloads from './data/xss-payloads.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';
import type { Stack } from './stack.ts';

/**
 * Guards against cross-site scripting through comments: every payload in e2e/data/xss-payloads.json
 * (script tags, event handlers, javascript:/data:/entity-encoded URLs, SVG/MathML, mutation XSS,
 * Markdown link tricks, attribute breakouts) is rendered by the real widget in Chromium, and must
 * neither run nor leave anything but allow-listed markup in the DOM.
 */
const ALLOWED_TAGS = new Set(['P', 'BR', 'EM', 'STRONG', 'B', 'I', 'DEL', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A']);
const ALLOWED_ATTRS = new Set(['href', 'start', 'rel', 'target']);

test.describe.configure({ mode: 'parallel' });

/** Turns alert/confirm/prompt and a global hook into counters, so any executed payload is seen. */
async function trapScripts(page: Page): Promise<() => number> {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __ran: unknown[] };
    w.__ran = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => w.__ran.push([name, ...args]);
    }
  });
  return () => dialogs;
}

/** What reached the comment bodies' DOM, reduced to what is not allowed. */
async function domViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tags, attrs }) => {
      const bad: string[] = [];
      const root = document.querySelector('threadline-root')!.shadowRoot!;
      for (const body of root.querySelectorAll('.tl-body')) {
        for (const el of body.querySelectorAll('*')) {
          if (!tags.includes(el.tagName)) bad.push(`tag <${el.tagName.toLowerCase()}>`);
          for (const a of el.attributes) {
            if (!attrs.includes(a.name)) bad.push(`attribute ${a.name} on <${el.tagName.toLowerCase()}>`);
          }
          const href = el.getAttribute('href');
          if (href !== null && !/^(https?:|mailto:)/i.test(href)) bad.push(`href ${href}`);
          if (el.tagName === 'A' && href !== null) {
            if (el.getAttribute('rel') !== 'nofollow ugc noopener noreferrer') bad.push(`rel ${el.getAttribute('rel')}`);
            if (el.getAttribute('target') !== '_blank') bad.push(`target ${el.getAttribute('target')}`);
          }
        }
      }
      // Nothing may have escaped into the host document either.
      for (const el of document.querySelectorAll('script:not([src*="embed.js"]), iframe, object, embed, base, meta[http-equiv]')) {
        bad.push(`host document got <${el.tagName.toLowerCase()}>`);
      }
      return bad;
    },
    { tags: [...ALLOWED_TAGS], attrs: [...ALLOWED_ATTRS] },
  );
}

/** Hovers and focuses everything in the bodies, so mouse and focus handlers would fire if present. */
async function poke(page: Page): Promise<void> {
  const els = page.locator('.tl-body *');
  const n = await els.count();
  for (let i = 0; i < n; i += 7)
    await els
      .nth(i)
      .hover({ force: true, timeout: 500 })
      .catch(() => {});
  await page.evaluate(() => {
    const root = document.querySelector('threadline-root')!.shadowRoot!;
    for (const el of root.querySelectorAll<HTMLElement>('.tl-body *')) {
      for (const type of ['mouseover', 'focus', 'click', 'animationstart', 'toggle']) {
        if (el.tagName !== 'A' || type !== 'click') el.dispatchEvent(new Event(type));
      }
    }
  });
  await page.waitForTimeout(300);
}

async function openThread(page: Page, stack: Stack, thread: string): Promise<void> {
  stack.pages.set('/xss', {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS</title></head><body><script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="${thread}" data-page-size="200" async></script></body></html>`,
  });
  await page.goto(`${stack.site}/xss`);
}

test(`${payloads.length} hostile payloads posted through the API render inert`, async ({ page, stack }) => {
  expect(payloads.length).toBeGreaterThanOrEqual(100);
  const dialogs = await trapScripts(page);
  for (const [i, p] of payloads.entries()) {
    const res = await page.request.post(`${stack.api}/api/comments`, {
      data: { thread: '/xss', body: p.payload, author: { name: i < 40 ? p.payload.slice(0, 80) : `Attacker ${i}` } },
    });
    expect(res.status(), p.title).toBe(201);
  }
  await openThread(page, stack, '/xss');
  await expect(page.locator('.tl-heading')).toHaveText(`${payloads.length} comments`);
  await expect(page.locator('article.tl-comment')).toHaveCount(payloads.length);
  await poke(page);

  expect(await page.evaluate(() => (window as unknown as { __ran: unknown[] }).__ran)).toEqual([]);
  expect(dialogs()).toBe(0);
  expect(await domViolations(page)).toEqual([]);

  // Markup typed as text stays text the reader can see.
  const first = page.locator('article.tl-comment').first();
  await expect(first.locator('.tl-body')).toHaveText('<script>alert(1)</script>');
  await expect(first.locator('.tl-author')).toHaveText('<script>alert(1)</script>');
});

/**
 * Shows every payload as HTML from an adapter (bodyFormat 'html') and checks nothing ran or stayed;
 * returns the lazily loaded chunks the page asked for.
 */
async function showAsAdapterHtml(page: Page, stack: Stack): Promise<string[]> {
  const dialogs = await trapScripts(page);
  const chunks: string[] = [];
  page.on('request', (r) => {
    const m = /\/threadline-([a-z-]+)-[\w-]{8}\.js$/.exec(r.url());
    if (m) chunks.push(m[1]!);
  });
  stack.pages.set('/xss-html', {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS</title></head><body><div id="c"></div></body></html>`,
  });
  await page.goto(`${stack.site}/xss-html`);
  await page.evaluate(
    async ({ api, list }) => {
      const m = await import(`${api}/threadline.js`);
      const comments = list.map((p: { payload: string }, i: number) => ({
        id: `x${i}`,
        thread: '/xss-html',
        parentId: null,
        author: { name: `Adapter ${i}` },
        body: p.payload,
        bodyFormat: 'html',
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
        status: 'published',
      }));
      m.mount(document.querySelector('#c'), {
        thread: '/xss-html',
        backend: {
          listThread: async () => ({ thread: { key: '/xss-html', title: null, url: null, commentCount: comments.length }, comments }),
          postComment: async () => {
            throw new Error('read-only');
          },
        },
      });
    },
    { api: stack.api, list: payloads },
  );
  await expect(page.locator('article.tl-comment')).toHaveCount(payloads.length);
  await expect(page.locator('.tl-body[aria-busy]')).toHaveCount(0);
  await poke(page);
  expect(await page.evaluate(() => (window as unknown as { __ran: unknown[] }).__ran)).toEqual([]);
  expect(dialogs()).toBe(0);
  expect(await domViolations(page)).toEqual([]);
  // Allowed markup survives: a safe link keeps its href with the forced rel/target.
  const safe = page.locator('.tl-body a[href="https://a.example"]').first();
  await expect(safe).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
  return chunks;
}

test(`the same ${payloads.length} payloads as HTML from an adapter go through Chromium's Element.setHTML`, async ({ page, stack }) => {
  expect(await page.evaluate(() => typeof (Element.prototype as { setHTML?: unknown }).setHTML)).toBe('function');
  const chunks = await showAsAdapterHtml(page, stack);
  expect(chunks).toContain('html-body');
  // The browser's sanitizer did it all: DOMPurify was never loaded.
  expect(chunks).not.toContain('purify');
});

test(`the same ${payloads.length} payloads as HTML from an adapter go through DOMPurify where there is no setHTML`, async ({
  page,
  stack,
}) => {
  await page.addInitScript(() => {
    delete (Element.prototype as { setHTML?: unknown }).setHTML;
  });
  expect(await showAsAdapterHtml(page, stack)).toContain('purify');
});
