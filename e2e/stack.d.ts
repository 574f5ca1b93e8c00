import { type ExtraPage } from '../demo/server.ts';
/** The real comments server (a child process running the CLI) and the demo site on another origin. */
export interface Stack {
  /** Comments API origin, e.g. http://127.0.0.1:40123. */
  api: string;
  /** Demo site origin (a different port: a different origin). */
  site: string;
  dbPath: string;
  /** Extra pages the demo site serves by path (from loopback, as Chromium's local-network rules need). */
  pages: Map<string, ExtraPage>;
  /** Kills the server process at once (SIGKILL), as a crash would. */
  killApi(): Promise<void>;
  /** Starts the server again on the same port and database. */
  startApi(): Promise<void>;
  stop(): Promise<void>;
}
/** Options of a stack: an existing database to serve, and extra server environment. */
export interface StackOptions {
  dbPath?: string;
  env?: Record<string, string>;
}
/** Starts a fresh stack with its own empty (then seeded) database, or the one given. */
export declare function startStack(options?: StackOptions): Promise<Stack>;
