import fs from 'node:fs';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { PACKED_ORDER, packCatalog } from './widget/src/i18n/catalog-pack.ts';
import { en } from './widget/src/i18n/en.ts';
import { enWrite } from './widget/src/i18n/en-write.ts';
import { LANGUAGES } from './widget/src/protocol/languages.ts';

/** Ships each language catalog as values only (see catalog-pack.ts): a third smaller, and a broken catalog fails the build. */
const packCatalogs = (): Plugin => ({
  name: 'threadline-pack-catalogs',
  apply: 'build',
  enforce: 'post',
  async transform(code, id) {
    if (!/\/i18n\/catalogs\/[\w-]+\.ts$/.test(id)) return null;
    const source = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
      catalog: Record<string, string>;
    };
    return { code: `export const catalog = ${JSON.stringify(packCatalog(source.catalog, Object.keys(enWrite)))};`, map: null };
  },
});

/** The tests that need PostgreSQL (each file also covers SQLite or a server process beside it). */
const PG_TESTS = [
  'server-stub/src/store/pg-store.test.ts',
  'server-stub/src/store/page-plans.test.ts',
  'server-stub/src/store/store.contract.test.ts',
  'server-stub/src/durability.test.ts',
  'server-stub/src/io/import.test.ts',
  // HTTP-level rules run on both databases (server-stub/src/http/both-stores.ts).
  'server-stub/src/http/write-gate.test.ts',
  'server-stub/src/http/proof-of-work.test.ts',
  'server-stub/src/http/external-moderation.test.ts',
  'server-stub/src/http/sign-in.test.ts',
  'server-stub/src/http/moderation.test.ts',
  'server-stub/src/http/notify.test.ts',
  'server-stub/src/outbox/outbox-durability.test.ts',
];

/**
 * What embed.js needs to show counts in every language without the widget: the content hash of
 * each language's catalog chunk (the widget build, which runs first, named them by content hash) and
 * English's `thread.count` forms, packed as the chunks are.
 */
function loaderDefines(): Record<string, string> {
  const dist = new URL('./dist/', import.meta.url);
  const files = fs.existsSync(dist) ? fs.readdirSync(dist) : [];
  const catalogs: Record<string, string> = {};
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const prefix = `threadline-${lang}-`;
    const file = files.find((f) => f.startsWith(prefix) && /^[\w-]{8}\.js$/.test(f.slice(prefix.length)));
    if (!file) throw new Error(`vite build --mode loader: no catalog chunk for "${lang}" in dist/; run the widget build first`);
    catalogs[lang] = file.slice(prefix.length, -3);
  }
  const packed = packCatalog({ ...en, ...enWrite }, Object.keys(enWrite));
  const countForms = packed.slice(0, 1 + packed[0]!.split(' ').length);
  const wordPressCounts = files.find((f) => /^threadline-wordpress-counts-[\w-]{8}\.js$/.test(f));
  if (!wordPressCounts) throw new Error('vite build --mode loader: no WordPress counts chunk in dist/; run the widget build first');
  const markers = files.find((f) => /^threadline-markers-[\w-]{8}\.js$/.test(f));
  if (!markers) throw new Error('vite build --mode loader: no marker layer chunk in dist/; run the widget build first');
  return {
    __THREADLINE_MARKERS__: JSON.stringify(markers.slice('threadline-markers-'.length, -3)),
    __THREADLINE_CATALOG_HASHES__: JSON.stringify(catalogs),
    __THREADLINE_EN_COUNT__: JSON.stringify(countForms),
    __THREADLINE_WORDPRESS_COUNTS__: JSON.stringify(wordPressCounts.slice('threadline-wordpress-counts-'.length, -3)),
  };
}

/** What the marker layer needs to say its four messages in every language (widget/src/inline/marker-words.ts). */
function markerWordsDefine(): Record<string, string> {
  const keys = ['inline.paragraph', 'inline.add', 'inline.comment', 'inline.commentLabel'] as const;
  const words = {
    families: PACKED_ORDER.families.length,
    at: keys.map((k) => PACKED_ORDER.singles.indexOf(k)),
    en: keys.map((k) => en[k]),
  };
  return { __THREADLINE_MARKER_WORDS__: JSON.stringify(words) };
}

