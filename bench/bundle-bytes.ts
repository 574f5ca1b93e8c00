/**
 * What a reader downloads, in gzip bytes, read from the built files in dist/: shared by the size
 * budgets (`npm test`) and `npm run bench`, so the figure checked is the figure reported.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);

/** The built reader files (dist/*.js), empty before `npm run build`. */
export const distFiles = (): string[] => (fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')) : []);

/** gzip -9 size of one file of dist/. */
export const gzipSize = (file: string): number => gzipSync(fs.readFileSync(new URL(file, dist)), { level: 9 }).length;

/** Static imports and re-exports of sibling files (`import{a}from"./x.js"`, `import"./x.js"`); never `import()`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;

/** `entry` and every file it imports statically, transitively: what the browser fetches before running it. */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(new URL(file, dist), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

/** The one file of dist/ matching `pattern` (throws when there is none: run the build). */
export function theFile(pattern: RegExp): string {
  const found = distFiles().filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file of dist/ matching ${pattern}, found ${found.length}: run npm run build`);
  return found[0]!;
}

/** A set of files and their total gzip bytes. */
export interface Download {
  files: string[];
  bytes: number;
}

const download = (entries: string[]): Download => {
  const files = [...new Set(entries.flatMap(staticClosure))];
  return { files, bytes: files.reduce((n, f) => n + gzipSize(f), 0) };
};

/** A thread with formatting on screen: embed.js, the widget, the format chunk and whatever they import. */
export const formattedThread = (): Download => download(['embed.js', 'threadline.js', theFile(/^threadline-format-[\w-]+\.js$/)]);

/**
 * An article with `data-inline`, at page load: embed.js and the marker layer it names (with what
 * that imports statically); the widget loads only when a reader opens a marker or nears the comments.
 */
export function inlineAtLoad(): Download {
  const markers = fs.readFileSync(new URL('embed.js', dist), 'utf8').match(/threadline-markers-[\w-]{8}\.js/)?.[0];
  if (!markers || !distFiles().includes(markers)) throw new Error('embed.js names no marker layer chunk in dist/: run npm run build');
  return download(['embed.js', markers]);
}
