
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { OPENAPI_PATH } from '../../src/paths';
import { api } from '../support/contract';
import { handCheckedNotebookOffer } from '../support/offer-fixtures';
import { startTcpProxy } from '../support/tcp-proxy';
import { eventually, startTestService, testDatabaseUri, type TestService } from '../support/test-service';
import { startFerretDb } from '../../src/infra/mongo/embedded/ferretdb.launcher';
import { ownFerretDbStorage } from '../support/postgres.scratch-database';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('health, docs and contract endpoints with both dependencies up', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
  });
  afterAll(() => svc.stop());

  it('answers the GovStack harness health check', async () => {
    const res = await api(svc.service.app).get('/healthcheck').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('reports liveness without looking at dependencies', async () => {
    await api(svc.service.app).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready when MongoDB answers a ping and RabbitMQ is connected', async () => {
    const res = await api(svc.service.app).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.mongodb.status).toBe('up');
    expect(res.body.checks.rabbitmq.status).toBe('up');
    expect(typeof res.body.checks.mongodb.latencyMs).toBe('number');
  });

  it('serves the contract as YAML byte for byte and as the same document in JSON', async () => {
    const yamlRes = await api(svc.service.app).get('/api/v1/openapi.yaml').expect(200);
    expect(yamlRes.text).toBe(readFileSync(OPENAPI_PATH, 'utf8'));
    const jsonRes = await api(svc.service.app).get('/api/v1/openapi.json').expect(200);
    expect(jsonRes.body).toEqual(parse(yamlRes.text));
  });

  it('serves Swagger UI from the service itself, with no CDN', async () => {
    const page = await api(svc.service.app).get('/docs').expect(200);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of sources) {
      expect(src.startsWith('/docs/assets/')).toBe(true);
      const asset = await fetch(`${svc.baseUrl}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(20);
    }
    const init = await (await fetch(`${svc.baseUrl}/docs/assets/docs-init.js`)).text();
    expect(init).toContain('/api/v1/openapi.json');
  });

  it('exposes Prometheus metrics with a duration histogram by route template and status', async () => {
    await api(svc.service.app).get('/healthcheck').expect(200);
    await api(svc.service.app).get('/no/such/thing/42').expect(404);
    const res = await api(svc.service.app).get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthcheck",status_code="200"\} \d+/);
    expect(res.text).toMatch(/route="unmatched",status_code="404"/);
    expect(res.text).not.toContain('/no/such/thing/42');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await api(svc.service.app).head('/healthcheck').expect(200);
    expect(res.text ?? '').toBe('');
  });
});


describe('readiness with a dependency down', () => {
  it('stays ready while no broker is reachable, naming RabbitMQ down, and still takes compliance checks', async () => {
    const broker = await startTcpProxy(Number(new URL(process.env.AMQP_URL ?? 'amqp://localhost').port || 5672));
    const svc = await startTestService({ AMQP_URL: `amqp://127.0.0.1:${broker.port}` });
    try {
      const client = api(svc.service.app);
      await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
      await broker.cut();
      await eventually(() => expect(svc.service.amqp.state().up).toBe(false));

      // The outbox stores the events with the assessment: the broker is not needed to serve.
      const res = await client.get('/health/ready').expect(200);
      expect(res.body.status).toBe('ready');
      expect(res.body.checks.rabbitmq.status).toBe('down');
      expect(res.body.checks.rabbitmq.detail).toMatch(/ECONNRE|not connected|closed|socket/i);
      expect(res.body.checks.mongodb.status).toBe('up');
      await client.get('/healthcheck').expect(200, /"status":"ok"/);
      await client
        .post('/api/v1/compliance-checks')
        .send({ criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core', offer: handCheckedNotebookOffer() })
        .expect(201);
      const metrics = await client.get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^dependency_up\{dependency="rabbitmq"\} 0$/m);
      expect(metrics.text).toMatch(/^dependency_up\{dependency="mongodb"\} 1$/m);

      await broker.restore();
      await eventually(async () => {
        const back = await client.get('/health/ready').expect(200);
        expect(back.body.checks.rabbitmq.status).toBe('up');
      }, 15_000);
      expect((await client.get('/metrics').expect(200)).text).toMatch(/^dependency_up\{dependency="rabbitmq"\} 1$/m);
    } finally {
      await svc.stop();
      await broker.close();
    }
  });

  it('is not ready and not ok while the database is cut off, and recovers by itself once it is back', async () => {
    const dbUrl = new URL(testDatabaseUri());
    const database = await startTcpProxy(Number(dbUrl.port || 27017), dbUrl.hostname);
    dbUrl.host = `127.0.0.1:${database.port}`;
    const svc = await startTestService({ MONGODB_URI: dbUrl.toString(), MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000' });
    try {
      const client = api(svc.service.app);
      await client.get('/health/ready').expect(200);
      await database.cut();

      await eventually(async () => {
        const res = await client.get('/health/ready').expect(503);
        expect(res.body.status).toBe('unavailable');
        expect(res.body.checks.mongodb.status).toBe('down');
      });
      const health = await client.get('/healthcheck').expect(503);
      expect(health.body.status).toBe('unavailable');
      await client.get('/health/live').expect(200);
      expect((await client.get('/metrics').expect(200)).text).toMatch(/^dependency_up\{dependency="mongodb"\} 0$/m);
      // Past the driver noticing (its heartbeat) and failing an operation, not only a ping.
      await eventually(() => expect(svc.logs.some((l) => l.msg === 'mongodb disconnected')).toBe(true), 30_000);
      await client.get('/api/v1/criterion-sets/eu-gpp-computers-2021').expect(503);

      await database.restore();
      await eventually(async () => {
        const res = await client.get('/health/ready').expect(200);
        expect(res.body.checks.mongodb.status).toBe('up');
      }, 30_000);
      await client.get('/healthcheck').expect(200, /"status":"ok"/);
      await client
        .post('/api/v1/compliance-checks')
        .send({ criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core', offer: handCheckedNotebookOffer() })
        .expect(201);
      expect(svc.logs.some((l) => l.msg === 'mongodb reconnected')).toBe(true);
    } finally {
      await database.restore().catch(() => undefined);
      await svc.stop();
      await database.close();
    }
  });

  it('is not ready, naming MongoDB, when the database goes away, and the API keeps answering', async () => {
    const storage = ownFerretDbStorage(mkdtempSync(path.join(os.tmpdir(), 'psbb-down-')));
    let db = await startFerretDb(storage, () => undefined);
    const svc = await startTestService({ MONGODB_URI: `${db.uri}readiness_down`, MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000' });
    try {
      const client = api(svc.service.app);
      await eventually(async () => {
        await client.get('/health/ready').expect(200);
      });
      await db.stop();
      await eventually(async () => {
        const r = await client.get('/health/ready').expect(503);
        expect(r.body.checks.mongodb.status).toBe('down');
      });
      await client.get('/healthcheck').expect(503);
      await client.get('/health/live').expect(200);

      // The database process comes back (same address, same data): the service follows by itself.
      db = await startFerretDb(storage, () => undefined, new URL(db.uri).host);
      await eventually(async () => {
        await client.get('/health/ready').expect(200);
      }, 30_000);
      await client.get('/healthcheck').expect(200);
    } finally {
      await svc.service.stop();
      await db.stop();
    }
  });
});
