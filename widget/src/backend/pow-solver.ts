import type { PowChallenge } from '../protocol/types.ts';

/**
 * Finds the number of an ALTCHA v1 challenge (`SHA-256(salt + number) = challenge`). Digests go
 * out 500 at a time, so the await per hash does not dominate, and each round yields.
 * Written without imports or outer names: its source also runs as a Web Worker's.
 */
export async function findNumber(challenge: string, salt: string, max: number): Promise<number | null> {
  const encoder = new TextEncoder();
  const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  for (let start = 0; start <= max; start += 500) {
    const end = Math.min(max, start + 499);
    const digests: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= end; n++) digests.push(crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    const hashes = await Promise.all(digests);
    for (let i = 0; i < hashes.length; i++) if (hex(hashes[i]!) === challenge) return start + i;
  }
  return null;
}

/** The worker: the solver's own source, answering one message. */
const workerSource = () =>
  `const findNumber = ${findNumber.toString()};
   onmessage = async (e) => postMessage(await findNumber(e.data.challenge, e.data.salt, e.data.max));`;

/** Runs the search in a Web Worker (a blob: URL, since the page and the widget are on different origins). */
function solveInWorker(c: PowChallenge): Promise<number | null> {
  const url = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
  return new Promise<number | null>((resolve, reject) => {
    const worker = new Worker(url);
    const done = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = (e: MessageEvent<number | null>) => {
      done();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(e.message || 'worker failed'));
    };
    worker.postMessage({ challenge: c.challenge, salt: c.salt, max: c.maxnumber });
  });
}

/**
 * Solves a challenge and returns the `pow` payload to post. In a Web Worker where the page allows
 * one; where a Content-Security-Policy forbids blob: workers, on the page itself in awaited
 * batches (no long task either way).
 */
export async function solveChallenge(c: PowChallenge): Promise<string> {
  let number: number | null;
  try {
    number = await solveInWorker(c);
  } catch {
    number = await findNumber(c.challenge, c.salt, c.maxnumber);
  }
  if (number === null) throw new Error('The challenge has no solution.');
  return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }));
}
