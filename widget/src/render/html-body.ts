/**
 * The adapter-HTML chunk, loaded only for threads with HTML bodies (WordPress): the sanitizer gate;
 * DOMPurify is a chunk of its own below it. No Preact here: a chunk importing it made the bundler
 * move Preact out of threadline.js into a chunk of its own (one more request before anything shows).
 */
export { loadSanitizer, setSanitizedHTML } from './sanitize.ts';
