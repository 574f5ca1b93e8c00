import { importFile } from './server-stub/src/io/import-file.ts';
import { openSqliteStore } from './server-stub/src/store/sqlite-store.ts';

declare const gc: () => void;
const store = openSqliteStore('/tmp/tl-mem.db');
const t = setInterval(() => {
  gc();
  const m = process.memoryUsage();
  console.log(
    Math.round(performance.now() / 1000),
    'rss',
    m.rss >> 20,
    'heapUsed',
    m.heapUsed >> 20,
    'heapTotal',
    m.heapTotal >> 20,
    'ext',
    m.external >> 20,
  );
}, 8000);
const r = await importFile(store, '/tmp/tl-wxr-100k.xml');
clearInterval(t);
console.log(r.comments, process.resourceUsage().maxRSS >> 10);
await store.close();
