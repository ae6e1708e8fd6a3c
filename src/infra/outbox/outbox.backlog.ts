import { OUTBOX_COLLECTIONS, type OutboxCollection } from './outbox.fields';
import type { OutboxPending } from './outbox.pending';

export interface CollectionBacklog {
  /** Entries the broker has not confirmed, due or not. */
  unconfirmed: number;
  /** Unconfirmed entries past the grace period: the sweep's work. */
  due: number;
  /** Documents holding the due events, while few enough to read one by one; undefined beyond that. */
  documents?: Set<string>;
  events: Set<string>;
}

export interface Backlog {
  byCollection: Record<OutboxCollection, CollectionBacklog>;
  unconfirmed: number;
  due: number;
  oldestDue?: number;
  oldestYoung?: number;
}

const min = (a: number | undefined, b: number): number => Math.min(a ?? b, b);

/**
 * What is unpublished, from the pending entries minus the broker's confirmations: one pass over a
 * collection the size of the backlog, whatever the aggregates hold. Memory stays bounded for a
 * large backlog: past `byIdLimit` documents a collection is only counted (the sweep then reads its
 * time window instead).
 */
export async function readBacklog(
  pending: OutboxPending,
  confirmed: ReadonlySet<string>,
  dueBefore: Date,
  options: { batchSize: number; byIdLimit: number },
): Promise<Backlog> {
  const byCollection = Object.fromEntries(
    OUTBOX_COLLECTIONS.map((c) => [c, { unconfirmed: 0, due: 0, documents: new Set<string>(), events: new Set<string>() }]),
  ) as Record<OutboxCollection, CollectionBacklog>;
  const backlog: Backlog = { byCollection, unconfirmed: 0, due: 0 };
  for await (const entry of pending.all(options.batchSize)) {
    const c = byCollection[entry.collection];
    if (!c || confirmed.has(entry._id)) continue;
    c.unconfirmed += 1;
    backlog.unconfirmed += 1;
    const at = entry.at.getTime();
    if (at >= dueBefore.getTime()) {
      backlog.oldestYoung = min(backlog.oldestYoung, at);
      continue;
    }
    c.due += 1;
    backlog.due += 1;
    backlog.oldestDue = min(backlog.oldestDue, at);
    if (!c.documents) continue;
    c.documents.add(entry.documentId);
    c.events.add(entry._id);
    if (c.documents.size > options.byIdLimit) {
      c.documents = undefined;
      c.events.clear();
    }
  }
  return backlog;
}
