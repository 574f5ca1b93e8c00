import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each module keeps its own `import.meta.url` in the bundle, so the paths the server finds from it
 * (dist/, the seed files) stay what they are when it runs from source.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /server-stub[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * The server's CLI as one ES module (packages stay external): the same code `npm run server` runs
 * through tsx, without compiling and resolving ~300 modules through tsx's hooks at every start.
 * Every e2e test starts a fresh server, so this halves what each start costs (1.1 s → 0.6 s measured).
 */
export async function bundleServer(outDir: string): Promise<string> {
  await build({
    entryPoints: { 'threadline-server': path.join(ROOT, 'server-stub/src/cli.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Chunks keep what the server loads lazily (PostgreSQL, mail, the import command's parsers) lazy.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Bare imports resolve from the bundle's folder: keep it inside the project.
    absWorkingDir: ROOT,
    plugins: [keepModuleUrls],
    logLevel: 'warning',
  });
  return path.join(outDir, 'threadline-server.mjs');
}
