import { fileURLToPath } from 'node:url';
import { bundleServer } from './server-bundle.ts';

/** Bundles the server once for the run; stack.ts starts every test's server from it (see server-bundle.ts). */
export default async function globalSetup(): Promise<void> {
  const outDir = fileURLToPath(new URL('../node_modules/.cache/threadline-e2e/', import.meta.url));
  process.env.THREADLINE_E2E_SERVER = await bundleServer(outDir);
}
