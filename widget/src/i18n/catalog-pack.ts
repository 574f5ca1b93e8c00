/**
 * The shipped form of a catalog. Keys are a third of a catalog's gzip size and every reader already
 * has them (English is built in), so the build ships values only: `[categories, ...values]`, where
 * `categories` lists the language's plural forms (`"one few many other"`), then come every plural
 * family's forms in English's family order (`thread.count` first, which embed.js relies on), then the
 * other messages in English's order, the write chunk's last (en-write.ts: threadline.js unpacks what
 * precedes them and knows their keys only once the chunk is here). Sources stay readable objects;
 * `vite.config.ts` packs them.
 */
import { type Catalog, en } from './en.ts';

/** A catalog as shipped: plural categories, then values in a fixed order. */
export type PackedCatalog = readonly string[];

const PLURAL = /\.(zero|one|two|few|many|other)$/;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const keys = Object.keys(en);
const families = [...new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
const singles = keys.filter((k) => !PLURAL.test(k));

/** A packed catalog's layout: its plural families (each with the language's categories), then the single messages. */
export const PACKED_ORDER = { families, singles } as const;

/** The order of keys in a packed catalog with these plural categories, then `later` (the write chunk's keys). */
const order = (categories: readonly string[], later: readonly string[]) => [
  ...families.flatMap((f) => categories.map((c) => `${f}.${c}`)),
  ...singles,
  ...later,
];

/** Packs a catalog with the write chunk's keys `later`; throws on a missing or unknown key, so a broken catalog fails the build. */
export function packCatalog(catalog: Catalog, later: readonly string[]): PackedCatalog {
  const categories = CATEGORIES.filter((c) => `thread.count.${c}` in catalog);
  const wanted = order(categories, later);
  const missing = wanted.filter((k) => !(k in catalog));
  const unknown = Object.keys(catalog).filter((k) => !wanted.includes(k));
  if (missing.length || unknown.length) throw new Error(`catalog: missing ${missing.join(', ')}; unknown ${unknown.join(', ')}`);
  return [categories.join(' '), ...wanted.map((k) => catalog[k]!)];
}

/** Turns a packed catalog back into keys and values: threadline.js's, and `later`'s where they are known. */
export function unpackCatalog([categories = '', ...values]: PackedCatalog, later: readonly string[] = []): Catalog {
  const catalog: Catalog = {};
  order(categories.split(' '), later).forEach((key, i) => {
    const value = values[i];
    if (value !== undefined) catalog[key] = value;
  });
  return catalog;
}
