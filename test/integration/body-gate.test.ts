import { readFileSync } from 'node:fs';
import path from 'node:path';
import supertest from 'supertest';
import { PROJECT_ROOT } from '../../src/paths';
import { authEnv, mintToken } from '../support/auth';
import { assertMatchesContract } from '../support/contract';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { spawnService } from '../support/process';
import { rawRequest, type RawAnswer, type RawRequest } from '../support/raw-http';
import { eventually, testDatabaseUri, useTestService } from '../support/test-service';

/**
 * Bodies cost only what the caller has earned: without a valid credential at most
 * PREAUTH_BODY_LIMIT_BYTES are read (the rest never is), unknown routes read nothing, and the
 * bodies that are read are bounded in depth and items before JSON.parse builds them.
 */

const BATCH = '/api/v1/compliance-checks/batch';
const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** `{"offers":[0,0,…]}` with `n` zeros: 2 bytes per element. */
const zeros = (n: number): Buffer => Buffer.concat([Buffer.from('{"offers":['), Buffer.from('0,'.repeat(n - 1)), Buffer.from('0]}')]);
/** `[[[…]]]`, `depth` levels. */
const deepArray = (depth: number): Buffer => Buffer.concat([Buffer.alloc(depth, '['), Buffer.alloc(depth, ']')]);

