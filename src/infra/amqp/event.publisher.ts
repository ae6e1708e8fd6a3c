import type { CloudEvent } from '../../domain/events/event.types';
import type { AmqpConnection } from './amqp.connection';

export type PublishResult = 'ack' | 'nack' | 'returned' | 'failed';

const APP_ID = 'procurement-sustainability';

const eventCompliance = (event: CloudEvent): string | undefined => (event.data as { compliance?: string }).compliance;

/** Routing key = event type; assessments add their compliance, so consumers can bind to one verdict. */
export function routingKeyOf(event: CloudEvent): string {
  const compliance = eventCompliance(event);
  return compliance ? `${event.type}.${compliance}` : event.type;
}

/** AMQP headers with the same values, for consumers that inspect rather than bind. */
function headersOf(event: CloudEvent): Record<string, string> {
  const compliance = eventCompliance(event);
  return { eventType: event.type, ...(compliance ? { compliance } : {}) };
}

/**
 * Publishes CloudEvents (structured mode) on the confirm channel, many in flight at once, and
 * reports per event whether the broker confirmed it. A message the broker returned as unroutable
 * is still acked by it, so returns are tracked and reported as such, not as delivered.
 */
export class EventPublisher {
  private readonly returned = new Set<string>();

  constructor(private readonly amqp: AmqpConnection) {
    amqp.onReturn((id) => this.returned.add(id));
  }

  async publish(events: readonly CloudEvent[]): Promise<PublishResult[]> {
    if (events.length === 0) return [];
    let channel;
    try {
      channel = await this.amqp.confirmChannel();
    } catch {
      return events.map(() => 'failed');
    }
    const ch = channel;
    const pending = events.map(
      (event) =>
        new Promise<PublishResult>((resolve) => {
          const done = (err: unknown) => {
            const result: PublishResult = err ? (err instanceof Error && err.message.includes('nack') ? 'nack' : 'failed') : this.returned.delete(event.id) ? 'returned' : 'ack';
            resolve(result);
          };
          try {
            ch.publish(this.amqp.exchange, routingKeyOf(event), Buffer.from(JSON.stringify(event)), {
              persistent: true,
              mandatory: true,
              messageId: event.id,
              contentType: 'application/cloudevents+json; charset=utf-8',
              type: event.type,
              timestamp: Math.floor(Date.parse(event.time) / 1000),
              correlationId: event.correlationid,
              appId: APP_ID,
              headers: headersOf(event),
            }, done);
          } catch (err) {
            done(err);
          }
        }),
    );
    return Promise.all(pending);
  }
}
