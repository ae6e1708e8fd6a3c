import { readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import amqplib from 'amqplib';
import { PROJECT_ROOT } from '../../src/paths';
import { eventually, startTestService, testDatabaseUri } from '../support/test-service';

describe('RabbitMQ recovery inside the service', () => {
  it('re-creates its channels after the broker drops every connection: a publish afterwards reaches a consumer', async () => {
    const svc = await startTestService();
    const consumer = await amqplib.connect(svc.config.amqpUrl);
    try {
      await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
      await svc.service.amqp.publish('test.before', Buffer.from('before'));

      execFileSync('rabbitmqctl', ['close_all_connections', 'test: simulated broker failure'], { stdio: 'ignore' });
      await eventually(() => expect(svc.logs.some((l) => l.msg === 'rabbitmq disconnected')).toBe(true));

      const fresh = await amqplib.connect(svc.config.amqpUrl);
      const ch = await fresh.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, svc.config.amqpExchange, 'test.after');
      await eventually(async () => {
        await svc.service.amqp.publish('test.after', Buffer.from('after'), { persistent: true });
      }, 15_000, 200);
      const received = await eventually(async () => {
        const msg = await ch.get(queue, { noAck: true });
        expect(msg && msg.content.toString()).toBe('after');
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
