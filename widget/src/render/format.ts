/**
 * The formatting chunk, loaded when a thread has Markdown bodies (or the reader previews): the
 * Markdown parser and its drawing as elements. No sanitizer here: adapter HTML has its own chunk.
 */
export { fillMarkdown } from './markdown-dom.ts';
