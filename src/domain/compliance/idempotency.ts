/**
 * Idempotency-Key handling: a key is bound to the fingerprint of the whole request that first
 * used it, and to the ids of what that request created. A retry of the same request replays the
 * stored result; the key used for a different request is 409; a request that failed before
 * anything was stored leaves no record, so the key stays free. Keys expire after a configured
 * period, and single checks and batches have separate key spaces.
 */
import { conflict } from '../errors';
import { nameBasedId } from '../uuid';
import type { Clock } from '../clock';

export interface IdempotencyRecord {
  /** The scoped key (organisation, key space and the caller's key, hashed). */
  id: string;
  fingerprint: string;
  /** Ids of the assessments the request creates, in order. */
  resultIds: string[];
  createdAt: string;
  expiresAt: string;
}

/** Persistence port; src/infra/mongo/compliance implements it. */
export interface IdempotencyStore {
  /** The record holding `id`, if it has not expired by `now`. */
  get(id: string, now: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the record unless a live one holds its id; resolves the record that holds it now. */
  claim(record: IdempotencyRecord, now: string): Promise<IdempotencyRecord>;
}

export type KeySpace = 'compliance-check' | 'compliance-check-batch';

const reused = () => conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');

export class IdempotencyKeys {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  /** Keys are scoped to the organisation: one tenant can neither see nor block another's keys. */
  private scoped(organisation: string, space: KeySpace, key: string): string {
    return nameBasedId(`${organisation}:${space}:${key}`);
  }

  /** The live record of an earlier request with this key; 409 if it was a different request. */
  async earlier(organisation: string, space: KeySpace, key: string, fingerprint: string): Promise<IdempotencyRecord | undefined> {
    const record = await this.store.get(this.scoped(organisation, space, key), this.clock.now().toISOString());
    if (record !== undefined && record.fingerprint !== fingerprint) throw reused();
    return record;
  }

  /** Binds the key to this request and its result ids; resolves the record that holds the key (a racing twin's, possibly). */
  async claim(organisation: string, space: KeySpace, key: string, fingerprint: string, resultIds: string[]): Promise<IdempotencyRecord> {
    const now = this.clock.now();
    const record: IdempotencyRecord = {
      id: this.scoped(organisation, space, key), fingerprint, resultIds,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    };
    const holder = await this.store.claim(record, record.createdAt);
    if (holder.fingerprint !== fingerprint) throw reused();
    return holder;
  }
}
