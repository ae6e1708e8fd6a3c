import { execFileSync } from 'node:child_process';
import { api } from '../support/contract';
import { EventConsumer } from '../support/event-consumer';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { eventually, startTestService, type TestService } from '../support/test-service';

/**
 * Fault drills against the real broker: while N compliance checks run, the broker drops every
 * connection, or stops and starts again. Afterwards a consumer must have received exactly N
 * distinct assessment events (duplicates only with the same id), and no API request may have
 * failed because the broker was down.
 */
const N = 500;
const CONCURRENCY = 10;
const rabbitmqctl = (...args: string[]): void => {
  execFileSync('rabbitmqctl', args, { stdio: 'ignore', timeout: 60_000 });
};

async function runChecks(svc: TestService, profileId: string, fault: { at: number; run: () => void | Promise<void> }[]): Promise<{ ids: string[]; statuses: number[] }> {
  const client = api(svc.service.app);
  const ids: string[] = [];
  const statuses: number[] = [];
  let next = 0;
  const pendingFaults = [...fault];
  const worker = async () => {
    while (next < N) {
      const i = next++;
      while (pendingFaults[0] && i >= pendingFaults[0].at) await pendingFaults.shift()!.run();
      const res = await client.post('/api/v1/compliance-checks').send({ profileId, offer: compliantNotebookOffer(`Fault ${i}`, 5 + (i % 25)) });
      statuses.push(res.status);
      if (res.status === 201) ids.push(res.body.id as string);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ids, statuses };
}

async function drill(faults: (svc: TestService) => { at: number; run: () => void | Promise<void> }[]): Promise<void> {
  const svc = await startTestService({ OUTBOX_GRACE_MS: '2000', OUTBOX_SWEEP_INTERVAL_MS: '3000' });
  const consumer = await new EventConsumer(svc.config.amqpUrl, svc.config.amqpExchange).bind(['assessment.#']);
  try {
    await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
    const profile = await api(svc.service.app).post('/api/v1/tender-profiles').send({ criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' }).expect(201);
    const { ids, statuses } = await runChecks(svc, profile.body.id as string, faults(svc));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(new Set(ids).size).toBe(N);

    await eventually(() => expect(svc.service.amqp.state().up).toBe(true), 60_000);
    const expected = new Set(ids);
    const received = await consumer.collect((all) => new Set(all.map((m) => m.body.subject as string)).size >= N, 90_000);
    const subjects = received.map((m) => m.body.subject as string);
    const distinct = new Set(subjects);
    const byEventId = new Map<string, string>();
    for (const m of received) byEventId.set(m.body.id as string, m.body.subject as string);
    // every event of the drill arrived; duplicates carry the same event id
    expect([...expected].filter((id) => !distinct.has(id))).toEqual([]);
    expect([...distinct].filter((id) => !expected.has(id))).toEqual([]);
    expect(byEventId.size).toBe(N);
    // the fault really happened while checks were running
    expect(svc.logs.some((l) => l.msg === 'rabbitmq disconnected')).toBe(true);
    process.stdout.write(`fault drill: ${N} checks, ${received.length} deliveries, ${N} distinct event ids, ${received.length - N} duplicates\n`);
  } finally {
    await consumer.delete();
    await svc.stop();
  }
}

describe(`events survive broker faults during ${N} compliance checks`, () => {
  afterAll(() => rabbitmqctl('start_app'));

  it('when the broker closes every connection halfway', async () => {
    await drill(() => [{ at: N / 2, run: () => rabbitmqctl('close_all_connections', 'fault drill') }]);
  }, 180_000);

  it('when the broker application stops and starts again', async () => {
    await drill(() => [
      { at: N / 3, run: () => rabbitmqctl('stop_app') },
      { at: (2 * N) / 3, run: () => { rabbitmqctl('start_app'); rabbitmqctl('await_startup'); } },
    ]);
  }, 180_000);
});
