/**
 * An Idempotency-Key is bound to the whole request that first used it: a retry replays, another
 * request with the key is 409 (also when only the selection differs), a refused first attempt
 * leaves the key free, batches have their own key space, and keys expire.
 */
import { randomUUID } from 'node:crypto';
import { draftSet } from '../support/catalogue-fixtures';
import { useTestService } from '../support/test-service';

type Json = Record<string, any>;
const offer = (): Json => ({ supplier: { name: 'Keys AB' }, items: [{ category: 'notebook', manufacturer: 'Acme', model: 'K1', battery: { hasBattery: true, cyclesAt80pct: 700 }, lifetime: { warrantyYears: 5 } }] });

describe('Idempotency-Key', () => {
  // The service's clock runs with the wall clock plus `skew`: expiry is tested by moving it on, not by
  // sleeping through a TTL short enough that a slow machine could outlast it between two requests.
  let skew = 0;
  const clock = { now: () => new Date(Date.now() + skew) };
  const ctx = useTestService({ SEED_ON_START: 'false', IDEMPOTENCY_KEY_TTL_SECONDS: '60' }, { clock });
  let setId: string;
  const inline = (level: string): Json => ({ criterionSetIds: [setId], category: 'notebook', level });
  const post = (key: string, body: Json) => ctx.client.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    const set = draftSet();
    setId = set.id;
    await ctx.client.post('/api/v1/criterion-sets').send(set).expect(201);
    await ctx.client.post(`/api/v1/criterion-sets/${setId}/publish`).expect(200);
  });

  it('replays a retry and refuses the key for the same offer with another selection', async () => {
    const key = `k-${randomUUID()}`;
    const body = { ...inline('core'), offer: offer() };
    const first = await post(key, body).expect(201);
    const retry = await post(key, body).expect(200);
    expect(retry.body.id).toBe(first.body.id);
    const other = await post(key, { ...inline('comprehensive'), offer: body.offer }).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post(key, body).expect(200)).body).toMatchObject({ id: first.body.id, level: 'core' });
  });

  it('leaves the key free when the first attempt is refused', async () => {
    const key = `k-${randomUUID()}`;
    await post(key, { criterionSetIds: ['no-such-set'], category: 'notebook', level: 'core', offer: offer() }).expect(400);
    const ok = await post(key, { ...inline('comprehensive'), offer: offer() }).expect(201);
    expect(ok.body.level).toBe('comprehensive');
    const profile = await ctx.client.get(`/api/v1/tender-profiles/${String(ok.body.profileId)}`).expect(200);
    expect(profile.body).toMatchObject({ implicit: true, level: 'comprehensive', criterionSetIds: [setId] });
  });

  it('keeps batch keys apart from single-check keys', async () => {
    const key = `k-${randomUUID()}`;
    await post(key, { ...inline('core'), offer: offer() }).expect(201);
    const batch = await ctx.client.post('/api/v1/compliance-checks/batch').set('Idempotency-Key', key).send({ ...inline('comprehensive'), offers: [offer(), offer()] }).expect(200);
    expect(batch.body).toMatchObject({ created: 2, replayed: 0, failed: 0 });
    const again = await ctx.client.post('/api/v1/compliance-checks/batch').set('Idempotency-Key', key).send({ ...inline('comprehensive'), offers: [offer(), offer()] }).expect(200);
    expect(again.body).toMatchObject({ created: 0, replayed: 2 });
    expect(again.body.results.map((r: Json) => r.assessmentId)).toEqual(batch.body.results.map((r: Json) => r.assessmentId));
    await ctx.client.post('/api/v1/compliance-checks/batch').set('Idempotency-Key', key).send({ ...inline('core'), offers: [offer()] }).expect(409);
  });

  it('frees a key once it expires', async () => {
    const key = `k-${randomUUID()}`;
    const first = await post(key, { ...inline('core'), offer: offer() }).expect(201);
    await post(key, { ...inline('comprehensive'), offer: offer() }).expect(409);
    skew += 50_000; // still held 50 s on (the TTL is 60 s)
    await post(key, { ...inline('comprehensive'), offer: offer() }).expect(409);
    skew += 11_000;
    const later = await post(key, { ...inline('comprehensive'), offer: offer() }).expect(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('gives concurrent twins one assessment', async () => {
    const key = `k-${randomUUID()}`;
    const body = { ...inline('core'), offer: offer() };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(key, body)));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
  });
});
