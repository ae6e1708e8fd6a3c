import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface OutboxMetrics {
  published: Counter<'type' | 'path'>;
  failures: Counter<'reason'>;
  retries: Counter;
  latency: Histogram<'path'>;
  pending: Gauge;
  oldestAge: Gauge;
  queued: Gauge;
  sweeps: Counter<'result'>;
}

export function createOutboxMetrics(registry: Registry): OutboxMetrics {
  const registers = [registry];
  return {
    published: new Counter({ name: 'events_published_total', help: 'Events confirmed by the broker, by type and path (fast or sweeper)', labelNames: ['type', 'path'] as const, registers }),
    failures: new Counter({ name: 'events_publish_failures_total', help: 'Events not confirmed: nack, returned (unroutable) or failed (channel closed, broker down)', labelNames: ['reason'] as const, registers }),
    retries: new Counter({ name: 'events_publish_retries_total', help: 'Publication attempts repeated after a failure', registers }),
    latency: new Histogram({
      name: 'event_publish_latency_seconds',
      help: 'From the event being written (its time) to the broker confirming it',
      labelNames: ['path'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    pending: new Gauge({ name: 'outbox_pending_events', help: 'Events written but not yet confirmed by the broker (as of the last outbox scan)', registers }),
    oldestAge: new Gauge({ name: 'outbox_oldest_pending_age_seconds', help: 'Age of the oldest event not yet confirmed (as of the last outbox scan)', registers }),
    queued: new Gauge({ name: 'outbox_relay_queue_size', help: 'Events waiting in the relay of this replica', registers }),
    sweeps: new Counter({ name: 'outbox_sweeps_total', help: 'Outbox sweeps by result', labelNames: ['result'] as const, registers }),
  };
}
