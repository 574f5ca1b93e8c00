import fs from 'node:fs';
import { Hono } from 'hono';
import { listen } from '../server-stub/src/http/listen.ts';
import { ARTICLES } from './articles.ts';
import { renderArticle, renderIndex } from './render-page.ts';
import { subscriberLogin } from './subscriber-login.ts';

/** How to run the demo news site. */
export interface DemoConfig {
  host: string;
  port: number;
  /** Base URL of the comments API the pages embed, on another origin. */
  api: string;
  /** Extra HTML pages by path, looked up per request (tests add hostile or odd host pages here). */
  extraPages?: ReadonlyMap<string, ExtraPage>;
  /** `THREADLINE_SSO_SECRET`: turns on the fake subscriber sign-in, whose tokens it signs. */
  ssoSecret?: string | undefined;
}

/** A page added to the demo site: its HTML and any response headers (e.g. a strict CSP). */
export interface ExtraPage {
  html: string;
  headers?: Record<string, string>;
}

/** A running demo site. */
export interface RunningDemo {
  url: string;
  close(): Promise<void>;
}

const SITE_CSS = fs.readFileSync(new URL('./site.css', import.meta.url));

/** The demo news site as a Hono app; `origin` is its own public origin (for canonical links). */
export function createDemoApp(origin: () => string, api: string, extraPages?: ReadonlyMap<string, ExtraPage>, ssoSecret?: string): Hono {
  const app = new Hono();
  if (ssoSecret) app.route('/', subscriberLogin(ssoSecret));
  if (extraPages) {
    app.use('*', async (c, next) => {
      const page = extraPages.get(c.req.path);
      if (page === undefined) return next();
      return c.html(page.html, 200, page.headers ?? {});
    });
  }
  app.get('/', (c) => c.html(renderIndex(origin(), ARTICLES)));
  app.get('/assets/site.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(SITE_CSS);
  });
  for (const article of ARTICLES) {
    // ?theme=dark shows the site's dark edition, with the widget's dark palette; ?lang=de the widget in German.
    app.get(article.path, (c) => {
      const dark = c.req.query('theme') === 'dark';
      const lang = c.req.query('lang');
      // Readers may comment on any paragraph of the story itself (inline comments).
      const attributes: Record<string, string> = {
        'data-inline': '.story-body p',
        ...(dark ? { 'data-theme': 'dark' } : {}),
        ...(lang && /^[\w-]{1,20}$/.test(lang) ? { 'data-lang': lang } : {}),
        ...(ssoSecret
          ? {
              'data-sso-token-url': '/threadline-token',
              'data-login-url': `/login?back=${encodeURIComponent(article.path)}`,
              'data-logout-url': `/logout?back=${encodeURIComponent(article.path)}`,
            }
          : {}),
      };
      return c.html(renderArticle(origin(), article, { api, attributes }, dark));
    });
  }
  return app;
}

/** Starts the demo site. */
export async function startDemo(config: DemoConfig): Promise<RunningDemo> {
  let url = '';
  const app = createDemoApp(() => url, config.api.replace(/\/+$/, ''), config.extraPages, config.ssoSecret);
  const http = await listen(app, config.host, config.port, 'DEMO_PORT');
  url = http.url;
  return http;
}
