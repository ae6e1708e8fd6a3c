import { api } from '../support/contract';
import { draftSet } from '../support/catalogue-fixtures';
import { mintToken } from '../support/auth';
import { useTestService } from '../support/test-service';

/** A catalogue administrator whose name ends up in the history. */
const as = async (sub: string) => mintToken({ scopes: ['criteria:admin', 'criteria:read'], sub });

describe('criterion-set lifecycle', () => {
  const ctx = useTestService();

  it('creates a draft, edits it, publishes it, then refuses every change', async () => {
    const def = draftSet();
    const alice = api(ctx.svc.service.app, { token: await as('alice@agency.example') });
    const created = await alice.post('/api/v1/criterion-sets').send(def).expect(201);
    expect(created.headers.location).toBe(`/api/v1/criterion-sets/${def.id}`);
    expect(created.body).toMatchObject({ id: def.id, status: 'draft', revision: 1, criteriaCount: 2 });
    expect(created.body.history).toEqual([{ at: expect.stringMatching(/Z$/), actor: 'alice@agency.example', action: 'created', revision: 1 }]);

    // drafts are not offered by the default lookup, but can be asked for
    const defaultLookup = await ctx.client.get(`/api/v1/criteria?set=${def.id}`).expect(200);
    expect(defaultLookup.body.total).toBe(0);
    const drafts = await ctx.client.get(`/api/v1/criteria?set=${def.id}&status=draft`).expect(200);
    expect(drafts.body.total).toBe(2);
    expect(drafts.headers['cache-control']).toBe('private, no-cache');

    const edited = { ...def, title: 'Edited title' };
    const stale = await ctx.client.put(`/api/v1/criterion-sets/${def.id}`).set('If-Match', '"not-the-current-etag"').send(edited).expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const replaced = await api(ctx.svc.service.app, { token: await as('bob') })
      .put(`/api/v1/criterion-sets/${def.id}`)
      .set('If-Match', String(created.headers.etag))
      .send(edited)
      .expect(200);
    expect(replaced.body).toMatchObject({ title: 'Edited title', revision: 2 });
    expect(replaced.body.history.map((h: { action: string; actor: string }) => `${h.action}:${h.actor}`)).toEqual(['created:alice@agency.example', 'replaced:bob']);
    expect(replaced.headers.etag).not.toBe(created.headers.etag);

    const published = await api(ctx.svc.service.app, { token: await as('carol') }).post(`/api/v1/criterion-sets/${def.id}/publish`).expect(200);
    expect(published.body).toMatchObject({ status: 'published', revision: 3, publishedAt: expect.any(String) });
    const nowListed = await ctx.client.get(`/api/v1/criteria?set=${def.id}`).expect(200);
    expect(nowListed.body.total).toBe(2);

    const refused = await ctx.client.put(`/api/v1/criterion-sets/${def.id}`).send({ ...edited, title: 'Sneaky change' }).expect(409);
    expect(refused.body.code).toBe('CRITERION_SET_IMMUTABLE');
    expect((await ctx.client.post(`/api/v1/criterion-sets/${def.id}/publish`).expect(409)).body.code).toBe('INVALID_TRANSITION');
    expect((await ctx.client.delete(`/api/v1/criterion-sets/${def.id}`).expect(409)).body.code).toBe('CRITERION_SET_IMMUTABLE');
    const after = await ctx.client.get(`/api/v1/criterion-sets/${def.id}`).expect(200);
    expect(after.body.title).toBe('Edited title');
    expect(after.body.revision).toBe(3);

    // the published set's export round-trips: re-imported under a new id it is the same set
    const exported = await ctx.client.get(`/api/v1/criterion-sets/${def.id}/export?format=json`).expect(200);
    expect(exported.body).toEqual(edited);
  });

  it('retires a published set: still readable, no longer offered', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').send(def).expect(201);
    expect((await ctx.client.post(`/api/v1/criterion-sets/${def.id}/retire`).expect(409)).body.code).toBe('INVALID_TRANSITION');
    await ctx.client.post(`/api/v1/criterion-sets/${def.id}/publish`).expect(200);
    // the same lookup before and after the change: a served (and cached) answer must not outlive it
    expect((await ctx.client.get(`/api/v1/criteria?set=${def.id}`).expect(200)).body.total).toBe(2);
    const retired = await api(ctx.svc.service.app, { token: await as('dave') }).post(`/api/v1/criterion-sets/${def.id}/retire`).expect(200);
    expect(retired.body).toMatchObject({ status: 'retired', retiredAt: expect.any(String) });
    expect(retired.body.history.at(-1)).toMatchObject({ action: 'retired', actor: 'dave' });
    await ctx.client.get(`/api/v1/criterion-sets/${def.id}`).expect(200);
    expect((await ctx.client.get(`/api/v1/criteria?set=${def.id}`).expect(200)).body.total).toBe(0);
    expect((await ctx.client.get(`/api/v1/criteria?set=${def.id}&status=retired`).expect(200)).body.total).toBe(2);
    await ctx.client.get(`/api/v1/criteria/${def.criteria[0]!.id}`).expect(200);
    expect((await ctx.client.post(`/api/v1/criterion-sets/${def.id}/retire`).expect(409)).body.code).toBe('INVALID_TRANSITION');
  });

  it('publishes a new version that supersedes and retires the old one; ids are shared within the lineage', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').send(def).expect(201);
    await ctx.client.post(`/api/v1/criterion-sets/${def.id}/publish`).expect(200);
    const nextId = `${def.id}-v2`;
    const erin = api(ctx.svc.service.app, { token: await as('erin') });
    const draft = await erin.post(`/api/v1/criterion-sets/${def.id}/versions`).send({ id: nextId, version: '2027-01' }).expect(201);
    expect(draft.body).toMatchObject({ id: nextId, version: '2027-01', status: 'draft', supersedes: [def.id] });
    const changed = { ...def, id: nextId, version: '2027-01', supersedes: [def.id], title: 'Second edition' };
    await ctx.client.put(`/api/v1/criterion-sets/${nextId}`).send(changed).expect(200);
    await erin.post(`/api/v1/criterion-sets/${nextId}/publish`).expect(200);

    const old = await ctx.client.get(`/api/v1/criterion-sets/${def.id}`).expect(200);
    expect(old.body).toMatchObject({ status: 'retired', supersededBy: nextId });
    expect(old.body.history.at(-1)).toMatchObject({ action: 'superseded', actor: 'erin', detail: `superseded by ${nextId}` });
    const current = await ctx.client.get(`/api/v1/criteria/${def.criteria[0]!.id}`).expect(200);
    expect(current.body.setId).toBe(nextId);
    const pinned = await ctx.client.get(`/api/v1/criteria/${def.criteria[0]!.id}?set=${def.id}`).expect(200);
    expect(pinned.body.setStatus).toBe('retired');
  });

  it('deletes drafts only, and answers 404 afterwards', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').send(def).expect(201);
    await ctx.client.delete(`/api/v1/criterion-sets/${def.id}`).expect(204);
    await ctx.client.get(`/api/v1/criterion-sets/${def.id}`).expect(404);
    await ctx.client.delete(`/api/v1/criterion-sets/${def.id}`).expect(404);
  });

  it('rejects duplicates, inconsistent sets and foreign criterion ids without storing anything', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').send(def).expect(201);
    expect((await ctx.client.post('/api/v1/criterion-sets').send(def).expect(409)).body.code).toBe('CRITERION_SET_EXISTS');

    const broken = draftSet();
    broken.criteria[0]!.rule = { property: 'battery.cyclesAt80percent', operator: '>=', value: 500, unit: 'cycles' };
    broken.criteria[1]!.level = 'spearhead';
    const res = await ctx.client.post('/api/v1/criterion-sets').send(broken).expect(400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/criteria/0/rule/property', '/body/criteria/1/level']));
    await ctx.client.get(`/api/v1/criterion-sets/${broken.id}`).expect(404);

    const thief = draftSet();
    thief.criteria[0]!.id = 'GPP21-TS6-core';
    const stolen = await ctx.client.post('/api/v1/criterion-sets').send(thief).expect(400);
    expect(stolen.body.errors[0]).toEqual({ pointer: '/body/criteria/0/id', reason: 'criterion id "GPP21-TS6-core" is already used by set "eu-gpp-computers-2021"' });

    const wrongPath = await ctx.client.put(`/api/v1/criterion-sets/${def.id}`).send({ ...def, id: 'another-id' }).expect(400);
    expect(wrongPath.body.errors[0].pointer).toBe('/body/id');
    const unknownSuper = await ctx.client.post('/api/v1/criterion-sets').send(draftSet({ supersedes: ['no-such-set'] })).expect(400);
    expect(unknownSuper.body.errors[0].pointer).toBe('/body/supersedes/0');
  });
});
