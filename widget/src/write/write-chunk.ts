/**
 * The write chunk: everything a reader needs to write but not to read the thread. It loads at idle
 * after the first screenful, or at once when the reader reaches for a form or a button
 * (load-write-chunk.ts), and shares Preact, signals and the models with threadline.js.
 */
export { createHttpWrites } from '../backend/http-writes.ts';
export { enWrite } from '../i18n/en-write.ts';
export { CommentWrites } from '../state/comment-writes.ts';
