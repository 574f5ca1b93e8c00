import { createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { PowChallenge } from '../../../widget/src/protocol/types.ts';
import { HttpError } from '../http/http-error.ts';

/** How long a challenge may be solved and used (10 minutes). */
export const POW_TTL_MS = 10 * 60_000;

/** Proof of work instead of a captcha (`THREADLINE_POW=1`): ALTCHA v1 challenges, each usable once. */
export interface ProofOfWork {
  challenge(): Promise<PowChallenge>;
  /** Refuses a missing (`pow_required`), wrong, expired or used (`pow_invalid`) solution; does not use it up. */
  check(payload: string | null): Promise<void>;
  /** Marks a checked solution as used; false when another request used it first. */
  use(payload: string): boolean;
}

/**
 * `maxNumber` sets the work: the client tries on average half of it (SHA-256 each). 50,000 takes
 * well under a second in a Web Worker on a phone-class CPU and makes every automated post cost
 * the same hashing again. Used solutions are remembered (in this process) until they expire.
 */
export function createProofOfWork(secret: string, maxNumber = 50_000, now: () => number = Date.now): ProofOfWork {
  const hmacKey = createHmac('sha256', secret).update('threadline-pow').digest('hex');
  const used = new Map<string, number>();
  const forgetExpired = () => {
    const t = now();
    for (const [key, until] of used) if (until < t) used.delete(key);
  };
  const parse = (payload: string) => {
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: unknown; salt?: unknown };
      return typeof parsed.signature === 'string' && typeof parsed.salt === 'string'
        ? { signature: parsed.signature, salt: parsed.salt }
        : null;
    } catch {
      return null;
    }
  };
  const signatureOf = (payload: string) => parse(payload)?.signature ?? null;
  // Expiry by our clock (the library reads Date.now()); the signature covers the salt that carries it.
  const isExpired = (salt: string) => {
    const expires = Number(extractParams({ salt } as never).expires);
    return !Number.isFinite(expires) || expires * 1000 < now();
  };
  const invalid = () => new HttpError(422, 'pow_invalid', 'The anti-spam check failed or expired; solve a new challenge.', 'pow');
  return {
    async challenge() {
      const c = await createChallenge({ hmacKey, maxNumber, expires: new Date(now() + POW_TTL_MS) });
      return { algorithm: 'SHA-256', challenge: c.challenge, salt: c.salt, signature: c.signature, maxnumber: c.maxnumber ?? maxNumber };
    },
    async check(payload) {
      if (!payload)
        throw new HttpError(422, 'pow_required', 'Solve the anti-spam challenge (GET /api/challenge) and send it as `pow`.', 'pow');
      const parsed = parse(payload);
      if (!parsed || used.has(parsed.signature) || isExpired(parsed.salt)) throw invalid();
      const ok = await verifySolution(payload, hmacKey, false).catch(() => false);
      if (!ok) throw invalid();
    },
    use(payload) {
      forgetExpired();
      const signature = signatureOf(payload);
      if (!signature || used.has(signature)) return false;
      used.set(signature, now() + POW_TTL_MS);
      return true;
    },
  };
}
