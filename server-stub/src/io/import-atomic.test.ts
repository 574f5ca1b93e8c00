import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { isImportInputError } from './import-error.ts';
import { importFile } from './import-file.ts';
import { readXmlRecords } from './xml-records.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture, changed the way real files get broken. */
function broken(name: string, change: (xml: string) => string): string {
  const file = path.join(dir, `broken-${name}`);
  fs.writeFileSync(file, change(fs.readFileSync(fixture(name), 'utf8')));
  return file;
}
const truncated = (xml: string) => xml.slice(0, xml.indexOf('<wp:comment_id>884</wp:comment_id>') + 200);
const mismatched = (xml: string) =>
  xml.replace(
    '<wp:comment_author><![CDATA[Jane Bloggs]]></wp:comment_author>',
    '<wp:comment_author><![CDATA[Jane Bloggs]]></wp:comment_autor>',
  );

describe('an import is all or nothing', () => {
  it.each([
    ['a truncated WXR', 'theme-unit-test.wxr.xml', truncated, /line \d+: .*unclosed|line \d+: .*end/i],
    [
      'a mismatched tag',
      'theme-unit-test.wxr.xml',
      mismatched,
      /line 90: unexpected close tag at column \d+: it does not close <wp:comment_author> from line 90/,
    ],
    // Cut after a whole item: a lenient parser takes the first post and calls it done.
    [
      'a WXR cut after an item',
      'theme-unit-test.wxr.xml',
      (x: string) => x.slice(0, x.indexOf('</item>') + 7),
      /line \d+: unclosed tag: channel/,
    ],
    ['a truncated Disqus export', 'isso-remark42.disqus.xml', (x: string) => x.slice(0, x.indexOf('1578430004')), /line \d+/],
  ])('%s fails with the line and what was wrong, and stores nothing', async (_, name, change, message) => {
    const store = openSqliteStore(':memory:');
    const error = await importFile(store, broken(name, change)).catch((e: unknown) => e);
    expect(isImportInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.listThreads()).toEqual([]);
    // The whole file afterwards goes in whole: nothing half-imported is "already there".
    const report = await importFile(store, fixture(name));
    expect(report.comments).toBeGreaterThan(4);
    expect(report.skipped['already-there']).toBeUndefined();
    if (name.endsWith('.wxr.xml')) expect((await store.findComment('wp-884'))!.comment.parentId).toBe('wp-883');
    await store.close();
  });

  it('a JSON export with a syntax error fails saying so, and stores nothing', async () => {
    const store = openSqliteStore(':memory:');
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{\n "format": "threadline-export",\n "version": 1,\n "threads": [}\n');
    await expect(importFile(store, file)).rejects.toThrow(/not a valid JSON export: Unexpected token '}'/);
    expect(await store.isEmpty()).toBe(true);
    await store.close();
  });

  it('from the command line: exits non-zero with the line, and the database stays empty', { timeout: 90_000 }, () => {
    const db = path.join(dir, 'cli.db');
    const bin = fileURLToPath(new URL('../../bin/threadline-server.mjs', import.meta.url));
    const env = { ...process.env, THREADLINE_SEED: '0', DATABASE_URL: '', THREADLINE_LOG: '0' };
    const run = spawnSync(process.execPath, [bin, 'import', broken('theme-unit-test.wxr.xml', mismatched), '--db', db], {
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/import failed, nothing was stored: line 90: unexpected close tag.*<wp:comment_author>/);
    const out = JSON.parse(execFileSync(process.execPath, [bin, 'export', '--db', db], { env, encoding: 'utf8' }));
    expect(out.comments).toEqual([]);
    expect(out.threads).toEqual([]);
    const ok = execFileSync(process.execPath, [bin, 'import', fixture('theme-unit-test.wxr.xml'), '--db', db, '--skip-protected'], {
      env,
      encoding: 'utf8',
    });
    expect(ok).toMatch(/imported 7 comments in 4 threads/);
    expect(ok).toMatch(/1 on password-protected posts \(--skip-protected\)/);
  });

  it('reads XML as a stream: records come out before the rest of the file has been read', async () => {
    let pulled = 0;
    async function* chunks() {
      yield '<rss><channel><item><title>A</title><wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>';
      pulled++;
      for (let i = 2; i < 1000; i++) {
        yield `<wp:comment><wp:comment_id>${i}</wp:comment_id></wp:comment>`;
        pulled++;
      }
      yield '</item></channel></rss>';
    }
    const seenAt: number[] = [];
    for await (const e of readXmlRecords(chunks(), 'rss', { item: 'channel', 'wp:comment': 'item' }))
      if (e.type === 'end' && e.node.name === 'wp:comment') seenAt.push(pulled);
    expect(seenAt).toHaveLength(999);
    expect(seenAt[0]).toBe(0);
    expect(seenAt[500]).toBeLessThan(999);
  });
});
