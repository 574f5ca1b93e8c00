import type { CommentStore, StoredCommentInput } from '../server-stub/src/store/comment-store.ts';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same threads. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'the police chief town council residents immigration law federal state trust act community department officers court warrant civil criminal families workers economy schools library budget meeting vote neighbors restaurant builders'.split(
    ' ',
  );
const MARKDOWN = [
  (w: string) => `**${w}**`,
  (w: string) => `*${w}*`,
  (w: string) => `\`${w}\``,
  (w: string) => `[${w}](https://example.com/${w})`,
  (w: string) => `https://westport.example/${w}`,
];

/** A body of `min`–`max` characters; a third use Markdown (emphasis, code, links, quotes, lists). */
function body(rand: () => number, min = 50, max = 600): string {
  const target = min + Math.floor(rand() * (max - min));
  const formatted = rand() < 1 / 3;
  let text = formatted && rand() < 0.3 ? '> ' : '';
  while (text.length < target) {
    const w = WORDS[Math.floor(rand() * WORDS.length)]!;
    text += formatted && rand() < 0.08 ? MARKDOWN[Math.floor(rand() * MARKDOWN.length)]!(w) : w;
    text += rand() < 0.1 ? '.\n\n' : ' ';
  }
  if (formatted && rand() < 0.3) text += '\n\n- first point\n- second point';
  return text.slice(0, max).trim();
}

/**
 * Fills `thread` with `n` comments: 30% top-level, the rest replies to a random earlier comment
 * at depth 0–2 (so replies reach depth 3), bodies 50–600 characters, a third with Markdown.
 */
export async function generateThread(store: CommentStore, thread: string, n: number, seed = n): Promise<void> {
  const rand = random(seed);
  const depthOf = new Map<string, number>();
  const parents: string[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const id = `${thread.replace(/\W/g, '')}-${i}`;
    const isRoot = i === 0 || rand() < 0.3;
    const parentId = isRoot ? null : parents[Math.floor(rand() * parents.length)]!;
    const depth = parentId === null ? 0 : depthOf.get(parentId)! + 1;
    depthOf.set(id, depth);
    if (depth < 3) parents.push(id);
    const input: StoredCommentInput = {
      id,
      thread,
      parentId,
      authorName: rand() < 0.4 ? null : `Reader ${Math.floor(rand() * 500)}`,
      authorEmail: null,
      authorWebsite: null,
      editTokenHash: '',
      body: body(rand),
      createdAt: new Date(start + i * 37_000).toISOString(),
      page: { title: `Bench thread of ${n}`, url: null },
    };
    await store.insertComment(input);
  }
}
