import type { Article } from './articles.ts';
/** Escapes text for HTML content and attribute values. */
export declare function escapeHtml(text: string): string;
/** Where the demo page finds the comments API and what it adds to the tag. */
export interface EmbedSettings {
    api: string;
    /** Extra attributes for the script tag, e.g. `{ 'data-thread': 'x' }`. */
    attributes?: Record<string, string>;
}
/** The outer frame of every demo page: masthead, navigation, footer. */
export declare function renderFrame(origin: string, title: string, main: string, head?: string, dark?: boolean): string;
/** An article page with the comments script tag under the story, as a site owner would paste it. */
export declare function renderArticle(origin: string, article: Article, embed: EmbedSettings, dark?: boolean): string;
/** The front page: a list of stories. */
export declare function renderIndex(origin: string, articles: readonly Article[]): string;
