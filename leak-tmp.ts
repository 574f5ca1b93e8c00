import { htmlToMarkdown } from './server-stub/src/io/html-to-markdown.ts';

declare const gc: () => void;
gc();
const base = process.memoryUsage().heapUsed;
for (let i = 1; i <= 20000; i++) {
  htmlToMarkdown(`I <strong>agree</strong> with <a href="https://example.com/a_(b)">this</a> ${i}.\n\nmore text here`, 'wordpress');
  if (i % 5000 === 0) {
    gc();
    console.log('html', i, ((process.memoryUsage().heapUsed - base) / 1e6).toFixed(1), 'MB');
  }
}
gc();
const base2 = process.memoryUsage().heapUsed;
for (let i = 1; i <= 20000; i++) {
  htmlToMarkdown(`plain text ${i} with words\n\nmore text here`, 'wordpress');
  if (i % 5000 === 0) {
    gc();
    console.log('plain', i, ((process.memoryUsage().heapUsed - base2) / 1e6).toFixed(1), 'MB');
  }
}
