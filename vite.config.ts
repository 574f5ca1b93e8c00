import { defineConfig } from 'vitest/config';

/**
 * Two builds into dist/, both served by server-stub:
 * - `vite build`: the widget as an ES module, `threadline.js` (exports `mount`).
 * - `vite build --mode loader`: `embed.js`, the small classic script a site pastes.
 * `npm run build` runs both. Tests are configured here too.
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
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist',
      emptyOutDir: !isLoader,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      lib: isLoader
        ? { entry: 'widget/src/embed/loader.ts', formats: ['iife'], name: 'threadlineEmbed', fileName: () => 'embed.js' }
        : { entry: 'widget/src/index.ts', formats: ['es'], fileName: () => 'threadline.js' },
      // allow-extension: chunks loaded later (format, inline) import shared code from threadline.js
      // instead of Rollup moving it into one more chunk every reader would wait for.
      rollupOptions: isLoader
        ? {}
        : { preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: 'threadline-[name]-[hash].js', minify: true } },
    },
    test: {
      include: ['widget/src/**/*.test.{ts,tsx}', 'server-stub/src/**/*.test.ts', 'bench/**/*.test.ts'],
      // The durability test starts real server processes; give it room on a busy machine.
      testTimeout: 20_000,
      environment: 'node',
      // The store contract runs against PostgreSQL too: one throwaway server for the run.
      globalSetup: ['server-stub/src/store/pg-global-setup.ts'],
    },
  };
});
