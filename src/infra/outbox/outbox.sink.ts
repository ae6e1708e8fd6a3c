import type { CloudEvent } from '../../domain/events/event.types';
import type { OutboxCollection } from './outbox.fields';

/** Where repositories hand freshly written events for immediate publication (the fast path). */
export interface OutboxSink {
  written(collection: OutboxCollection, events: readonly CloudEvent[]): void;
}

/** For writers without a relay (scripts, tests): their events are left to the sweeper. */
export const NO_SINK: OutboxSink = { written: () => undefined };
