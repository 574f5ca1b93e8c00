import type { Article } from './articles.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Where the demo page finds the comments API and what it adds to the tag. */
export interface EmbedSettings {
  api: string;
  /** Extra attributes for the script tag, e.g. `{ 'data-thread': 'x' }`. */
  attributes?: Record<string, string>;
}

const formatDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

/** The outer frame of every demo page: masthead, navigation, footer. */
export function renderFrame(origin: string, title: string, main: string, head = '', dark = false): string {
  return `<!doctype html>
<html lang="en"${dark ? ' class="dark"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | The Westport Ledger</title>
<link rel="stylesheet" href="/assets/site.css">
${head}
</head>
<body>
<header class="masthead">
  <div class="masthead-inner">
    <a class="brand" href="${origin}/">The Westport Ledger</a>
    <p class="tagline">Local news for Westport, Connecticut</p>
  </div>
  <nav class="sections" aria-label="Sections">
    <a href="${origin}/">Home</a><a href="${origin}/">Town</a><a href="${origin}/">Police &amp; Fire</a><a href="${origin}/">Schools</a><a href="${origin}/">Opinion</a>
  </nav>
</header>
${main}
<footer class="site-footer"><p>© The Westport Ledger, a demo site for threadline. Comments are the readers’ own.</p></footer>
</body>
</html>`;
}

/** An article page with the comments script tag under the story, as a site owner would paste it. */
export function renderArticle(origin: string, article: Article, embed: EmbedSettings, dark = false): string {
  const attrs = Object.entries(embed.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  const main = `<main class="page">
  <article class="story">
    <p class="kicker">${escapeHtml(article.section)}</p>
    <h1>${escapeHtml(article.title)}</h1>
    <p class="byline">By ${escapeHtml(article.byline)} · <time datetime="${article.date}">${formatDate(article.date)}</time></p>
    <div class="story-body">
${article.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n')}
    </div>
  </article>
  <section class="comments" id="comments">
    <script src="${embed.api}/embed.js" data-api="${embed.api}"${attrs} async></script>
  </section>
</main>`;
  const head = `<link rel="canonical" href="${origin}${article.path}">
<meta property="og:title" content="${escapeHtml(article.title)}">`;
  return renderFrame(origin, article.title, main, head, dark);
}

/** The front page: a list of stories. */
export function renderIndex(origin: string, articles: readonly Article[]): string {
  const items = articles
    .map(
      (a) => `    <li class="teaser"><p class="kicker">${escapeHtml(a.section)}</p>
      <h2><a href="${origin}${a.path}">${escapeHtml(a.title)}</a></h2>
      <p>${escapeHtml(a.paragraphs[0] ?? '')}</p></li>`,
    )
    .join('\n');
  return renderFrame(origin, 'Home', `<main class="page"><ul class="teasers">\n${items}\n  </ul></main>`);
}
