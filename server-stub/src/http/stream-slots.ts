/** Places for live streams: a cap per client address and one for the whole server. */
export interface StreamSlots {
  /** Takes a place for a stream from `ipHash`; resolves with its release (safe to call twice), or null when full. */
  take(ipHash: string): { release(): void } | { refused: 'per_ip' | 'server' };
  /** Streams open now (for tests and health checks). */
  open(): number;
}

/** Creates the stream places (`THREADLINE_STREAMS_PER_IP`, `THREADLINE_STREAMS_MAX`). */
export function createStreamSlots(perIp: number, max: number): StreamSlots {
  const byIp = new Map<string, number>();
  let total = 0;
  return {
    take(ipHash) {
      const mine = byIp.get(ipHash) ?? 0;
      if (mine >= perIp) return { refused: 'per_ip' };
      if (total >= max) return { refused: 'server' };
      byIp.set(ipHash, mine + 1);
      total++;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          total--;
          const left = (byIp.get(ipHash) ?? 1) - 1;
          if (left > 0) byIp.set(ipHash, left);
          else byIp.delete(ipHash);
        },
      };
    },
    open: () => total,
  };
}
