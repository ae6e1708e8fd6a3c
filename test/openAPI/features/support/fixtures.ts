import { Given } from '@cucumber/cucumber';
import { testData } from './steps';
import type { ApiWorld } from './world';

/*
 * Background fixtures. Each creates what a scenario needs through the API itself (with the
 * administrator API key), with ids made unique by the scenario's tag, and remembers the created
 * resource under the given name for `${name.field}` placeholders. Nothing depends on another
 * scenario having run.
 */

const ASSESSMENT_DATE = '2026-11-28';

/** Several sets in one scenario: each fixture's ids carry the scenario tag and its own name. */
const fixtureTag = (world: ApiWorld, name: string): string => `${world.tag}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;

async function createDraft(world: ApiWorld, name: string): Promise<Record<string, unknown>> {
  const definition = testData(world, 'criterion-set', fixtureTag(world, name));
  world.vars[`${name}Definition`] = structuredClone(definition);
  const res = await world.admin('POST', '/api/v1/criterion-sets', [201], { json: definition });
  world.vars[name] = res.json;
  return definition;
}

async function publish(world: ApiWorld, name: string, setId: string): Promise<void> {
  const res = await world.admin('POST', `/api/v1/criterion-sets/${setId}/publish`, [200]);
  world.vars[name] = res.json;
}

Given('a draft criterion set {string} exists', async function (this: ApiWorld, name: string) {
  await createDraft(this, name);
});

Given('a published criterion set {string} exists', async function (this: ApiWorld, name: string) {
  const definition = await createDraft(this, name);
  await publish(this, name, String(definition.id));
});

Given('a retired criterion set {string} exists', async function (this: ApiWorld, name: string) {
  const definition = await createDraft(this, name);
  await publish(this, name, String(definition.id));
  const res = await this.admin('POST', `/api/v1/criterion-sets/${String(definition.id)}/retire`, [200]);
  this.vars[name] = res.json;
});

Given('a tender profile {string} exists', async function (this: ApiWorld, name: string) {
  const res = await this.admin('POST', '/api/v1/tender-profiles', [201], { json: testData(this, 'tender-profile') });
  this.vars[name] = res.json;
});

Given('a tender profile {string} exists for the criterion set {string}', async function (this: ApiWorld, name: string, setId: string) {
  const res = await this.admin('POST', '/api/v1/tender-profiles', [201], {
    json: { tenderRef: `HARNESS-${this.tag}`, criterionSetIds: [this.fill(setId)], category: 'notebook', level: 'comprehensive' },
  });
  this.vars[name] = res.json;
});

Given('an assessment {string} exists of the test offer {string} against the tender profile {string}', async function (this: ApiWorld, name: string, offer: string, profile: string) {
  const res = await this.admin('POST', '/api/v1/compliance-checks', [201], {
    json: { profileId: this.fill(`\${${profile}.id}`), assessmentDate: ASSESSMENT_DATE, offer: testData(this, offer) },
  });
  this.vars[name] = res.json;
});

Given('an API key {string} exists with the scopes {string} for the organisation {string}', async function (this: ApiWorld, name: string, scopes: string, organisation: string) {
  const res = await this.admin('POST', '/api/v1/admin/api-keys', [201], {
    json: { name: `harness-${name}-${this.tag}`, organisation: this.fill(organisation), scopes: scopes.split(/[\s,]+/).filter(Boolean) },
  });
  this.vars[name] = res.json;
});

Given('the API key {string} has been revoked', async function (this: ApiWorld, name: string) {
  await this.admin('DELETE', `/api/v1/admin/api-keys/${this.fill(`\${${name}.id}`)}`, [204]);
});

Given('the request body is an inline compliance check of the test offer {string}', function (this: ApiWorld, offer: string) {
  this.next.json = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core', assessmentDate: ASSESSMENT_DATE, offer: testData(this, offer) };
});

Given('the request body is a compliance check of the test offer {string} against the tender profile {string}', function (this: ApiWorld, offer: string, profile: string) {
  this.next.json = { profileId: this.fill(`\${${profile}.id}`), assessmentDate: ASSESSMENT_DATE, offer: testData(this, offer) };
});

Given('the request body is a batch of the test offers {string} against the tender profile {string}', function (this: ApiWorld, offers: string, profile: string) {
  this.next.json = {
    profileId: this.fill(`\${${profile}.id}`),
    assessmentDate: ASSESSMENT_DATE,
    offers: offers.split(',').map((o) => testData(this, o.trim())),
  };
});
