/**
 * `threadline-server` (or `npm run server`): runs the threadline server. Settings come from
 * environment variables (see config.ts and the README); these flags override them:
 *   --port N        (PORT, default 8787)        --host ADDR      (HOST, default 127.0.0.1)
 *   --db FILE       (THREADLINE_DB)             --origins A,B    (THREADLINE_ORIGINS)
 *   --help
 * SIGINT/SIGTERM shut down gracefully: live streams end, requests in flight get 10 s.
 *
 *   threadline-server export [--out FILE]                               everything as JSON (stdout by default)
 *        [--public]                                                     only what readers see: the copy to publish for data-backend="static"
 *   threadline-server import FILE [--format auto|json|wxr|disqus]       a threadline export, WordPress WXR or Disqus XML
 *        [--skip-protected] [--include-deleted-threads]                 all or nothing: a malformed file stores nothing
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv } from './config.ts';
import { isImportInputError } from './io/import-error.ts';
import type { ImportFormat } from './io/import-file.ts';
import { openConfiguredStore, startServer } from './server.ts';

const { values: flags, positionals } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    origins: { type: 'string' },
    out: { type: 'string' },
    public: { type: 'boolean' },
    format: { type: 'string' },
    'skip-protected': { type: 'boolean' },
    'include-deleted-threads': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
  strict: true,
});
if (flags.help) {
  console.log(`threadline-server [--port N] [--host ADDR] [--db FILE] [--origins A,B]
threadline-server export [--db FILE] [--out FILE] [--public]
threadline-server import FILE [--db FILE] [--format auto|json|wxr|disqus] [--skip-protected] [--include-deleted-threads]
All settings and their env variables: see the README, "Running the server".`);
  process.exit(0);
}
const env = {
  ...process.env,
  ...(flags.port ? { PORT: flags.port } : {}),
  ...(flags.host ? { HOST: flags.host } : {}),
  ...(flags.db ? { THREADLINE_DB: flags.db } : {}),
  ...(flags.origins ? { THREADLINE_ORIGINS: flags.origins } : {}),
};
const config = configFromEnv(env);
if (positionals[0] === 'export' || positionals[0] === 'import') {
  await runDataCommand(positionals[0], positionals[1]).catch((err: unknown) => {
    if (!isImportInputError(err)) exitWith(err);
    console.error(`[threadline] import failed, nothing was stored: ${err.message}`);
    process.exit(1);
  });
  process.exit(0);
}
const server = await startServer(config).catch(exitWith);
console.log(`[threadline] comments API on ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `SQLite ${path.resolve(config.dbPath)}`})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close(10_000).then(() => process.exit(0));
  });
}

/** `export` and `import`: move a site's comments in and out. */
async function runDataCommand(command: 'export' | 'import', file: string | undefined): Promise<void> {
  const store = await openConfiguredStore(config);
  try {
    if (command === 'export') {
      const { exportAll, publicArchive } = await import('./io/archive.ts');
      const archive = await exportAll(store);
      const json = JSON.stringify(flags.public ? publicArchive(archive) : archive, null, 1);
      if (flags.out) fs.writeFileSync(flags.out, json);
      else process.stdout.write(json);
      return;
    }
    if (!file) throw new Error('import needs a file: threadline-server import FILE');
    const format = (flags.format ?? 'auto') as ImportFormat;
    if (!['auto', 'json', 'wxr', 'disqus'].includes(format)) throw new Error(`--format must be auto, json, wxr or disqus, not ${format}`);
    // Loaded here, not at start: the XML parsers and HTML-to-Markdown serve only this command.
    const [{ importFile }, { summarizeImport }] = await Promise.all([import('./io/import-file.ts'), import('./io/import-summary.ts')]);
    const report = await importFile(store, file, format, {
      skipProtected: flags['skip-protected'] === true,
      includeDeletedThreads: flags['include-deleted-threads'] === true,
    });
    for (const line of summarizeImport(report)) console.log(`[threadline] ${line}`);
  } finally {
    await store.close();
  }
}

/** Start-up failures (a port in use, an unreadable database) end with one clear line, not a stack. */
function exitWith(err: unknown): never {
  console.error(`[threadline] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
