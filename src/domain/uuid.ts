import { createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

// RFC 9562 name-based UUID (version 5, SHA-1) under a namespace of our own.
const NAMESPACE = Buffer.from('6f1c2a52-8e0b-4c6e-9a7e-0d3f5b1a9c44'.replace(/-/g, ''), 'hex');

/** The same name always gives the same id: how an Idempotency-Key maps to one assessment. */
export function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
