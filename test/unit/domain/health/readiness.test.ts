import { checkReadiness, publicDetail } from '../../../../src/domain/health/readiness';

describe('readiness details shown to anonymous callers', () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:5672', 'connect ECONNREFUSED <address>'],
    ['getaddrinfo ENOTFOUND mongo.internal.gov:27017', 'getaddrinfo ENOTFOUND <address>'],
    ['Connection closed: amqp://user:s3cret@rabbit.prod:5672/vhost', 'Connection closed: <address>'],
    ['getaddrinfo ENOTFOUND mongo.internal.gov', 'getaddrinfo ENOTFOUND <address>'],
    ['getaddrinfo EAI_AGAIN rabbitmq-0.rabbitmq.ns.svc', 'getaddrinfo EAI_AGAIN <address>'],
    ['connect ECONNREFUSED [::1]:27017', 'connect ECONNREFUSED <address>'],
    ['not connected (disconnected)', 'not connected (disconnected)'],
  ])('%s → %s', (raw, shown) => {
    expect(publicDetail(raw)).toBe(shown);
  });

  it('redacts the details in the report and stays unavailable while a dependency is down', async () => {
    const report = await checkReadiness({
      mongodb: () => ({ up: false, detail: 'connect ECONNREFUSED 10.0.3.7:27017' }),
      rabbitmq: () => ({ up: true }),
      started: () => true,
      shuttingDown: () => false,
    });
    expect(report.status).toBe('unavailable');
    expect(report.checks.mongodb).toEqual({ status: 'down', detail: 'connect ECONNREFUSED <address>' });
    expect(JSON.stringify(report)).not.toContain('10.0.3.7');
  });

  it('is not ready until start-up has finished, even with every dependency up', async () => {
    const probes = { mongodb: () => ({ up: true }), rabbitmq: () => ({ up: true }), shuttingDown: () => false };
    const starting = await checkReadiness({ ...probes, started: () => false });
    expect(starting.status).toBe('unavailable');
    expect(starting.checks.startup?.status).toBe('down');
    expect(await checkReadiness({ ...probes, started: () => true })).toEqual({ status: 'ready', checks: { mongodb: { status: 'up' }, rabbitmq: { status: 'up' } } });
  });

  it('stays ready while RabbitMQ is down, reporting it, because the outbox takes the writes', async () => {
    const report = await checkReadiness({
      mongodb: () => ({ up: true }),
      rabbitmq: () => ({ up: false, detail: 'connect ECONNREFUSED 10.0.3.8:5672' }),
      started: () => true,
      shuttingDown: () => false,
    });
    expect(report).toEqual({ status: 'ready', checks: { mongodb: { status: 'up' }, rabbitmq: { status: 'down', detail: 'connect ECONNREFUSED <address>' } } });
  });

  it('is not ready while shutting down, whatever RabbitMQ says', async () => {
    for (const rabbitUp of [true, false]) {
      const report = await checkReadiness({ mongodb: () => ({ up: true }), rabbitmq: () => ({ up: rabbitUp }), started: () => true, shuttingDown: () => true });
      expect(report.status).toBe('unavailable');
      expect(report.checks.shutdown?.status).toBe('down');
    }
  });
});
