import { Hono } from 'hono';
/** How to run the demo news site. */
export interface DemoConfig {
    host: string;
    port: number;
    /** Base URL of the comments API the pages embed, on another origin. */
    api: string;
    /** Extra HTML pages by path, looked up per request (tests add hostile or odd host pages here). */
    extraPages?: ReadonlyMap<string, ExtraPage>;
}
/** A page added to the demo site: its HTML and any response headers (e.g. a strict CSP). */
export interface ExtraPage {
    html: string;
    headers?: Record<string, string>;
}
/** A running demo site. */
export interface RunningDemo {
    url: string;
    close(): Promise<void>;
}
/** The demo news site as a Hono app; `origin` is its own public origin (for canonical links). */
export declare function createDemoApp(origin: () => string, api: string, extraPages?: ReadonlyMap<string, ExtraPage>): Hono;
/** Starts the demo site. */
export declare function startDemo(config: DemoConfig): Promise<RunningDemo>;
