import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describePassage } from '../../../widget/src/protocol/anchor-passage.ts';
import { collapse } from '../../../widget/src/protocol/anchor-text.ts';
import type { Anchor } from '../../../widget/src/protocol/types.ts';
import { anchorKey } from '../domain/validation.ts';
import type { CommentStore, StoredCommentInput } from './comment-store.ts';

/** The thread key of the seed article: the demo page's path. */
export const SEED_THREAD_KEY = '/news/westport-police-address-immigration-raid-fears';

/** Where the seed fixture lives inside the repo (copied from the project's shared seed). */
export const SEED_FILE = fileURLToPath(new URL('../../fixtures/westport-thread.json', import.meta.url));
/** Which seed comments are inline comments on a passage of the article (the demo has data-inline). */
export const SEED_ANCHORS_FILE = fileURLToPath(new URL('../../fixtures/westport-anchors.json', import.meta.url));

interface SeedFile {
  article: { title: string; paragraphs: string[] };
  comments: { id: string; parentId: string | null; authorName: string | null; body: string; order: number }[];
}

/** The seed shows no dates; space its comments 23 minutes apart from the article's morning. */
const SEED_START = Date.parse('2019-07-17T13:05:00Z');
const SEED_STEP_MS = 23 * 60_000;

/** Loads the seed thread into an empty store; returns how many comments it added (0 if not empty). */
export async function seedIfEmpty(store: CommentStore, pageUrl: string | null, file = SEED_FILE): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
  const ordered = [...seed.comments].sort((a, b) => a.order - b.order);
  try {
    await insertSeed(store, seed, ordered, pageUrl);
  } catch (err) {
    // Another instance sharing the database seeded it first: nothing left to do.
    if (!(await store.isEmpty()) && (await store.findComment(ordered[0]!.id))) return 0;
    throw err;
  }
  return ordered.length;
}

/**
 * The anchors of the seed's inline comments, described exactly as the widget describes a reader's
 * selection on the demo page (whose commentable blocks are the article's paragraphs).
 */
function seedAnchors(seed: SeedFile, file = SEED_ANCHORS_FILE): Map<string, StoredCommentInput['anchor']> {
  if (!fs.existsSync(file)) return new Map();
  const { anchors } = JSON.parse(fs.readFileSync(file, 'utf8')) as { anchors: { id: string; type: Anchor['type']; exact: string }[] };
  const blocks = seed.article.paragraphs.map(collapse);
  const out = new Map<string, StoredCommentInput['anchor']>();
  for (const a of anchors) {
    const block = blocks.findIndex((b) => b.includes(a.exact));
    if (block === -1) continue;
    const start = blocks[block]!.indexOf(a.exact);
    const anchor = describePassage(blocks, block, a.type, start, start + a.exact.length);
    out.set(a.id, { ...anchor, key: anchorKey(anchor) });
  }
  return out;
}

async function insertSeed(store: CommentStore, seed: SeedFile, ordered: SeedFile['comments'], pageUrl: string | null): Promise<void> {
  const anchors = seedAnchors(seed);
  for (const c of ordered) {
    await store.insertComment({
      id: c.id,
      thread: SEED_THREAD_KEY,
      parentId: c.parentId,
      authorName: c.authorName,
      authorEmail: null,
      authorWebsite: null,
      editTokenHash: '',
      body: c.body,
      createdAt: new Date(SEED_START + c.order * SEED_STEP_MS).toISOString(),
      page: { title: seed.article.title, url: pageUrl },
      anchor: (c.parentId === null && anchors.get(c.id)) || null,
    });
  }
}
