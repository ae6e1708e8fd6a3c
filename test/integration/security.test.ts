import { randomUUID } from 'node:crypto';
import { mintToken } from '../support/auth';
import { api } from '../support/contract';
import { draftSet } from '../support/catalogue-fixtures';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { eventually, startTestService, useTestService } from '../support/test-service';

type Json = Record<string, any>;
const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };

describe('API keys for machine clients', () => {
  const ctx = useTestService();

  it('are created by administrators, shown once, stored hashed, rotated and revoked', async () => {
    const created = await ctx.client.post('/api/v1/admin/api-keys').send({ name: 'e-procurement portal', organisation: 'org-keys', scopes: ['assessments:write', 'assessments:read'] }).expect(201);
    expect(created.body.key).toMatch(/^psbb_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.headers['cache-control']).toBe('no-store');
    const key = created.body.key as string;
    const machine = api(ctx.svc.service.app, { token: null, apiKey: key });

    const profile = await machine.post('/api/v1/tender-profiles').send(inline).expect(201);
    expect(profile.body.createdBy).toBe(`api-key:${created.body.id as string}`);
    await machine.get(`/api/v1/tender-profiles/${profile.body.id as string}`).expect(200);
    await machine.post('/api/v1/criterion-sets').send(draftSet()).expect(403);

    const listed = await ctx.client.get('/api/v1/admin/api-keys?organisation=org-keys').expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(key.split('_')[2]);
    const stored = await ctx.svc.service.mongo.connection.collection('api_keys').findOne({ _id: created.body.id } as never);
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.split('_')[2]);

    const rotated = await ctx.client.post(`/api/v1/admin/api-keys/${created.body.id as string}/rotate`).expect(200);
    expect(rotated.body.key).not.toBe(key);
    await machine.get('/api/v1/tender-profiles').expect(401);
    await api(ctx.svc.service.app, { token: null, apiKey: rotated.body.key as string }).get('/api/v1/tender-profiles').expect(200);

    await ctx.client.delete(`/api/v1/admin/api-keys/${created.body.id as string}`).expect(204);
    const refused = await api(ctx.svc.service.app, { token: null, apiKey: rotated.body.key as string }).get('/api/v1/tender-profiles').expect(401);
    expect(refused.body.detail).toContain('revoked');
    expect((await ctx.client.post(`/api/v1/admin/api-keys/${created.body.id as string}/rotate`).expect(409)).body.code).toBe('API_KEY_REVOKED');
    const withRevoked = await ctx.client.get('/api/v1/admin/api-keys?organisation=org-keys&includeRevoked=true').expect(200);
    expect(withRevoked.body.items[0].revokedAt).toEqual(expect.any(String));
  });
});

describe('bearer tokens', () => {
  it('are accepted until they expire and not a moment longer, although verified tokens are cached', async () => {
    const svc = await startTestService({ JWT_CLOCK_TOLERANCE_S: '0' });
    try {
      const token = await mintToken({ expiresIn: 2 });
      const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;
      const client = api(svc.service.app, { token });
      await client.get('/api/v1/assessments').expect(200);
      await client.get('/api/v1/assessments').expect(200);
      await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now()) + 300));
      const refused = await client.get('/api/v1/assessments').expect(401);
      expect(refused.body.detail).toContain('expired');
    } finally {
      await svc.stop();
    }
  });
});

describe('token claims', () => {
  const ctx = useTestService();

  it('refuses a token whose subject or organisation is not a non-empty string, saying which claim', async () => {
    for (const [claims, reason] of [
      [{ sub: { id: 'alice' } }, 'claim "sub" must be a non-empty string'],
      [{ sub: 42 }, 'claim "sub" must be a non-empty string'],
      [{ sub: ' ' }, 'claim "sub" must be a non-empty string'],
      [{ org: { id: 'org-a' } }, 'claim "org" must be a non-empty string'],
    ] as const) {
      const refused = await api(ctx.svc.service.app, { token: await mintToken({ claims }) }).get('/api/v1/assessments').expect(401);
      expect(refused.body.detail).toBe(`Not authenticated: ${reason}`);
    }
    const audit = await ctx.client.get('/api/v1/audit-events?action=authentication.failed').expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('[object Object]');
  });
});

