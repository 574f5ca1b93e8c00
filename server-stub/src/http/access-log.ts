import type { MiddlewareHandler } from 'hono';

/** One structured log line. */
export type LogEntry = Record<string, string | number | boolean | null | undefined>;
/** Where log lines go. */
export type Logger = (entry: LogEntry) => void;

/** JSON lines on stdout: one object per line, for log shippers. */
export const jsonLogger: Logger = (entry) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

/** Logs every request with its id, status and duration (the id also goes back as X-Request-Id). */
export function accessLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      reqId: c.get('requestId' as never) as string | undefined,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
