import { api } from '../support/contract';
import { startTestService, type TestService } from '../support/test-service';

describe('request and correlation ids, and what the request log holds', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.stop());

  const completed = (requestId: string) => svc.logs.find((l) => l.msg === 'request completed' && l.requestId === requestId);

  it('echoes valid caller ids and propagates the correlation id to the log and problem traceId', async () => {
    const res = await api(svc.service.app)
      .get('/api/v1/criteria/NO-SUCH')
      .set('X-Request-ID', 'req-123')
      .set('X-Correlation-ID', 'tender-2026-42')
      .set('Information-Mediator-Client', 'GOV/1234/procurement-agency/tendering')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.headers['x-correlation-id']).toBe('tender-2026-42');
    expect(res.body.traceId).toBe('req-123');
    await new Promise((r) => setTimeout(r, 20));
    expect(completed('req-123')).toMatchObject({
      level: 'info',
      // who was served: the principal of the bearer token (never the token itself)
      actor: 'test-admin',
      organisation: 'test-org',
      method: 'GET',
      route: '/api/v1/criteria/{criterionId}',
      operationId: 'getCriterion',
      status: 404,
      correlationId: 'tender-2026-42',
      imClient: 'GOV/1234/procurement-agency/tendering',
      durationMs: expect.any(Number),
    });
  });

  it('generates ids when none or unsafe ones are sent, and the correlation id defaults to the request id', async () => {
    const none = await api(svc.service.app).get('/healthcheck').expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers['x-correlation-id']).toBe(none.headers['x-request-id']);
    const unsafe = await api(svc.service.app).get('/healthcheck').set('X-Request-ID', 'bad id\twith spaces').expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs credentials or cookies', async () => {
    await api(svc.service.app)
      .get('/healthcheck')
      .set('Authorization', 'Bearer super-secret-token')
      .set('Cookie', 'session=secret-cookie')
      .set('X-Request-ID', 'req-secret')
      .expect(200);
    await new Promise((r) => setTimeout(r, 20));
    // probes are logged, but at debug level: every kubelet calls them every few seconds
    expect(completed('req-secret')).toMatchObject({ level: 'debug', route: '/healthcheck', operationId: 'getHealthcheck', status: 200 });
    const all = JSON.stringify(svc.logs);
    expect(all).not.toContain('super-secret-token');
    expect(all).not.toContain('secret-cookie');
  });
});
