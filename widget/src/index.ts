/** The threadline widget as an ES module: `import { mount } from 'https://comments.example.com/threadline.js'`. */

export type { CommentsBackend } from './backend/backend.ts';
export { BackendError, isBackendError } from './backend/backend-error.ts';
export { createHttpBackend } from './backend/http-backend.ts';
export { type AdapterName, type AdapterOptions, loadBackend } from './embed/load-backend.ts';
export { type MountHandle, mount } from './embed/mount.ts';
export type { MountOptions } from './embed/options.ts';
export type * from './protocol/types.ts';
