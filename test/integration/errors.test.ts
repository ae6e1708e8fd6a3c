import { Contract } from '../../src/infra/contract/contract';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { MongoConnection } from '../../src/infra/mongo/mongo.connection';
import { createSecurity } from '../../src/wiring/security.wiring';
import { createMetrics } from '../../src/infra/metrics/metrics';
import { createOpenApiRuntime } from '../../src/http/openapi/openapi.runtime';
import { OPENAPI_PATH } from '../../src/paths';
import type { HttpDeps } from '../../src/http/http-deps';
import { api } from '../support/contract';
import { draftSet } from '../support/catalogue-fixtures';
import { startTestService, type TestService } from '../support/test-service';
import { createLogger } from '../../src/infra/logging/logger';
import { Writable } from 'node:stream';

const PROBLEM = /^application\/problem\+json/;

describe('one error shape for every failure', () => {
  let svc: TestService;
  let client: ReturnType<typeof api>;
  beforeAll(async () => {
    svc = await startTestService({ BODY_LIMIT_BYTES: '4096' });
    client = api(svc.service.app);
  });
  afterAll(() => svc.stop());

  it('404 for an unknown route', async () => {
    const res = await client.get('/api/v1/nothing-here').expect(404).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', instance: '/api/v1/nothing-here', title: 'Not Found' });
    expect(res.body.type).toMatch(/^tag:.*problems\/route-not-found$/);
    expect(res.body.traceId).toBe(res.headers['x-request-id']);
  });

  it('405 with Allow for a known route and a wrong method', async () => {
    const res = await client.patch('/api/v1/criteria').expect(405).expect('Content-Type', PROBLEM);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
    const set = await client.patch('/api/v1/criterion-sets/some-set').expect(405);
    expect(set.headers.allow).toBe('DELETE, GET, HEAD, PUT');
  });

  it('400 for malformed JSON, naming the problem', async () => {
    const res = await client.post('/api/v1/criterion-sets').set('Content-Type', 'application/json').send('{"id": "x",').expect(400).expect('Content-Type', PROBLEM);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('413 for a body over the configured limit', async () => {
    const res = await client.post('/api/v1/criterion-sets').send({ ...draftSet(), description: 'x'.repeat(5000) }).expect(413).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', detail: expect.stringContaining('4096') });
  });

  it('415 for a media type or charset the operation does not accept', async () => {
    const text = await client.post('/api/v1/criterion-sets').set('Content-Type', 'text/plain').send('id=x').expect(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(text.body.detail).toContain('application/json');
    const form = await client.post('/api/v1/criterion-sets').type('form').send({ id: 'x' }).expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await client.post('/api/v1/criterion-sets').set('Content-Type', 'application/json; charset=latin1').send('{}').expect(415);
    expect(latin1.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('400 for a body that breaks the contract, with a pointer and reason per field', async () => {
    const { title: _t, ...noTitle } = draftSet();
    const res = await client.post('/api/v1/criterion-sets').send({ ...noTitle, cpvCodes: ['not-a-cpv'], colour: 'green' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/title', reason: 'is required' },
        { pointer: '/body/colour', reason: 'is not an allowed property' },
        { pointer: '/body/cpvCodes/0', reason: expect.stringContaining('must match pattern') },
      ]),
    );
    const empty = await client.post('/api/v1/criterion-sets').set('Content-Type', 'application/json').expect(400);
    expect(empty.body.errors).toEqual(expect.arrayContaining([{ pointer: '/body/id', reason: 'is required' }]));
  });

  it('503 with Retry-After when the database is unavailable; nothing half-written', async () => {
    const down = await startTestService();
    try {
      await api(down.service.app).get('/api/v1/criterion-sets').expect(200);
      await down.service.mongo.connection.close();
      const res = await api(down.service.app).post('/api/v1/criterion-sets').send(draftSet()).expect(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.detail).toBe('The database is temporarily unavailable; retry later');
      expect(res.text).not.toMatch(/Mongo|closed|\n\s+at /);
    } finally {
      await down.service.stop();
    }
  });
});

describe('internal errors', () => {
  it('500 without the stack trace or internal message, which go to the log instead', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
    const deps = {
      serviceVersion: 'test',
      startedAt: Date.now(),
      metrics: createMetrics(),
      contract: { yaml: '', json: '{}' },
      readiness: () => Promise.reject(new Error('SECRET connection string mongodb://admin:hunter2@db')),
      catalogue: undefined,
    } as unknown as HttpDeps;
    // An app wired by hand, whose readiness probe throws; security and audit are never reached.
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:1/unused', AUTH_MODE: 'none', LOG_LEVEL: 'silent' });
    const security = createSecurity(config, new MongoConnection(config.mongodbUri, logger), logger);
    const app = buildApp({
      logger,
      bodyLimitBytes: 1024,
      openapi: await createOpenApiRuntime(new Contract(OPENAPI_PATH)),
      deps,
      security: security.deps,
      audit: security.audit,
      corsOrigins: [],
      requestTimeoutMs: 5_000,
    });
    const res = await api(app).get('/health/ready').expect(500).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', traceId: res.headers['x-request-id'] });
    expect(res.text).not.toMatch(/SECRET|hunter2|at .*\.ts|Error:/);
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; err?: { message: string; stack: string } });
    const entry = logged.find((l) => l.msg === 'request failed' && l.err);
    expect(entry?.requestId).toBe(res.headers['x-request-id']);
    expect(entry?.err?.stack).toContain('SECRET');
  });
});