describe('API key lifetime and the bootstrap key', () => {
  it('refuses a key that expires in the past, and stops accepting a key once it has expired', async () => {
    const svc = await startTestService({ API_KEY_CACHE_TTL_MS: '0' });
    try {
      const admin = api(svc.service.app);
      const past = await admin.post('/api/v1/admin/api-keys').send({ name: 'late', organisation: 'org-exp', scopes: ['assessments:read'], expiresAt: '2020-01-01T00:00:00Z' }).expect(400);
      expect(past.body.errors).toEqual([expect.objectContaining({ pointer: '/body/expiresAt', reason: 'must be in the future' })]);
      const expiresAt = new Date(Date.now() + 1_500).toISOString();
      const created = await admin.post('/api/v1/admin/api-keys').send({ name: 'short-lived', organisation: 'org-exp', scopes: ['assessments:read'], expiresAt }).expect(201);
      expect(created.body.expiresAt).toBe(expiresAt);
      const machine = api(svc.service.app, { token: null, apiKey: created.body.key as string });
      await machine.get('/api/v1/assessments').expect(200);
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(expiresAt) - Date.now()) + 50));
      const refused = await machine.get('/api/v1/assessments').expect(401);
      expect(refused.body.detail).toContain('expired');
    } finally {
      await svc.stop();
    }
  });

  it('reads a leap-second expiry as the next second and fails closed on an expiry it cannot read', async () => {
    const svc = await startTestService({ API_KEY_CACHE_TTL_MS: '0' });
    try {
      const admin = api(svc.service.app);
      const key = { name: 'leap', organisation: 'org-leap', scopes: ['assessments:read'] };
      // Date.parse gives NaN for :60, and NaN <= now is false: such a key never expired
      const past = await admin.post('/api/v1/admin/api-keys').send({ ...key, expiresAt: '2026-12-04T23:59:60Z' }).expect(400);
      expect(past.body.errors).toEqual([expect.objectContaining({ pointer: '/body/expiresAt', reason: 'must be in the future' })]);
      const year = new Date().getUTCFullYear() + 1;
      const leap = await admin.post('/api/v1/admin/api-keys').send({ ...key, expiresAt: `${year}-12-31T23:59:60Z` }).expect(201);
      expect(leap.body.expiresAt).toBe(`${year + 1}-01-01T00:00:00.000Z`);

      // a record whose expiry cannot be read (stored by an earlier version) counts as expired
      const machine = api(svc.service.app, { token: null, apiKey: leap.body.key as string });
      await machine.get('/api/v1/assessments').expect(200);
      await svc.service.mongo.connection.collection('api_keys').updateOne({ _id: leap.body.id }, { $set: { expiresAt: '2026-12-04T23:59:61Z' } });
      const refused = await machine.get('/api/v1/assessments').expect(401);
      expect(refused.body.detail).toContain('expired');
    } finally {
      await svc.stop();
    }
  });

  it('lets an operator create the first keys with BOOTSTRAP_ADMIN_API_KEY, and only with the exact value', async () => {
    const bootstrap = `bootstrap-${randomUUID()}-${randomUUID()}`;
    const svc = await startTestService({ BOOTSTRAP_ADMIN_API_KEY: bootstrap });
    try {
      const operator = api(svc.service.app, { token: null, apiKey: bootstrap });
      const created = await operator.post('/api/v1/admin/api-keys').send({ name: 'first', organisation: 'org-boot', scopes: ['criteria:read'] }).expect(201);
      expect(created.body.createdBy).toBe('api-key:bootstrap');
      await api(svc.service.app, { token: null, apiKey: `${bootstrap.slice(0, -1)}x` }).get('/api/v1/admin/api-keys').expect(401);
      await api(svc.service.app, { token: null, apiKey: bootstrap.slice(0, -1) }).get('/api/v1/admin/api-keys').expect(401);
    } finally {
      await svc.stop();
    }
  });
});

