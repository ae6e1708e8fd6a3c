import { api, unwrap } from '../api/client';
import type { Offer } from '../api/types';

const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The Idempotency-Key of a submission: a digest of the profile and the offer, so that a double
 * submission or a retry after a lost response returns the first assessment instead of storing a
 * second one. (crypto.subtle exists on secure origins only; elsewhere a random key.)
 */
async function keyFor(profileId: string, offer: Offer): Promise<string> {
  if (crypto.subtle) return `console-${hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([profileId, offer]))))}`;
  return `console-${hex(crypto.getRandomValues(new Uint8Array(16)))}`;
}

export async function submitOffer(profileId: string, offer: Offer) {
  const key = await keyFor(profileId, offer);
  return unwrap(api.POST('/api/v1/compliance-checks', { params: { header: { 'Idempotency-Key': key } }, body: { profileId, offer } }));
}