/**
 * Three builds into dist/, all served by server-stub:
 * - `vite build`: the widget as an ES module, `threadline.js` (exports `mount`).
 * - `vite build --mode markers`: `threadline-markers-[hash].js`, inline comments' marker layer.
 * - `vite build --mode loader`: `embed.js`, the small classic script a site pastes.
 * `npm run build` runs them in this order (each later one reads the hashes of the earlier ones). Tests are configured here too.
 */
export default defineConfig(({ mode }) => {
  const isLoader = mode === 'loader';
  // The moderation page (dist/admin/admin.js), served by the server at /admin, never by readers.
  if (mode === 'admin') {
    return {
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        outDir: 'dist/admin',
        emptyOutDir: true,
        target: 'es2020',
        lib: { entry: 'server-stub/admin/main.tsx', formats: ['es'], fileName: () => 'admin.js' },
      },
    };
  }
  // The marker layer embed.js loads at page load for data-inline (issue 13): a build of its own, so
  // the few modules it shares with threadline.js (thread key, anchor text) are copied into it rather
  // than split into one more chunk that threadline.js would have to load first.
  if (mode === 'markers') {
    return {
      define: markerWordsDefine(),
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        sourcemap: false,
        lib: { entry: { markers: 'widget/src/inline/marker-layer.ts' }, formats: ['es'] },
        rollupOptions: {
          output: {
            entryFileNames: 'threadline-markers-[hash].js',
            minify: true,
            comments: { legal: true, annotation: false, jsdoc: false },
          },
        },
      },
    };
  }
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: isLoader ? [] : [packCatalogs()],
    define: isLoader ? loaderDefines() : markerWordsDefine(),
    build: {
      outDir: 'dist',
      emptyOutDir: !isLoader,
      target: 'es2020',
      minify: true,
      // For bench/profile.ts: names in a profile of the minified widget.
      sourcemap: process.env.THREADLINE_SOURCEMAP === '1',
      lib: isLoader
        ? { entry: 'widget/src/embed/loader.ts', formats: ['iife'], name: 'threadlineEmbed', fileName: () => 'embed.js' }
        : {
            // A second entry with no imports (so no chunk is shared): WordPress counts for embed.js on index pages.
            entry: { threadline: 'widget/src/index.ts', 'wordpress-counts': 'widget/src/embed/wordpress-counts.ts' },
            formats: ['es'],
          },
      // allow-extension: chunks loaded later (format, inline) import shared code from threadline.js
      // instead of Rollup moving it into one more chunk every reader would wait for.
      rollupOptions: isLoader
        ? {}
        : {
            preserveEntrySignatures: 'allow-extension',
            // Readers download these files as they are: no /* @__PURE__ */ notes for a later bundler (130 bytes gzip).
            output: {
              entryFileNames: (entry) => (entry.name === 'threadline' ? 'threadline.js' : 'threadline-[name]-[hash].js'),
              chunkFileNames: 'threadline-[name]-[hash].js',
              minify: true,
              comments: { legal: true, annotation: false, jsdoc: false },
            },
          },
    },
    // Three projects, each runnable alone (`vitest run --project widget`): the widget in a DOM,
    // the server in Node, and the tests that need PostgreSQL, the only ones that start it.
    test: {
      // The durability test starts real server processes; give it room on a busy machine.
      testTimeout: 20_000,
      projects: [
        { extends: true, test: { name: 'widget', include: ['widget/src/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
        {
          extends: true,
          test: {
            name: 'server',
            include: ['server-stub/src/**/*.test.ts', 'server-stub/admin/**/*.test.ts', 'bench/**/*.test.ts'],
            exclude: [...configDefaults.exclude, ...PG_TESTS],
            environment: 'node',
          },
        },
        // One throwaway PostgreSQL server for the run (unless DATABASE_URL points at one).
        {
          extends: true,
          test: { name: 'pg', include: PG_TESTS, environment: 'node', globalSetup: ['server-stub/src/store/pg-global-setup.ts'] },
        },
      ],
    },
  };
});
