import { OUTBOX_COLLECTIONS, type OutboxCollection } from './outbox.fields';
import type { OutboxLease } from './outbox.lease';
import type { OutboxMarkers } from './outbox.markers';
import type { OutboxPending } from './outbox.pending';

export interface CollectionBacklog {
  /** Entries the broker has not confirmed, due or not. */
  unconfirmed: number;
  /** Unconfirmed entries past the grace period: the sweep's work. */
  due: number;
  /** Documents holding the due events (collected only when a sweep asks for them). */
  documents: Set<string>;
  events: Set<string>;
}

export interface Backlog {
  byCollection: Record<OutboxCollection, CollectionBacklog>;
  unconfirmed: number;
  due: number;
  oldestDue?: number;
  oldestYoung?: number;
  /**
   * More documents are due than are worth reading one by one: the read stopped there (counts are
   * partial) and the sweep reads the collections' time windows instead.
   */
  overflow: boolean;
  /** Entries read that were recorded before `since`: done with, waiting to be cleared. */
  stale: number;
}

const min = (a: number | undefined, b: number): number => Math.min(a ?? b, b);

/**
 * What is unpublished, from the pending entries minus the broker's confirmations: one pass over a
 * collection the size of the backlog, whatever the aggregates hold. Entries recorded before
 * `since` were dealt with by a complete sweep and are only waiting to be cleared. With
 * `byIdLimit`, the documents of due events are collected, and the read stops as soon as they
 * exceed it (a large backlog then costs no more than the window read it leads to).
 */
export async function readBacklog(
  pending: OutboxPending,
  confirmed: ReadonlySet<string>,
  window: { since: Date; dueBefore: Date },
  options: { batchSize: number; byIdLimit?: number },
): Promise<Backlog> {
  const byCollection = Object.fromEntries(
    OUTBOX_COLLECTIONS.map((c) => [c, { unconfirmed: 0, due: 0, documents: new Set<string>(), events: new Set<string>() }]),
  ) as Record<OutboxCollection, CollectionBacklog>;
  const backlog: Backlog = { byCollection, unconfirmed: 0, due: 0, overflow: false, stale: 0 };
  const since = window.since.getTime();
  const dueBefore = window.dueBefore.getTime();
  let documents = 0;
  for await (const entry of pending.all(options.batchSize)) {
    const c = byCollection[entry.collection];
    const at = entry.at.getTime();
    if (at < since) {
      backlog.stale += 1;
      continue;
    }
    if (!c || confirmed.has(entry._id)) continue;
    c.unconfirmed += 1;
    backlog.unconfirmed += 1;
    if (at >= dueBefore) {
      backlog.oldestYoung = min(backlog.oldestYoung, at);
      continue;
    }
    c.due += 1;
    backlog.due += 1;
    backlog.oldestDue = min(backlog.oldestDue, at);
    if (options.byIdLimit === undefined) continue;
    if (!c.documents.has(entry.documentId)) documents += 1;
    c.documents.add(entry.documentId);
    c.events.add(entry._id);
    if (documents > options.byIdLimit) {
      backlog.overflow = true;
      break;
    }
  }
  return backlog;
}

export interface PendingStatus {
  pending: number;
  byCollection: Record<OutboxCollection, number>;
  oldestPendingAt?: string;
  sweptUntil?: string;
}

/** The backlog as the admin endpoint shows it: every unconfirmed entry, due or not. */
export async function pendingStatus(pending: OutboxPending, markers: OutboxMarkers, lease: OutboxLease, options: { overlapMs: number; batchSize: number }): Promise<PendingStatus> {
  const state = await lease.read();
  const since = new Date((state?.sweptUntil.getTime() ?? 0) - options.overlapMs);
  const backlog = await readBacklog(pending, await markers.since(since), { since, dueBefore: new Date(0) }, { batchSize: options.batchSize });
  const oldest = backlog.oldestYoung;
  return {
    pending: backlog.unconfirmed,
    byCollection: Object.fromEntries(OUTBOX_COLLECTIONS.map((c) => [c, backlog.byCollection[c].unconfirmed])) as Record<OutboxCollection, number>,
    ...(oldest !== undefined ? { oldestPendingAt: new Date(oldest).toISOString() } : {}),
    ...(state ? { sweptUntil: state.sweptUntil.toISOString() } : {}),
  };
}
