import type { CloudEvent } from '../../domain/events/event.types';

/**
 * The transactional outbox without multi-document transactions: events travel inside the
 * aggregate's own document, written by the same single-document write as the state change.
 * `outboxAt` (the newest event's time, indexed) lets the sweeper find recent events cheaply;
 * events stay in the document as its record of what was announced.
 */
export const OUTBOX_COLLECTIONS = ['assessments', 'criterion_sets', 'tender_profiles'] as const;
export type OutboxCollection = (typeof OUTBOX_COLLECTIONS)[number];

export interface OutboxFields {
  outbox?: CloudEvent[];
  outboxAt?: Date;
}

const newest = (events: readonly CloudEvent[]): Date => new Date(Math.max(...events.map((e) => Date.parse(e.time))));

/** Fields to add to a document inserted together with `events`. */
export function outboxFields(events: readonly CloudEvent[]): OutboxFields {
  return events.length > 0 ? { outbox: [...events], outboxAt: newest(events) } : {};
}

/** Update operators that append `events` to a document's outbox in the same update. */
export function outboxPush(events: readonly CloudEvent[]): Record<string, unknown> {
  return events.length > 0 ? { $push: { outbox: { $each: [...events] } }, $set: { outboxAt: newest(events) } } : {};
}

/** The outbox fields a stored document holds, to carry over when the document is rewritten. */
export function outboxOf(doc: OutboxFields): OutboxFields {
  return { ...(doc.outbox ? { outbox: doc.outbox } : {}), ...(doc.outboxAt ? { outboxAt: doc.outboxAt } : {}) };
}
