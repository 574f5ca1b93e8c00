import { z } from 'zod';
import type { Anchor } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';

const commentSchema = z.object({
  id: z.string().min(1).max(64),
  thread: z.string().min(1).max(512),
  parentId: z.string().min(1).max(64).nullable(),
  authorName: z.string().max(200).nullable(),
  authorEmail: z.string().max(254).nullable(),
  authorWebsite: z.string().max(300).nullable(),
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

/** What an import did. */
export interface ImportReport {
  threads: number;
  comments: number;
  /** Already present (same id): left as they were, so importing twice is harmless. */
  skipped: number;
  votes: number;
}

/**
 * Writes an archive into a store: parents before replies, dates, authors, states, edits, votes,
 * locks and bans as they were. Comments whose id exists are skipped.
 */
export async function importArchive(store: CommentStore, input: unknown): Promise<ImportReport> {
  const archive = archiveSchema.parse(input);
  const pageOf = new Map(archive.threads.map((t) => [t.key, t]));
  const report: ImportReport = { threads: archive.threads.length, comments: 0, skipped: 0, votes: 0 };
  const present = new Set<string>();
  const imported: ArchivedComment[] = [];
  // Parents first: repeat passes until nothing more can be placed (an orphan goes in at the top level).
  let waiting = [...archive.comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  while (waiting.length) {
    const next: ArchivedComment[] = [];
    for (const c of waiting) {
      if (c.parentId && !present.has(c.parentId) && waiting.some((w) => w.id === c.parentId)) {
        next.push(c);
        continue;
      }
      present.add(c.id);
      if (await store.findComment(c.id)) {
        report.skipped++;
        continue;
      }
      const page = pageOf.get(c.thread);
      await store.insertComment({
        id: c.id,
        thread: c.thread,
        parentId: c.parentId && (present.has(c.parentId) || (await store.findComment(c.parentId))) ? c.parentId : null,
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        authorWebsite: c.authorWebsite,
        ipHash: c.ipHash,
        body: c.body || ' ',
        createdAt: c.createdAt,
        editTokenHash: '',
        status: c.status === 'pending' ? 'pending' : 'published',
        page: { title: page?.title ?? null, url: page?.url ?? null },
        anchor: c.anchor ? (c.anchor as Anchor & { key: string }) : null,
      });
      imported.push(c);
      report.comments++;
    }
    if (next.length === waiting.length) break;
    waiting = next;
  }
  // States and edits once every reply is in place (a deleted comment with replies stays a placeholder).
  for (const c of imported) if (c.editedAt && c.status === 'published') await store.editComment(c.id, c.body, c.editedAt, 'published');
  for (const c of imported) if (c.status === 'rejected') await store.setStatus(c.id, 'rejected');
  for (const c of [...imported].reverse()) if (c.status === 'deleted') await store.deleteComment(c.id);
  for (const v of archive.votes) {
    if (!imported.some((c) => c.id === v.commentId)) continue;
    await store.setVote(v.commentId, v.voterId, v.ipHash, true, v.createdAt);
    report.votes++;
  }
  for (const t of archive.threads) if (t.locked) await store.setThreadLocked(t.key, true);
  for (const b of archive.bans) await store.setBan(b.kind, b.value, true);
  return report;
}
