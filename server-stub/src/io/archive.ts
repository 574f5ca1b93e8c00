import { z } from 'zod';
import { shownComments } from '../../../widget/src/protocol/shown-comments.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { ImportInputError } from './import-error.ts';
import type { ImportRecord } from './import-records.ts';

const commentSchema = z.object({
  id: z.string().min(1).max(64),
  thread: z.string().min(1).max(512),
  parentId: z.string().min(1).max(64).nullable(),
  authorName: z.string().max(200).nullable(),
  authorEmail: z.string().max(254).nullable(),
  authorWebsite: z.string().max(300).nullable(),
  /** A signed-in author's user id and badge (absent for guests, and in archives from before sign-in). */
  authorSub: z.string().min(1).max(255).nullish(),
  authorBadge: z.enum(['staff']).nullish(),
  ipHash: z.string().max(100).nullable(),
  body: z.string(),
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'createdAt must be a date'),
  editedAt: z.string().nullable(),
  status: z.enum(['published', 'deleted', 'pending', 'rejected']),
  /** The passage an inline comment is anchored to (absent in archives from before anchors). */
  anchor: z
    .object({
      type: z.enum(['quote', 'paragraph']),
      exact: z.string().min(1).max(4000),
      prefix: z.string().max(400).optional(),
      suffix: z.string().max(400).optional(),
      position: z.number().int().min(0).optional(),
      key: z.string().min(1).max(64),
    })
    .nullish(),
});

/** Everything a site has, as one JSON document: what `export` writes and `import` reads back. */
export const archiveSchema = z.object({
  format: z.literal('threadline-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  threads: z.array(
    z.object({ key: z.string().min(1).max(512), title: z.string().nullable(), url: z.string().nullable(), locked: z.boolean() }),
  ),
  comments: z.array(commentSchema),
  votes: z.array(z.object({ commentId: z.string(), voterId: z.string(), ipHash: z.string(), createdAt: z.string() })),
  bans: z.array(z.object({ kind: z.enum(['ip', 'email']), value: z.string() })),
});
/** A site's comments, threads, votes and bans. */
export type Archive = z.infer<typeof archiveSchema>;
/** One comment of an archive. */
export type ArchivedComment = z.infer<typeof commentSchema>;

/** Reads everything out of a store, oldest comment first. */
export async function exportAll(store: CommentStore, now = new Date()): Promise<Archive> {
  const comments: ArchivedComment[] = [];
  let before: number | undefined;
  do {
    const page = await store.listForAdmin({ limit: 1000, ...(before ? { beforeSeq: before } : {}) });
    for (const c of page.comments) {
      comments.push({
        id: c.id,
        thread: c.thread,
        parentId: c.parentId,
        authorName: c.author.name,
        authorEmail: c.authorEmail,
        authorWebsite: c.author.website ?? null,
        ...(c.authorSub ? { authorSub: c.authorSub, authorBadge: c.author.badge ?? null } : {}),
        ipHash: c.ipHash,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt ?? null,
        status: c.status,
        ...(c.anchor?.key ? { anchor: { ...c.anchor, key: c.anchor.key } } : {}),
      });
    }
    before = page.nextBeforeSeq ?? undefined;
  } while (before);
  comments.reverse();
  return {
    format: 'threadline-export',
    version: 1,
    exportedAt: now.toISOString(),
    threads: await store.listThreads(),
    comments,
    votes: await store.listVotes(),
    bans: await store.listBans(),
  };
}

/**
 * The copy of an archive a site may publish (`export --public`, for the static adapter): what
 * readers see and nothing else (shownComments: nothing held or rejected, nor under them; deleted
 * comments only as blank placeholders of shown ones); no email, address hash or sign-in id; votes
 * keep their count, not who cast them or when; no bans; only threads with comments to show (a
 * thread only held comments made may be a page not yet public). Still a valid archive.
 */
export function publicArchive(archive: Archive): Archive {
  const comments = shownComments(archive.comments).map(
    ({ authorSub: _sub, authorBadge: _badge, ...c }): ArchivedComment => ({ ...c, authorEmail: null, ipHash: null }),
  );
  const kept = new Map(comments.map((c) => [c.id, c]));
  const counts = new Map<string, number>();
  const votes = archive.votes.flatMap((v) => {
    const comment = kept.get(v.commentId);
    if (!comment) return [];
    const n = (counts.get(v.commentId) ?? 0) + 1;
    counts.set(v.commentId, n);
    return [{ commentId: v.commentId, voterId: `vote-${n}`, ipHash: '', createdAt: comment.createdAt }];
  });
  const shown = new Set(comments.map((c) => c.thread));
  const threads = archive.threads.filter((t) => shown.has(t.key));
  return { ...archive, threads, comments, votes, bans: [] };
}

/**
 * Reads a threadline export from its text: a JSON syntax error or a field that does not fit the
 * format throws an ImportInputError saying where.
 */
export function parseArchive(text: string): Archive {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message);
    // Newer Node versions say where (position N); Node 20 quotes the text around the error instead.
    throw new ImportInputError(`not a valid JSON export: ${message}`, at ? text.slice(0, Number(at[1])).split('\n').length : undefined);
  }
  const parsed = archiveSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportInputError(`not a threadline export: ${issue.path.join('.') || 'the document'}: ${issue.message}`);
  }
  return parsed.data;
}

/** An archive as import records: threads, then comments (parents before replies as exported), votes and bans. */
export function* archiveRecords(archive: Archive): Generator<ImportRecord> {
  for (const t of archive.threads) yield { type: 'thread', ...t };
  for (const comment of archive.comments) yield { type: 'comment', comment };
  for (const v of archive.votes) yield { type: 'vote', ...v };
  for (const b of archive.bans) yield { type: 'ban', ...b };
}
