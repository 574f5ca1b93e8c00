import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A message signer per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
export interface WebhookSigner {
  /** The three headers for `body`, sent as message `id` at `at`. */
  headers(id: string, at: Date, body: string): Record<string, string>;
}

/**
 * A signer for `THREADLINE_WEBHOOK_SECRET`: a `whsec_…` secret is base64 as the spec writes it;
 * any other string is used as raw bytes (so a plain passphrase works too).
 */
export function createWebhookSigner(secret: string): WebhookSigner {
  const webhook = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
  return {
    headers: (id, at, body) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': webhook.sign(id, at, body),
    }),
  };
}

/** Sends `payload` as signed JSON and resolves with the answer; rejects on a network error or after `timeoutMs`. */
export async function postSignedJson(
  url: string,
  signer: WebhookSigner,
  payload: unknown,
  timeoutMs: number,
  id = `msg_${randomUUID()}`,
  now = new Date(),
): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'threadline', ...signer.headers(id, now, body) },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
}