describe('body gate', () => {
  const ctx = useTestService();
  let token: string;
  let port: number;

  beforeAll(async () => {
    token = await mintToken();
    port = Number(new URL(ctx.svc.baseUrl).port);
  });

  const send = async (req: RawRequest): Promise<RawAnswer> => {
    const res = await rawRequest(port, req);
    assertMatchesContract(req.method ?? 'post', req.path, res);
    return res;
  };
  const authorised = (headers: Record<string, string> = {}) => ({ ...JSON_TYPE, Authorization: `Bearer ${token}`, ...headers });

  const stillServing = async () => {
    await ctx.client.get('/health/live').expect(200);
    await ctx.client.get('/api/v1/criterion-sets/eu-gpp-computers-2021').expect(200);
  };

  it('answers an unauthenticated 6 MB batch of 3 million elements with the 401 problem, without reading it', async () => {
    const res = await send({ path: BATCH, headers: { ...JSON_TYPE, 'X-Request-ID': 'gate-6mb' }, body: zeros(3_000_000) });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toMatchObject({ code: 'UNAUTHORIZED', detail: expect.stringContaining('credentials are required') });
    await stillServing();

    // the audit trail records it as any other failed authentication
    await eventually(async () => {
      const page = await ctx.client.get('/api/v1/audit-events?action=authentication.failed&pageSize=50').expect(200);
      expect(page.body.items.find((e: Record<string, unknown>) => e.requestId === 'gate-6mb')).toMatchObject({ status: 401, actor: 'anonymous', resource: `POST ${BATCH}` });
    });
  });

  it('answers before an unauthenticated client has sent its 4 MB body, declared or chunked', async () => {
    const body = Buffer.from(JSON.stringify({ ...inline, description: 'd'.repeat(4 * 1024 * 1024) }));
    // only 256 KiB of the 4 MiB are ever sent: an answer proves the rest was not waited for
    const declared = await send({ path: '/api/v1/tender-profiles', headers: JSON_TYPE, body, send: 256 * 1024 });
    expect([declared.status, declared.body.code, declared.headers.connection]).toEqual([401, 'UNAUTHORIZED', 'close']);

    const chunked = await send({ path: '/api/v1/tender-profiles', headers: JSON_TYPE, body, send: 256 * 1024, chunked: true });
    expect([chunked.status, chunked.body.code, chunked.headers.connection]).toEqual([401, 'UNAUTHORIZED', 'close']);

    // a wrong credential earns nothing more than none
    const forged = await send({ path: '/api/v1/tender-profiles', headers: { ...JSON_TYPE, Authorization: 'Bearer not.a.jwt' }, body, send: 256 * 1024 });
    expect([forged.status, forged.headers['www-authenticate']]).toEqual([401, expect.stringContaining('error="invalid_token"')]);
    await stillServing();
  });

  it('lets a client that writes its whole unread body finish and read the answer: a clean close, never a reset', async () => {
    // Closing at once would make the kernel answer the rest of the body with a reset, and a
    // client still writing would see EPIPE instead of the answer.
    const cases: Array<[RawRequest, number]> = [
      [{ path: BATCH, headers: JSON_TYPE, body: zeros(3_000_000) }, 401],
      [{ path: BATCH, headers: JSON_TYPE, body: zeros(3_000_000), chunked: true }, 401],
      [{ path: '/api/v1/compliance-checks/batch/zzz', headers: authorised(), body: deepArray(4_000_000) }, 404],
      [{ path: '/api/v1/tender-profiles', headers: authorised(), body: zeros(3_000_000) }, 413],
    ];
    for (const [req, status] of cases) {
      const res = await rawRequest(port, { ...req, untilClosed: true });
      expect({ path: req.path, chunked: req.chunked, status: res.status, connection: res.headers.connection }).toEqual({ path: req.path, chunked: req.chunked, status, connection: 'close' });
    }
    await stillServing();
  });

  it('still reads small unauthenticated bodies, so their mistakes are answered as before', async () => {
    const res = await send({ path: '/api/v1/tender-profiles', headers: JSON_TYPE, body: JSON.stringify(inline) });
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(res.headers.connection).not.toBe('close');
    const malformed = await send({ path: '/api/v1/tender-profiles', headers: JSON_TYPE, body: '{"criterionSetIds":' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('routes exactly: odd-cased and extended paths get a 404 without their 16 MB body being read', async () => {
    const body = deepArray(8_000_000);
    for (const path of ['/API/V1/Compliance-Checks/Batch/zzz', '/api/v1/compliance-checks/batch/zzz', '/API/V1/COMPLIANCE-CHECKS/BATCH']) {
      for (const headers of [JSON_TYPE, authorised()]) {
        const res = await send({ path, headers, body, send: 256 * 1024 });
        expect({ path, status: res.status, code: res.body.code, connection: res.headers.connection }).toEqual({ path, status: 404, code: 'ROUTE_NOT_FOUND', connection: 'close' });
      }
    }
    // path-specific middleware matches exactly too: the docs' static files are case-sensitive
    expect((await supertest(ctx.svc.baseUrl).get('/docs/assets/swagger-ui.css')).status).toBe(200);
    await ctx.client.get('/DOCS/ASSETS/swagger-ui.css').expect(404);
    await stillServing();
  });

  it('bounds authenticated bodies by items and depth before parsing them, naming where', async () => {
    const many = await send({ path: BATCH, headers: authorised(), body: zeros(3_000_000) });
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/body/offers', reason: 'must NOT have more than 1000 items' }] });

    const deep = await send({ path: BATCH, headers: authorised(), body: deepArray(8_000_000) });
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual([{ pointer: `/body${'/0'.repeat(33)}`, reason: 'is nested more than 32 levels deep' }]);

    const wide = await send({ path: '/api/v1/tender-profiles', headers: authorised(), body: JSON.stringify({ ...inline, awardWeights: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`w${i}`, 1])) }) });
    expect(wide.status).toBe(400);
    expect(wide.body.errors).toEqual([{ pointer: '/body/awardWeights', reason: 'must NOT have more than 1000 properties' }]);
    await stillServing();
  });

  it('refuses any charset but UTF-8 with 415, naming it, with or without credentials', async () => {
    const body = Buffer.from(JSON.stringify(inline), 'utf16le');
    for (const headers of [{ 'Content-Type': 'application/json; charset=utf-16' }, authorised({ 'Content-Type': 'application/json; charset="UTF-16LE"' })]) {
      const res = await send({ path: '/api/v1/tender-profiles', headers, body });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: expect.stringMatching(/charset "utf-16(le)?"/) });
    }
    const utf8 = await send({ path: '/api/v1/tender-profiles', headers: authorised({ 'Content-Type': 'application/json; charset=UTF-8' }), body: JSON.stringify(inline) });
    expect(utf8.status).toBe(201);
  });

  it('keeps authenticated batches working as before', async () => {
    const offers = Array.from({ length: 3 }, (_, i) => compliantNotebookOffer(`Gate ${i}`, 10));
    const res = await ctx.client.post(BATCH).send({ ...inline, offers }).expect(200);
    expect(res.body).toMatchObject({ total: 3, created: 3, failed: 0 });
    const large = { ...inline, offers: Array.from({ length: 200 }, (_, i) => compliantNotebookOffer(`Large ${i}`, 10)) };
    expect(Buffer.byteLength(JSON.stringify(large))).toBeGreaterThan(128 * 1024);
    await ctx.client.post(BATCH).send(large).expect(200);
  });
});

describe('body gate, in a process with the image\'s heap limit', () => {
  it('survives unauthenticated 6 MB batches of 3 million elements and keeps answering', async () => {
    const nodeOptions = /NODE_OPTIONS="([^"]*)"/.exec(readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(nodeOptions).toMatch(/--max-old-space-size=256\b/);
    const svc = spawnService('main', {
      ...authEnv(),
      NODE_OPTIONS: nodeOptions,
      MONGODB_URI: testDatabaseUri(),
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://localhost',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    try {
      const port = (await svc.waitForLog((l) => l.msg === 'http server listening')).port as number;
      const body = zeros(3_000_000);
      for (let i = 0; i < 3; i++) {
        const res = await rawRequest(port, { path: BATCH, headers: JSON_TYPE, body });
        expect([res.status, res.body.code]).toEqual([401, 'UNAUTHORIZED']);
      }
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      expect({ exitCode: svc.child.exitCode, fatal: svc.stderr.filter((l) => /heap limit|FATAL/i.test(l)) }).toEqual({ exitCode: null, fatal: [] });
    } finally {
      svc.child.kill('SIGTERM');
      await svc.exited;
    }
  }, 60_000);
});
