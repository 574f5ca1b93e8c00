import autocannon from 'autocannon';

/** One autocannon run. */
export interface LoadResult {
  scenario: string;
  connections: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Runs autocannon for `seconds` against one request shape; counts non-2xx/3xx answers as errors. */
export async function load(
  scenario: string,
  opts: { url: string; connections: number; seconds: number; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    method: opts.method ?? 'GET',
    ...(opts.body ? { body: opts.body } : {}),
    headers: opts.headers ?? {},
  });
  return {
    scenario,
    connections: opts.connections,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - (result['3xx'] ?? 0),
  };
}

/** Several runs of one scenario as one row: the mean of each figure (errors summed). */
export function meanOf(runs: readonly LoadResult[]): LoadResult {
  const mean = (pick: (r: LoadResult) => number) => Math.round(runs.reduce((n, r) => n + pick(r), 0) / runs.length);
  return {
    scenario: runs[0]!.scenario,
    connections: runs[0]!.connections,
    rps: mean((r) => r.rps),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}
