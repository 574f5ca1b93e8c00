import { SKIP_REASONS, type SkipReason } from './import-records.ts';
import type { ImportReport } from './import-report.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The lines `import` prints: what came in, what was held, and every comment left out by reason,
 * so that the numbers add up to what the source holds.
 */
export function summarizeImport(r: ImportReport): string[] {
  const lines = [`imported ${plural(r.comments, 'comment')} in ${plural(r.threads, 'thread')} (${plural(r.votes, 'vote')})`];
  if (r.held) lines.push(`  held for moderation: ${r.held} on password-protected posts (approve them in the moderation view)`);
  if (r.pending) lines.push(`  pending in the source, still pending: ${r.pending}`);
  if (r.deleted) lines.push(`  deleted in the source: ${r.deleted} (kept as [deleted] where they have replies)`);
  if (r.orphans)
    lines.push(`  replies whose parent is not imported, placed at the top level: ${r.orphans} (${r.examples.orphan?.join(', ')}…)`);
  const skipped = Object.entries(r.skipped) as [SkipReason, number][];
  if (skipped.length) {
    lines.push(`  left out: ${skipped.reduce((n, [, k]) => n + k, 0)} comments`);
    for (const [reason, n] of skipped) lines.push(`    ${n} ${SKIP_REASONS[reason]} (e.g. ${r.examples[reason]?.join(', ')})`);
  }
  const items = Object.entries(r.skippedItems);
  if (items.length) lines.push(`  items not imported as threads: ${items.map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  if (r.noteCount) {
    lines.push(`  fixed on the way in: ${r.noteCount}`);
    for (const { id, note } of r.notes) lines.push(`    ${id}: ${note}`);
    if (r.noteCount > r.notes.length) lines.push(`    … and ${r.noteCount - r.notes.length} more`);
  }
  return lines;
}
