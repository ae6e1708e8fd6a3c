import supertest from 'supertest';
import { mintToken } from '../support/auth';
import { draftSet } from '../support/catalogue-fixtures';
import { api, assertMatchesContract } from '../support/contract';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { deepJson } from '../support/hostile-mutations';
import { useTestService } from '../support/test-service';

/**
 * One test per class of hostile input: each must be refused with a 4xx problem+json that names
 * the offending field, and none may store anything or change the process (prototype pollution).
 */

type Json = Record<string, any>;
const PROBLEM = /^application\/problem\+json/;
const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };
const COLLECTIONS = ['criterion_sets', 'assessments', 'tender_profiles', 'api_keys'] as const;

describe('hostile input', () => {
  const ctx = useTestService();
  let token: string;

  beforeAll(async () => {
    token = await mintToken();
  });

  const stored = async (): Promise<Record<string, number>> => {
    const db = ctx.svc.service.mongo.connection.db!;
    return Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await db.collection(c).countDocuments()] as const)));
  };

  /** Sends exact JSON text (or bytes): what JSON.stringify of a JS object cannot express. */
  const raw = async (method: 'post' | 'put', url: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    const agent = supertest(ctx.svc.baseUrl);
    const res = await agent[method](url)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .set(headers)
      // superagent would JSON-serialise a Buffer sent as application/json: send the bytes as they are
      .serialize((b: unknown) => b as string)
      .send(body as never);
    assertMatchesContract(method, url, res);
    return res;
  };

  /** A 400 problem whose errors[] has an entry at `pointer` (or starting with it) matching `reason`. */
  const expectFieldError = (res: { status: number; headers: Json; body: Json }, pointer: string | RegExp, reason: RegExp = /./) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    const errors = (res.body.errors ?? []) as { pointer: string; reason: string }[];
    const hit = errors.find((e) => (typeof pointer === 'string' ? e.pointer === pointer : pointer.test(e.pointer)) && reason.test(e.reason));
    expect({ hit: hit !== undefined, errors }).toEqual({ hit: true, errors });
  };

  it('refuses MongoDB operators in body fields, as keys or as values, and stores nothing', async () => {
    const before = await stored();
    const offer = compliantNotebookOffer('Operator Supplier', 10);

    const where = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, offer, $where: 'sleep(5000) || true' }).expect(400);
    expectFieldError(where, '/body/$where', /reserved/);
    expect(where.body.code).toBe('VALIDATION_FAILED');

    const ne = await ctx.client.post('/api/v1/tender-profiles').send({ ...inline, tenderRef: { $ne: null } }).expect(400);
    expectFieldError(ne, '/body/tenderRef/$ne', /reserved/);

    const nested = await ctx.client
      .post('/api/v1/compliance-checks')
      .send({ ...inline, offer: { ...offer, supplier: { name: { $regex: '.*' } }, items: [{ ...(offer.items as Json[])[0], model: { $gt: '' } }] } })
      .expect(400);
    expectFieldError(nested, '/body/offer/supplier/name/$regex');
    expectFieldError(nested, '/body/offer/items/0/model/$gt');

    const inArray = await ctx.client.post('/api/v1/criterion-sets').send({ ...draftSet(), cpvCodes: [{ $in: ['30213100-6'] }] }).expect(400);
    expectFieldError(inArray, '/body/cpvCodes/0/$in');

    const batch = await ctx.client.post('/api/v1/compliance-checks/batch').send({ ...inline, offers: [offer], $set: { organisation: 'victim' } }).expect(400);
    expectFieldError(batch, '/body/$set');

    // the same operator as a plain key of a free-form map is refused too
    const key = await ctx.client.post('/api/v1/tender-profiles').send({ ...inline, awardWeights: { $gt: 1 } }).expect(400);
    expectFieldError(key, '/body/awardWeights/$gt');

    expect(await stored()).toEqual(before);
  });

  it('refuses operators, repeats and unknown names in query parameters', async () => {
    const alice = api(ctx.svc.service.app, { token: await mintToken({ scopes: ['assessments:read', 'assessments:write'], org: 'org-alice', sub: 'alice' }) });
    await alice.post('/api/v1/compliance-checks').send({ ...inline, offer: { ...compliantNotebookOffer('Alice', 10), tenderRef: 'ALICE-1' } }).expect(201);
    const mallory = api(ctx.svc.service.app, { token: await mintToken({ scopes: ['assessments:read'], org: 'org-mallory', sub: 'mallory' }) });

    const ne = await mallory.get('/api/v1/assessments?tenderRef[$ne]=').expect(400);
    expectFieldError(ne, '/query/tenderRef[$ne]', /not an allowed property/);
    const gt = await mallory.get('/api/v1/tender-profiles?tenderRef[$gt]=x').expect(400);
    expectFieldError(gt, '/query/tenderRef[$gt]');
    const whereParam = await mallory.get('/api/v1/assessments?$where=1').expect(400);
    expectFieldError(whereParam, '/query/$where');
    const regex = await ctx.client.get('/api/v1/admin/api-keys?organisation[$regex]=.*').expect(400);
    expectFieldError(regex, '/query/organisation[$regex]');

    // a repeated scalar parameter is an array, which the contract does not accept
    const repeated = await mallory.get('/api/v1/assessments?tenderRef=ALICE-1&tenderRef=x').expect(400);
    expectFieldError(repeated, '/query/tenderRef', /must be string/);
    const huge = await mallory.get('/api/v1/assessments?pageSize=1e99').expect(400);
    expectFieldError(huge, '/query/pageSize', /<= 200/);
    const negative = await ctx.client.get('/api/v1/criteria?page=-1').expect(400);
    expectFieldError(negative, '/query/page', />= 1/);
    const notANumber = await ctx.client.get('/api/v1/criteria?page=NaN').expect(400);
    expectFieldError(notANumber, '/query/page');
    const enumInjection = await ctx.client.get('/api/v1/criteria?status[$ne]=draft').expect(400);
    expectFieldError(enumInjection, '/query/status[$ne]');

    // and nothing of another organisation leaks through a plain filter
    expect((await mallory.get('/api/v1/assessments?tenderRef=ALICE-1').expect(200)).body.total).toBe(0);
  });

  it('refuses prototype-pollution keys in bodies and queries; Object.prototype stays clean', async () => {
    const before = await stored();
    const profile = JSON.stringify(inline).slice(1, -1);

    const proto = await raw('post', '/api/v1/tender-profiles', `{"__proto__":{"polluted":"yes","admin":true},${profile}}`);
    expectFieldError(proto, '/body/__proto__', /reserved/);

    const ctor = await raw('post', '/api/v1/tender-profiles', `{"constructor":{"prototype":{"polluted":"yes"}},${profile}}`);
    expectFieldError(ctor, '/body/constructor', /reserved/);

    const prototype = await raw('post', '/api/v1/criterion-sets', JSON.stringify(draftSet()).replace('"eforms":{', '"eforms":{"prototype":{"polluted":"yes"},'));
    expectFieldError(prototype, '/body/eforms/prototype', /reserved/);

    const deep = await raw(
      'post',
      '/api/v1/compliance-checks',
      JSON.stringify({ ...inline, offer: compliantNotebookOffer('Proto', 10) }).replace('"supplier":{', '"supplier":{"__proto__":{"polluted":"yes"},'),
    );
    expectFieldError(deep, '/body/offer/supplier/__proto__');

    const query = await ctx.client.get('/api/v1/tender-profiles?__proto__[polluted]=yes').expect(400);
    expectFieldError(query, '/query/__proto__[polluted]');
    const ctorQuery = await ctx.client.get('/api/v1/criteria?constructor[prototype][polluted]=yes').expect(400);
    expectFieldError(ctorQuery, /^\/query\/constructor/);
    // a bare __proto__ name must be refused like any undeclared parameter, not silently dropped
    expectFieldError(await ctx.client.get('/api/v1/assessments?__proto__=yes'), '/query/__proto__', /not an allowed property/);
    expectFieldError(await ctx.client.get('/api/v1/tender-profiles?__proto__=a&__proto__=b'), '/query/__proto__', /not an allowed property/);

    expect(({} as Json).polluted).toBeUndefined();
    expect(({} as Json).admin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await stored()).toEqual(before);
  });

  it('refuses huge numbers, strings and arrays, each at its field', async () => {
    const before = await stored();
    const check = JSON.stringify({ ...inline, offer: compliantNotebookOffer('Huge', 10) });

    const infinity = await raw('post', '/api/v1/compliance-checks', check.replace('"tecKWhPerYear":10', '"tecKWhPerYear":1e400'));
    expectFieldError(infinity, '/body/offer/items/0/energy/tecKWhPerYear', /finite/);
    const minusInfinity = await raw('post', '/api/v1/compliance-checks', check.replace('"category":"notebook","manufacturer"', '"category":"notebook","quantity":-1e400,"manufacturer"'));
    expectFieldError(minusInfinity, '/body/offer/items/0/quantity', /finite/);

    const big = await ctx.client
      .post('/api/v1/compliance-checks')
      .send({ ...inline, offer: { ...compliantNotebookOffer('Huge', 10), items: [{ category: 'notebook', manufacturer: 'm', model: 'm', quantity: 1e308 }] } })
      .expect(400);
    expectFieldError(big, '/body/offer/items/0/quantity', /<= 10000000/);

    const longName = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, offer: { ...compliantNotebookOffer('x', 10), supplier: { name: 'n'.repeat(100_000) } } }).expect(400);
    expectFieldError(longName, '/body/offer/supplier/name', /more than 300 characters/);

    const manyOffers = Array.from({ length: 1001 }, () => ({ supplier: { name: 's' }, items: [{ category: 'notebook', manufacturer: 'm', model: 'm' }] }));
    const batch = await ctx.client.post('/api/v1/compliance-checks/batch').send({ ...inline, offers: manyOffers }).expect(400);
    expectFieldError(batch, '/body/offers', /more than 1000 items/);

    const gtins = await ctx.client
      .post('/api/v1/compliance-checks')
      .send({ ...inline, offer: { supplier: { name: 's' }, items: [{ category: 'notebook', manufacturer: 'm', model: 'm', identifiers: { gtin: Array.from({ length: 51 }, () => '12345678') } }] } })
      .expect(400);
    expectFieldError(gtins, '/body/offer/items/0/identifiers/gtin', /more than 50 items/);

    // beyond the body limit: refused before parsing
    const tooLarge = await ctx.client.post('/api/v1/criterion-sets').send({ ...draftSet(), description: 'd'.repeat(2 * 1024 * 1024) }).expect(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');

    expect(await stored()).toEqual(before);
  });

  it('refuses deep nesting (a 5,000-deep rule tree, a 5,000-deep array) without exhausting the stack', async () => {
    const before = await stored();
    const set = draftSet();
    const text = JSON.stringify(set).replace(/"rule":\{[^}]*\}/, `"rule":${deepJson(5000, 'not')}`);
    expect(text).toContain('{"not":{"not":');
    const rule = await raw('post', '/api/v1/criterion-sets', text);
    expectFieldError(rule, /^\/body\/criteria\/0\/rule(\/not)+$/, /nested more than 32 levels deep/);

    const arrays = await raw('post', '/api/v1/tender-profiles', `{"criterionSetIds":${deepJson(5000, 'array')},"category":"notebook","level":"core"}`);
    expectFieldError(arrays, /^\/body\/criterionSetIds(\/0)+$/, /nested more than 32 levels deep/);

    // a nesting the schema allows is still fine: {not:{not:…}} a few levels deep passes the guard
    const shallow = draftSet();
    (shallow.criteria[0] as Json).rule = { not: { not: { property: 'battery.cyclesAt80pct', operator: '>=', value: 500 } } };
    await ctx.client.post('/api/v1/criterion-sets').send(shallow).expect(201);

    // inside a schema-valid shape: 40 nested `all`s below a rule are refused at the 33rd level
    let tree: Json = { declared: 'x' };
    for (let i = 0; i < 40; i++) tree = { all: [tree] };
    const deepPut = await ctx.client.put(`/api/v1/criterion-sets/${shallow.id}`).send({ ...shallow, criteria: [{ ...shallow.criteria[0], rule: { not: { not: tree } } }] });
    expectFieldError(deepPut, /^\/body\/criteria\/0\/rule\/not\/not(\/all\/0)+/, /nested more than 32/);

    expect(await stored()).toEqual({ ...before, criterion_sets: before.criterion_sets! + 1 });
    await ctx.client.get('/health/ready').expect(200);
  });

  it('refuses invalid UTF-8 and malformed encodings of the body and the path', async () => {
    const before = await stored();
    const body = JSON.stringify(draftSet());
    const at = body.indexOf('Test criteria');
    const c3 = await raw('post', '/api/v1/criterion-sets', Buffer.concat([Buffer.from(body.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(body.slice(at))]));
    expect(c3.status).toBe(400);
    expect(c3.body.code).toBe('INVALID_ENCODING');
    for (const bytes of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const res = await raw('post', '/api/v1/tender-profiles', Buffer.concat([Buffer.from('{"tenderRef":"'), Buffer.from(bytes), Buffer.from('","criterionSetIds":["eu-gpp-computers-2021"],"category":"notebook","level":"core"}')]));
      expect({ bytes, status: res.status, code: res.body.code }).toEqual({ bytes, status: 400, code: 'INVALID_ENCODING' });
    }

    // percent-escapes that are not UTF-8, in a path parameter
    for (const path of ['/api/v1/criteria/%FF', '/api/v1/criterion-sets/%E2%82', '/api/v1/tender-profiles/%C3%28', '/api/v1/admin/api-keys/%FF/rotate']) {
      const method = path.endsWith('/rotate') ? 'post' : 'get';
      const res = await ctx.client[method](path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'INVALID_ENCODING' });
      expectFieldError(res, '/path', /percent-encoded/);
    }

    // a Content-Encoding the body does not have
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await raw('post', '/api/v1/tender-profiles', JSON.stringify(inline), { 'Content-Encoding': encoding });
      expect({ encoding, status: res.status, code: res.body.code }).toEqual({ encoding, status: 400, code: 'INVALID_ENCODING' });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses content types and charsets the operation does not accept', async () => {
    const before = await stored();
    const body = JSON.stringify(draftSet());
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/vnd.evil+json', 'application/octet-stream']) {
      const res = await ctx.client.post('/api/v1/criterion-sets').set('Content-Type', contentType).send(body);
      expect({ contentType, status: res.status, code: res.body.code }).toEqual({ contentType, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const noType = await supertest(ctx.svc.baseUrl)
      .post('/api/v1/compliance-checks')
      .set('Authorization', `Bearer ${token}`)
      .send(Buffer.from(JSON.stringify({ ...inline, offer: compliantNotebookOffer('x', 1) })));
    assertMatchesContract('post', '/api/v1/compliance-checks', noType);
    expect(noType.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('refuses NUL bytes and control characters in ids, naming the parameter', async () => {
    const before = await stored();
    expectFieldError(await ctx.client.get('/api/v1/criterion-sets/eu-gpp%00computers-2021').expect(400), '/path/setId', /must match pattern/);
    expectFieldError(await ctx.client.get('/api/v1/criteria/GPP21-TS1-core%00').expect(400), '/path/criterionId', /must match pattern/);
    expectFieldError(await ctx.client.get('/api/v1/tender-profiles/%00').expect(400), '/path/profileId', /uuid/);
    expectFieldError(await ctx.client.delete('/api/v1/admin/api-keys/AAAAAAAAAAA%00').expect(400), '/path/keyId', /must match pattern/);
    expectFieldError(await ctx.client.post('/api/v1/criterion-sets/eu-gpp-computers-2021%00/retire').expect(400), '/path/setId');

    expectFieldError(await ctx.client.post('/api/v1/criterion-sets').send({ ...draftSet(), id: 'fuzz\u0000set' }).expect(400), '/body/id', /must match pattern/);
    expectFieldError(
      await ctx.client.post('/api/v1/compliance-checks').send({ profileId: '00000000-0000-4000-8000-000000000000\u0000', offer: compliantNotebookOffer('x', 1) }).expect(400),
      '/body/profileId',
      /uuid/,
    );
    expectFieldError(await ctx.client.post('/api/v1/tender-profiles').send({ ...inline, criterionSetIds: ['eu-gpp-computers-2021\u0000'] }).expect(400), '/body/criterionSetIds/0');
    const key = await ctx.client.post('/api/v1/admin/api-keys').send({ name: 'n', organisation: 'org\u0000admin', scopes: ['admin'] }).expect(400);
    expectFieldError(key, '/body/organisation', /must match pattern/);

    // free-text filters may contain anything: answered, never a 500
    const nul = await ctx.client.get('/api/v1/assessments?offerId=a%00b&tenderRef=%00').expect(200);
    expect(nul.body.total).toBe(0);
    expect((await ctx.client.get('/api/v1/tender-profiles?tenderRef=%00').expect(200)).body.total).toBe(0);
    expect((await ctx.client.get('/api/v1/admin/api-keys?organisation=a%00').expect(200)).body.items).toEqual([]);
    expect((await ctx.client.get('/api/v1/audit-events?action=%00&actor=a%00b').expect(200)).body.total).toBe(0);
    expect(await stored()).toEqual(before);
  });

  // MongoDB and FerretDB/SQLite store U+0000 in text; PostgreSQL (jsonb) cannot, so FerretDB on it refuses.
  it('stores free text holding U+0000 and finds it by it, or refuses it as unstorable: never a 500, never a lost write', async () => {
    const tenderRef = `nul\u0000${Date.now()}`;
    const profile = await ctx.client.post('/api/v1/tender-profiles').send({ ...inline, tenderRef });
    const found = await ctx.client.get(`/api/v1/tender-profiles?tenderRef=${encodeURIComponent(tenderRef)}`).expect(200);
    if (profile.status === 400) {
      expect(profile.body.code).toBe('UNSTORABLE_TEXT');
      expect(found.body.total).toBe(0);
    } else {
      expect(profile.status).toBe(201);
      expect(found.body.items.map((p: Json) => p.id)).toEqual([profile.body.id]);
    }

    const offers = [compliantNotebookOffer('Before', 1), { ...compliantNotebookOffer('Nul', 2), id: `offer\u0000${Date.now()}` }, compliantNotebookOffer('After', 3)];
    const batch = await ctx.client.post('/api/v1/compliance-checks/batch').send({ ...inline, offers });
    if (batch.status === 400) {
      expect(batch.body.code).toBe('UNSTORABLE_TEXT');
    } else {
      // every assessment the answer reports as created can be read back
      expect(batch.status).toBe(200);
      expect(batch.body.created).toBe(3);
      for (const r of batch.body.results as Json[]) await ctx.client.get(`/api/v1/assessments/${r.assessmentId}`).expect(200);
    }
  });
});
