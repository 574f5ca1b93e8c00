import fs from 'node:fs';
import { SEED_FILE, SEED_THREAD_KEY } from '../server-stub/src/store/seed.ts';

/** A story on the demo news site. */
export interface Article {
  path: string;
  section: string;
  title: string;
  byline: string;
  date: string;
  paragraphs: string[];
}

const seed = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as { article: { title: string; paragraphs: string[] } };

/** The seed article, word for word, and a second story with its own (empty) thread. */
export const ARTICLES: readonly Article[] = [
  {
    path: SEED_THREAD_KEY,
    section: 'Police & Fire',
    title: seed.article.title,
    byline: 'Ledger staff',
    date: '2019-07-17',
    paragraphs: seed.article.paragraphs,
  },
  {
    path: '/news/library-extends-weekend-hours',
    section: 'Town',
    title: 'Library Extends Weekend Hours Through the Summer',
    byline: 'Ledger staff',
    date: '2019-07-16',
    paragraphs: [
      'The Westport Library will stay open until 8 p.m. on Saturdays and 6 p.m. on Sundays through Labor Day, the library announced this week.',
      'The longer hours follow a pilot in June, when evening visits on weekends roughly doubled. The children’s room and the makerspace keep their usual hours.',
      'Volunteers who would like to help staff the extra shifts can sign up at the circulation desk.',
    ],
  },
];
