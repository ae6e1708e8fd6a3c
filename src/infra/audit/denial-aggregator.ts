import type { AuditEvent } from '../../domain/audit/audit.types';
import { nameBasedId } from '../../domain/uuid';

/** Refusals anyone can cause without credentials: counted per client and window, not stored one by one. */
export const DENIAL_ACTIONS: ReadonlySet<string> = new Set(['authentication.failed', 'authorization.denied', 'rate-limit.exceeded']);

export type DenialEntry = Omit<AuditEvent, 'id' | 'at' | 'count' | 'windowStart' | 'windowEnd'>;

export interface DenialAggregate {
  readonly key: string;
  /** Stable for client, action and window, so every flush (and every replica) adds to one record. */
  readonly id: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  /**
   * The latest refusal, kept as the sample (request id, resource, reason): the one a caller
   * looking up the refusal it just caused (by its X-Request-ID) will find.
   */
  sample: DenialEntry;
  count: number;
  lastAt: number;
}

const OVERFLOW_ACTOR = '*';

/**
 * Denials (401, 403, 429) folded into one aggregate per action, client (actor and address) and
 * window. A flood of refusals then costs a bounded number of audit records: at most `maxClients`
 * clients per window get their own; the rest of that window shares one overflow record per action
 * (actor "*"), so neither memory nor the collection grows with the number of requests or of forged
 * identities, and real security events are never crowded out.
 */
export class DenialAggregator {
  private pending = new Map<string, DenialAggregate>();
  private window = -1;
  private readonly clients = new Set<string>();

  constructor(
    private readonly windowMs: number,
    private readonly maxClients: number,
  ) {}

  add(entry: DenialEntry, now: number): void {
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    if (windowStart !== this.window) {
      this.window = windowStart;
      this.clients.clear();
    }
    let client = `${entry.action}\n${entry.actor}\n${entry.clientAddress ?? ''}`;
    let sample = entry;
    if (!this.clients.has(client)) {
      if (this.clients.size < this.maxClients) {
        this.clients.add(client);
      } else {
        client = `${entry.action}\n${OVERFLOW_ACTOR}`;
        sample = {
          action: entry.action,
          outcome: entry.outcome,
          ...(entry.status !== undefined ? { status: entry.status } : {}),
          actor: OVERFLOW_ACTOR,
          detail: `more than ${this.maxClients} clients refused in this window (AUDIT_DENIAL_MAX_CLIENTS); the rest are counted here`,
        };
      }
    }
    const key = `${client}\n${windowStart}`;
    const known = this.pending.get(key);
    if (known) {
      known.count += 1;
      known.lastAt = now;
      known.sample = sample;
      return;
    }
    const id = nameBasedId(`audit-denial:${key}`);
    this.pending.set(key, { key, id, windowStart, windowEnd: windowStart + this.windowMs, sample, count: 1, lastAt: now });
  }

  /** The aggregates since the last drain; the caller stores them or gives them back. */
  drain(): DenialAggregate[] {
    const out = [...this.pending.values()];
    this.pending = new Map();
    return out;
  }

  /** Aggregates a failed write could not store: their counts are added to the next flush. */
  restore(aggregates: readonly DenialAggregate[]): void {
    for (const a of aggregates) {
      const known = this.pending.get(a.key);
      if (known) {
        // What arrived since the failed write is newer: it keeps its sample.
        known.count += a.count;
      } else {
        this.pending.set(a.key, a);
      }
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
