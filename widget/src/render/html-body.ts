/**
 * The adapter-HTML chunk, loaded only for threads with HTML bodies (WordPress): the body component
 * and the sanitizer gate; DOMPurify is a chunk of its own below it.
 */
export { HtmlBody } from '../components/HtmlBody.tsx';
export { loadSanitizer } from './sanitize.ts';
