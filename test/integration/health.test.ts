
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { OPENAPI_PATH } from '../../src/paths';
import { api } from '../support/contract';
import { freePort } from '../support/process';
import { eventually, startTestService, type TestService } from '../support/test-service';
import { startEmbeddedMongo } from '../../src/infra/mongo/embedded/embedded-mongo';
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
  it('keeps serving but is not ready, naming RabbitMQ, when no broker is reachable', async () => {
    const svc = await startTestService({ AMQP_URL: `amqp://127.0.0.1:${await freePort()}` });
    try {
      const res = await api(svc.service.app).get('/health/ready').expect(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.checks.rabbitmq.status).toBe('down');
      expect(res.body.checks.rabbitmq.detail).toMatch(/ECONNREFUSED|not connected/);
      expect(res.body.checks.mongodb.status).toBe('up');
      await api(svc.service.app).get('/healthcheck').expect(200);
      await api(svc.service.app).get('/health/live').expect(200);
    } finally {
      await svc.stop();
    }
  });

  it('is not ready, naming MongoDB, when the database goes away, and the API keeps answering', async () => {
    const db = await startEmbeddedMongo(mkdtempSync(path.join(os.tmpdir(), 'psbb-down-')), 'ferretdb');
    const svc = await startTestService({ MONGODB_URI: `${db.uri}readiness_down` });
    try {
      await eventually(async () => {
        await api(svc.service.app).get('/health/ready').expect(200);
      });
      await db.stop();
      const res = await eventually(async () => {
        const r = await api(svc.service.app).get('/health/ready').expect(503);
        expect(r.body.checks.mongodb.status).toBe('down');
      });
      expect(res).toBeLessThan(10_000);
      await api(svc.service.app).get('/healthcheck').expect(200);
    } finally {
      await svc.service.stop();
      await db.stop();
    }
  });
});
