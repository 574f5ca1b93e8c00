import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WordPressSite } from './site.ts';

/** The Westport seed: the article and its 19 threaded reader comments. */
const SEED = JSON.parse(
  fs.readFileSync(fileURLToPath(new URL('../../server-stub/fixtures/westport-thread.json', import.meta.url)), 'utf8'),
) as {
  article: { title: string; paragraphs: string[] };
  comments: { id: string; parentId: string | null; authorName: string | null; body: string; order: number }[];
};

/** A post created for a test. */
export interface SeededPost {
  id: number;
  link: string;
}

/** Creates a published post from paragraphs (through the REST API, as the admin). */
export async function createPost(wp: WordPressSite, title: string, paragraphs: readonly string[]): Promise<SeededPost> {
  const post = await wp.admin<{ id: number; link: string }>('POST', 'wp/v2/posts', {
    title,
    status: 'publish',
    content: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
  });
  return { id: post.id, link: post.link };
}

/** Adds an approved comment as a visitor would have written it (name, email, date), as the admin. */
export async function addComment(
  wp: WordPressSite,
  post: number,
  c: { name: string; body: string; parent?: number; date?: string; email?: string },
): Promise<number> {
  const paragraphs = c.body.split(/\n\s*\n/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  const created = await wp.admin<{ id: number }>('POST', 'wp/v2/comments', {
    post,
    parent: c.parent ?? 0,
    author_name: c.name,
    author_email: c.email ?? `${c.name.toLowerCase().replace(/\W+/g, '.') || 'reader'}@example.com`,
    content: paragraphs.join('\n'),
    status: 'approved',
    ...(c.date ? { date_gmt: c.date } : {}),
  });
  return created.id;
}

/** The Westport article and its threaded comments (replies by `parent`, a minute apart, in page order). */
export async function seedWestport(wp: WordPressSite): Promise<SeededPost & { ids: [string, number][] }> {
  const post = await createPost(wp, SEED.article.title, SEED.article.paragraphs);
  const ids = new Map<string, number>();
  // One worker: parents first (page order is oldest first), one request at a time.
  for (const c of [...SEED.comments].sort((a, b) => a.order - b.order)) {
    const parent = c.parentId ? ids.get(c.parentId) : 0;
    const date = new Date(Date.UTC(2019, 6, 17, 12, c.order)).toISOString().slice(0, 19);
    ids.set(c.id, await addComment(wp, post.id, { name: c.authorName ?? 'Anonymous', body: c.body, parent: parent ?? 0, date }));
  }
  return { ...post, ids: [...ids] };
}

/** The seed, for assertions. */
export const WESTPORT = SEED;