describe('tenant isolation', () => {
  const ctx = useTestService();

  it('shows an organisation only its own profiles and assessments; administrators see all', async () => {
    const alice = api(ctx.svc.service.app, { token: await mintToken({ scopes: ['assessments:write', 'assessments:read'], org: 'org-a', sub: 'alice' }) });
    const bob = api(ctx.svc.service.app, { token: await mintToken({ scopes: ['assessments:write', 'assessments:read'], org: 'org-b', sub: 'bob' }) });
    const profile = await alice.post('/api/v1/tender-profiles').send({ ...inline, tenderRef: 'ISO-1' }).expect(201);
    const assessment = await alice.post('/api/v1/compliance-checks').send({ profileId: profile.body.id, offer: compliantNotebookOffer('Alice Supplier', 9) }).expect(201);

    await bob.get(`/api/v1/tender-profiles/${profile.body.id as string}`).expect(404);
    await bob.get(`/api/v1/assessments/${assessment.body.id as string}`).expect(404);
    await bob.get(`/api/v1/assessments/${assessment.body.id as string}/report`).expect(404);
    await bob.get(`/api/v1/tender-profiles/${profile.body.id as string}/ranking`).expect(404);
    await bob.post('/api/v1/compliance-checks').send({ profileId: profile.body.id, offer: compliantNotebookOffer('Bob Supplier', 9) }).expect(404);
    const byProfile = `/api/v1/assessments?profileId=${profile.body.id as string}`;
    expect((await bob.get(byProfile).expect(200)).body.total).toBe(0);
    expect((await bob.get('/api/v1/tender-profiles?tenderRef=ISO-1').expect(200)).body.total).toBe(0);
    expect((await alice.get(byProfile).expect(200)).body.total).toBe(1);
    expect((await alice.get('/api/v1/tender-profiles?tenderRef=ISO-1').expect(200)).body.total).toBe(1);
    expect((await ctx.client.get(`/api/v1/assessments/${assessment.body.id as string}`).expect(200)).body.id).toBe(assessment.body.id);

    // the same Idempotency-Key in two organisations names two different checks
    const key = `shared-${randomUUID()}`;
    const a = await alice.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send({ ...inline, offer: compliantNotebookOffer('Same', 9) }).expect(201);
    const b = await bob.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send({ ...inline, offer: compliantNotebookOffer('Same', 9) }).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('audit trail', () => {
  const ctx = useTestService();

  it('records changes, authentication failures and permission denials with actor, organisation and ids, for administrators to query', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').set('Information-Mediator-Client', 'GOV/1/agency/portal').set('X-Request-ID', 'audit-req-1').send(def).expect(201);
    await api(ctx.svc.service.app, { token: null }).get('/api/v1/criteria').set('X-Request-ID', 'audit-req-2').expect(401);
    const reader = api(ctx.svc.service.app, { token: await mintToken({ scopes: ['criteria:read'], org: 'org-r', sub: 'reader' }) });
    await reader.post('/api/v1/criterion-sets').set('X-Request-ID', 'audit-req-3').send(draftSet()).expect(403);

    const page = await ctx.client.get('/api/v1/audit-events?pageSize=50').expect(200);
    const byRequest = (id: string) => (page.body.items as Json[]).find((e) => e.requestId === id);
    expect(byRequest('audit-req-1')).toMatchObject({ action: 'createCriterionSet', outcome: 'success', status: 201, actor: 'test-admin', organisation: 'test-org', authentication: 'jwt', imClient: 'GOV/1/agency/portal' });
    expect(byRequest('audit-req-2')).toMatchObject({ action: 'authentication.failed', outcome: 'failure', status: 401, actor: 'anonymous', detail: expect.stringContaining('credentials are required') });
    expect(byRequest('audit-req-3')).toMatchObject({ action: 'authorization.denied', outcome: 'denied', status: 403, actor: 'reader', organisation: 'org-r' });
    const denied = await ctx.client.get('/api/v1/audit-events?outcome=denied&actor=reader').expect(200);
    expect(denied.body.items.map((e: Json) => e.requestId)).toEqual(['audit-req-3']);
    await reader.get('/api/v1/audit-events').expect(403);
    expect(ctx.svc.logs.some((l) => l.audit === true && l.requestId === 'audit-req-2')).toBe(true);
  });
});

describe('caching of catalogue answers', () => {
  const ctx = useTestService();

  it('marks answers to authenticated calls private and varying on the credentials, 304s included', async () => {
    const criterionId = ((await ctx.client.get('/api/v1/criteria?set=eu-gpp-computers-2021&pageSize=1').expect(200)).body.items[0] as Json).id as string;
    for (const [path, maxAge] of [
      ['/api/v1/criterion-sets', 60],
      ['/api/v1/criterion-sets/eu-gpp-computers-2021', 300],
      ['/api/v1/criteria?category=notebook', 60],
      [`/api/v1/criteria/${criterionId}?set=eu-gpp-computers-2021`, 300],
    ] as const) {
      const first = await ctx.client.get(path).expect(200);
      expect([path, first.headers['cache-control'], first.headers.vary]).toEqual([path, `private, max-age=${maxAge}`, 'Authorization, X-API-Key']);
      const again = await ctx.client.get(path).set('If-None-Match', first.headers.etag as string).expect(304);
      expect([again.headers['cache-control'], again.headers.vary]).toEqual([`private, max-age=${maxAge}`, 'Authorization, X-API-Key']);
    }
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  const guess = 'psbb_AAAAAAAAAAAA_guessguessguessguessguessguessguessguessgue';
  // Read from the collection: the administrator's own calls would come from the blocked address.
  const denialAddresses = async (svc: Awaited<ReturnType<typeof startTestService>>, refusals: number): Promise<string[]> => {
    let addresses: string[] = [];
    await eventually(async () => {
      const docs = await svc.service.mongo.connection.collection('audit_events').find({ action: { $in: ['authentication.failed', 'rate-limit.exceeded'] } }).toArray();
      expect(docs.reduce((n, d) => n + (d.count as number), 0)).toBe(refusals);
      addresses = [...new Set(docs.map((d) => String(d.clientAddress)))].sort();
    });
    return addresses;
  };

  it('ignores X-Forwarded-For from a peer that is not a listed proxy: rotating it neither dodges the failure limit nor reaches the audit trail', async () => {
    const svc = await startTestService({ TRUST_PROXY: '10.0.0.0/8', AUTH_FAILURE_LIMIT_PER_SECOND: '1', AUTH_FAILURE_LIMIT_BURST: '2' });
    try {
      const guesser = api(svc.service.app, { token: null, apiKey: guess });
      await guesser.get('/api/v1/assessments').set('X-Forwarded-For', '198.51.100.1').expect(401);
      await guesser.get('/api/v1/assessments').set('X-Forwarded-For', '198.51.100.2').expect(401);
      await guesser.get('/api/v1/assessments').set('X-Forwarded-For', '198.51.100.3').expect(429);
      const addresses = await denialAddresses(svc, 3);
      expect(addresses).toHaveLength(1);
      expect(addresses[0]).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    } finally {
      await svc.stop();
    }
  });

  it('takes the client address from X-Forwarded-For when the peer is a listed proxy', async () => {
    const svc = await startTestService({ TRUST_PROXY: 'loopback', AUTH_FAILURE_LIMIT_PER_SECOND: '1', AUTH_FAILURE_LIMIT_BURST: '2' });
    try {
      const guesser = api(svc.service.app, { token: null, apiKey: guess });
      for (const address of ['198.51.100.1', '198.51.100.1', '198.51.100.2']) {
        await guesser.get('/api/v1/assessments').set('X-Forwarded-For', address).expect(401);
      }
      expect(await denialAddresses(svc, 3)).toEqual(['198.51.100.1', '198.51.100.2']);
    } finally {
      await svc.stop();
    }
  });
});

describe('audit trail under a flood of refusals', () => {
  it('counts refusals per client and window in a bounded number of records, and still records and lists real security events', async () => {
    // The flooding client comes through a trusted proxy with its own address, so the
    // administrator (the direct peer) is not slowed down by its failures.
    const svc = await startTestService({ TRUST_PROXY: 'loopback', AUTH_FAILURE_LIMIT_PER_SECOND: '1', AUTH_FAILURE_LIMIT_BURST: '150' });
    try {
      const admin = api(svc.service.app);
      const anonymous = api(svc.service.app, { token: null });
      const statuses: number[] = [];
      for (let round = 0; round < 30; round++) {
        const batch = Array.from({ length: 10 }, () => anonymous.get('/api/v1/assessments').set('X-Forwarded-For', '203.0.113.7'));
        for (const res of await Promise.all(batch)) statuses.push(res.status);
      }
      const refused = statuses.filter((s) => s === 401).length;
      const limited = statuses.filter((s) => s === 429).length;
      expect(refused + limited).toBe(300);
      expect(limited).toBeGreaterThan(0);
      const created = await admin.post('/api/v1/admin/api-keys').send({ name: 'after the flood', organisation: 'org-flood', scopes: ['criteria:read'] }).expect(201);

      const denials = await admin.get('/api/v1/audit-events?actor=anonymous&pageSize=100').expect(200);
      const counted = (action: string) => (denials.body.items as Json[]).filter((e) => e.action === action).reduce((n, e) => n + (e.count as number), 0);
      expect(counted('authentication.failed')).toBe(refused);
      expect(counted('rate-limit.exceeded')).toBe(limited);
      for (const e of denials.body.items as Json[]) expect(e).toMatchObject({ clientAddress: '203.0.113.7', windowStart: expect.any(String), windowEnd: expect.any(String) });
      // one record per action and window (the flood may straddle a window boundary)
      const stored = await svc.service.mongo.connection.collection('audit_events').countDocuments({ actor: 'anonymous' });
      expect(stored).toBeLessThanOrEqual(4);

      const keyEvents = await admin.get('/api/v1/audit-events?action=createApiKey').expect(200);
      expect(keyEvents.body.items).toEqual([expect.objectContaining({ outcome: 'success', status: 201, actor: 'test-admin', resource: 'POST /api/v1/admin/api-keys' })]);
      expect(keyEvents.body.items[0].count).toBeUndefined();
      expect(created.body.id).toEqual(expect.any(String));
    } finally {
      await svc.stop();
    }
  });

  it('gives every entry a retention date, and removes entries past it', async () => {
    const svc = await startTestService({ AUDIT_RETENTION_DAYS: '10', AUDIT_DENIAL_RETENTION_DAYS: '2' });
    try {
      const events = svc.service.mongo.connection.collection('audit_events');
      await events.insertOne({ _id: 'expired-entry', at: '2020-01-01T00:00:00.000Z', action: 'createApiKey', outcome: 'success', actor: 'old', expiresAt: new Date(Date.now() - 1_000) } as never);
      await api(svc.service.app).post('/api/v1/admin/api-keys').send({ name: 'kept', organisation: 'org-ttl', scopes: ['criteria:read'] }).expect(201);
      await api(svc.service.app, { token: null }).get('/api/v1/assessments').expect(401);
      await eventually(async () => expect((await events.find().toArray()).map((d) => d.action).sort()).toEqual(['authentication.failed', 'createApiKey']));
      const days = (doc: Json | null) => ((doc?.expiresAt as Date).getTime() - Date.parse(String(doc?.at))) / 86_400_000;
      expect(days(await events.findOne({ action: 'createApiKey' }))).toBeCloseTo(10, 3);
      // a denial record lives until its window has ended plus its retention
      const denial = await events.findOne({ action: 'authentication.failed' });
      expect((denial?.expiresAt as Date).getTime()).toBe(Date.parse(String(denial?.windowEnd)) + 2 * 86_400_000);
    } finally {
      await svc.stop();
    }
  });
});

describe('abuse limits and browser-facing headers', () => {
  it('limits each client, answering 429 with Retry-After', async () => {
    const svc = await startTestService({ RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' });
    try {
      const client = api(svc.service.app);
      // Another client first: the test client compiles the response schema on first use, which on
      // a busy machine can take longer than the bucket needs to refill a token.
      const other = api(svc.service.app, { token: await mintToken({ sub: 'someone-else' }) });
      await other.get('/api/v1/criterion-sets').expect(200);
      for (let i = 0; i < 3; i++) await client.get('/api/v1/criterion-sets').expect(200);
      const limited = await client.get('/api/v1/criterion-sets').expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
      // another client still has its own budget
      await other.get('/api/v1/criterion-sets').expect(200);
    } finally {
      await svc.stop();
    }
  });

  it('slows down an address that keeps failing to authenticate', async () => {
    const svc = await startTestService({ AUTH_FAILURE_LIMIT_PER_SECOND: '1', AUTH_FAILURE_LIMIT_BURST: '2' });
    try {
      const guesser = api(svc.service.app, { token: null, apiKey: 'psbb_AAAAAAAAAAAA_guessguessguessguessguessguessguessguessgue' });
      await guesser.get('/api/v1/assessments').expect(401);
      await guesser.get('/api/v1/assessments').expect(401);
      const slowed = await guesser.get('/api/v1/assessments').expect(429);
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await svc.stop();
    }
  });

  it('sends security headers, keeps CORS closed by default and opens it to configured origins', async () => {
    const closed = await startTestService();
    const open = await startTestService({ CORS_ORIGINS: 'https://portal.gov.example' });
    try {
      const res = await api(closed.service.app).get('/api/v1/criterion-sets').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      // HTML pages get a policy that lets Swagger UI run its own scripts, and still nothing else
      const docs = await api(closed.service.app).get('/docs').expect(200);
      expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
      expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const allowed = await api(open.service.app).get('/api/v1/criterion-sets').set('Origin', 'https://portal.gov.example').expect(200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.gov.example');
      expect(allowed.headers.vary).toBe('Origin, Authorization, X-API-Key');
      expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-ID');
    } finally {
      await closed.stop();
      await open.stop();
    }
  });

  it('can make catalogue reads public, and nothing else', async () => {
    const svc = await startTestService({ CRITERIA_PUBLIC_READ: 'true' });
    try {
      const anonymous = api(svc.service.app, { token: null });
      const open = await anonymous.get('/api/v1/criteria?category=notebook').expect(200);
      await anonymous.get('/api/v1/criterion-sets/eu-gpp-computers-2021').expect(200);
      // the same for everyone, so shared caches may keep it; still keyed on the credentials
      expect(open.headers).toMatchObject({ 'cache-control': 'public, max-age=60', vary: 'Authorization, X-API-Key' });
      const signedIn = await api(svc.service.app).get('/api/v1/criteria?category=notebook').expect(200);
      expect(signedIn.headers).toMatchObject({ 'cache-control': 'private, max-age=60', vary: 'Authorization, X-API-Key' });
      expect(signedIn.headers.etag).toBe(open.headers.etag);
      await anonymous.post('/api/v1/criterion-sets').send(draftSet()).expect(401);
      await anonymous.get('/api/v1/assessments').expect(401);
    } finally {
      await svc.stop();
    }
  });
});
