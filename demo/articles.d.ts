/** A story on the demo news site. */
export interface Article {
    path: string;
    section: string;
    title: string;
    byline: string;
    date: string;
    paragraphs: string[];
}
/** The seed article, word for word, and a second story with its own (empty) thread. */
export declare const ARTICLES: readonly Article[];
