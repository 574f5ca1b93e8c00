import type { Anchor } from '../../../widget/src/protocol/types.ts';
import type { CommentStore, ImportWriter } from '../store/comment-store.ts';
import { type ArchivedComment, archiveRecords, archiveSchema } from './archive.ts';
import { IdIndex } from './id-index.ts';
import type { ImportRecord, SkipReason } from './import-records.ts';
import { emptyReport, type ImportReport } from './import-report.ts';

/**
 * A copy that holds only its own characters. Text cut from the file can be a view into a whole
 * 64 KB chunk of it (V8 slices strings); kept for every thread, those views kept every chunk.
 */
const ownCopy = (s: string | null) => (s === null ? null : Buffer.from(s, 'utf8').toString('utf8'));

const EXAMPLES = 5;
const NOTES = 50;
type Waiting = { comment: ArchivedComment; held: boolean };

/**
 * Writes a stream of import records into a store as one transaction: all of it, or nothing when
 * the source turns out to be malformed halfway. Parents go in before replies; a reply met before
 * its parent waits for it (in memory; exports list parents first, so few wait). Memory holds one
 * small entry per comment id (to catch duplicates), never the comments themselves.
 */
export async function importRecords(
  store: CommentStore,
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
): Promise<ImportReport> {
  // Into an empty store nothing can be "already there": one lookup per comment saved.
  const wasEmpty = await store.isEmpty();
  return store.importBatch(async (tx) => {
    const run = new ImportRun(tx, wasEmpty);
    for await (const record of records) await run.take(record);
    await run.finish();
    return run.report;
  });
}

/** Imports a threadline export (JSON, already parsed); throws on anything that is not one. */
export async function importArchive(store: CommentStore, input: unknown): Promise<ImportReport> {
  return importRecords(store, archiveRecords(archiveSchema.parse(input)));
}

class ImportRun {
  readonly report = emptyReport();
  private readonly pages = new Map<string, { title: string | null; url: string | null }>();
  private readonly locks = new Set<string>();
  /** Every comment id met: 'in' stored by this import, 'there' stored before, 'waiting' for its parent. */
  private readonly ids = new IdIndex();
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly edits: ArchivedComment[] = [];
  private readonly rejected: string[] = [];
  private readonly deleted: string[] = [];

  constructor(
    private readonly tx: ImportWriter,
    private readonly wasEmpty: boolean,
  ) {}

  async take(r: ImportRecord): Promise<void> {
    if (r.type === 'thread') {
      if (!this.pages.has(r.key)) this.report.threads++;
      const known = this.pages.get(r.key);
      this.pages.set(r.key, { title: known?.title ?? ownCopy(r.title), url: known?.url ?? ownCopy(r.url) });
      if (r.locked) this.locks.add(r.key);
    } else if (r.type === 'skipped-item') this.report.skippedItems[r.kind] = (this.report.skippedItems[r.kind] ?? 0) + 1;
    else if (r.type === 'skipped-comment') this.skip(r.reason, r.id);
    else if (r.type === 'comment') await this.add(r.comment, r.held === true, r.note);
    else if (r.type === 'vote') {
      if (this.ids.get(r.commentId) !== 'in') return;
      await this.tx.setVote(r.commentId, r.voterId, r.ipHash, true, r.createdAt);
      this.report.votes++;
    } else await this.tx.setBan(r.kind, r.value, true);
  }

  /** Orphans go in at the top level; then the states and edits that need every reply in place. */
  async finish(): Promise<void> {
    for (const [parentId, kids] of this.waiting) {
      this.waiting.delete(parentId);
      for (const kid of kids) {
        this.report.orphans++;
        this.example('orphan', kid.comment.id);
        await this.insertTree({ ...kid, comment: { ...kid.comment, parentId: null } });
      }
    }
    for (const c of this.edits) await this.tx.editComment(c.id, c.body, c.editedAt!, 'published');
    for (const id of this.rejected) await this.tx.setStatus(id, 'rejected');
    // Replies first, so a deleted parent whose replies are deleted too goes as well.
    for (const id of this.deleted.reverse()) await this.tx.deleteComment(id);
    for (const key of this.locks) await this.tx.setThreadLocked(key, true);
  }

  private skip(reason: SkipReason, id: string): void {
    this.report.skipped[reason] = (this.report.skipped[reason] ?? 0) + 1;
    this.example(reason, id);
  }

  private example(reason: SkipReason | 'orphan', id: string): void {
    const list = this.report.examples[reason] ?? [];
    if (list.length < EXAMPLES) this.report.examples[reason] = [...list, id];
  }

  private async add(comment: ArchivedComment, held: boolean, note: string | undefined): Promise<void> {
    if (this.ids.has(comment.id)) return this.skip('duplicate', comment.id);
    if (!this.wasEmpty && (await this.tx.findComment(comment.id))) {
      this.ids.set(comment.id, 'there');
      return this.skip('already-there', comment.id);
    }
    if (note) {
      this.report.noteCount++;
      if (this.report.notes.length < NOTES) this.report.notes.push({ id: comment.id, note });
    }
    const parent = comment.parentId;
    const known = parent ? this.ids.get(parent) : 'in';
    const parentState = known ?? (!this.wasEmpty && (await this.tx.findComment(parent!)) ? 'there' : undefined);
    if (parent && parentState !== 'in' && parentState !== 'there') {
      this.ids.set(comment.id, 'waiting');
      const siblings = this.waiting.get(parent);
      if (siblings) siblings.push({ comment, held });
      else this.waiting.set(parent, [{ comment, held }]);
      return;
    }
    await this.insertTree({ comment, held });
  }

  /** Stores a comment, then every reply that was waiting for it (and theirs). */
  private async insertTree(first: Waiting): Promise<void> {
    const stack = [first];
    for (let next = stack.pop(); next; next = stack.pop()) {
      await this.insert(next);
      const kids = this.waiting.get(next.comment.id);
      if (kids) {
        this.waiting.delete(next.comment.id);
        stack.push(...kids.reverse());
      }
    }
  }

  private async insert({ comment: c, held }: Waiting): Promise<void> {
    const page = this.pages.get(c.thread);
    const pending = held || c.status === 'pending';
    await this.tx.insertComment({
      id: c.id,
      thread: c.thread,
      parentId: c.parentId,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      authorWebsite: c.authorWebsite,
      authorSub: c.authorSub ?? null,
      authorBadge: c.authorSub ? (c.authorBadge ?? null) : null,
      ipHash: c.ipHash,
      body: c.body || ' ',
      createdAt: c.createdAt,
      editTokenHash: '',
      status: pending ? 'pending' : 'published',
      page: { title: page?.title ?? null, url: page?.url ?? null },
      anchor: c.anchor ? (c.anchor as Anchor & { key: string }) : null,
    });
    this.ids.set(c.id, 'in');
    this.report.comments++;
    if (held) this.report.held++;
    else if (pending) this.report.pending++;
    if (c.editedAt && c.status === 'published') this.edits.push(c);
    if (c.status === 'rejected') this.rejected.push(c.id);
    if (c.status === 'deleted') {
      this.deleted.push(c.id);
      this.report.deleted++;
    }
  }
}
