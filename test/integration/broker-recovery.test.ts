import { readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import type { CloudEvent } from '../../src/domain/events/event.types';
import { EventPublisher } from '../../src/infra/amqp/event.publisher';
import { PROJECT_ROOT } from '../../src/paths';
import { eventually, startTestService, testDatabaseUri } from '../support/test-service';

describe('RabbitMQ recovery inside the service', () => {
  it('re-creates its channels after the broker drops every connection: a publish afterwards reaches a consumer', async () => {
    const svc = await startTestService();
    const consumer = await amqplib.connect(svc.config.amqpUrl);
    // The service's own publishing path on the service's own connection.
    const publisher = new EventPublisher(svc.service.amqp);
    const event = (subject: string): CloudEvent => ({
      specversion: '1.0', id: randomUUID(), source: '/test/broker-recovery', type: 'criterion-set.retired.v1', time: new Date().toISOString(),
      subject, datacontenttype: 'application/json', correlationid: randomUUID(), data: {},
    });
    try {
      await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
      expect(await publisher.publish([event('before')])).toEqual(['ack']);

      execFileSync('rabbitmqctl', ['close_all_connections', 'test: simulated broker failure'], { stdio: 'ignore' });
      await eventually(() => expect(svc.logs.some((l) => l.msg === 'rabbitmq disconnected')).toBe(true));

      const fresh = await amqplib.connect(svc.config.amqpUrl);
      const ch = await fresh.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, svc.config.amqpExchange, 'criterion-set.retired.v1');
      await eventually(async () => expect(await publisher.publish([event('after')])).toEqual(['ack']), 15_000, 200);
      const received = await eventually(async () => {
        const msg = await ch.get(queue, { noAck: true });
        expect(msg && (JSON.parse(msg.content.toString()) as CloudEvent).subject).toBe('after');
      });
      expect(received).toBeLessThan(10_000);
      expect(svc.logs.filter((l) => l.msg === 'rabbitmq connected').length).toBeGreaterThanOrEqual(2);
      await fresh.close();
    } finally {
      await consumer.close().catch(() => undefined);
      await svc.stop();
    }
  });
});

describe('npm run seed', () => {
  it('loads the seed sets into the database idempotently', () => {
    const env = { ...process.env, MONGODB_URI: testDatabaseUri(), LOG_LEVEL: 'silent' };
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'seed.ts')], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(0);
    const seeds = readdirSync(path.join(PROJECT_ROOT, 'data', 'criteria')).filter((f) => f.endsWith('.yaml')).length;
    const firstReport = JSON.parse(first.stdout) as { inserted: string[]; superseded: string[] };
    expect(firstReport.inserted).toHaveLength(seeds);
    expect(firstReport.superseded).toEqual(['epeat-ieee-1680-1']);
    const second = run();
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: [], updated: [], skipped: [], superseded: [] });
    expect((JSON.parse(second.stdout) as { unchanged: string[] }).unchanged).toHaveLength(seeds);
  });
});
