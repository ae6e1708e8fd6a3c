import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { adminApiKey, mintJwt } from './helpers/config';
import { contractProblems, mediaTypeOf, operationExists, schemaProblems } from '../../../support/contract-oracle';
import { deletePath, getPath, sameValue, setPath, show } from './helpers/values';
import type { ApiWorld, HttpResponse } from './world';

/*
 * The step vocabulary shared by every feature (one feature per operation of api/openapi.yaml).
 * Given steps prepare credentials and the request, a When step sends it with pactum, Then steps
 * check the response, usually against the contract itself.
 */

const TEST_DATA = path.resolve(__dirname, '..', '..', 'test-data');

/** A file of test-data/, with `${tag}` (or the given tag) and other placeholders filled in. */
export function testData(world: ApiWorld, name: string, tag?: string): Record<string, unknown> {
  const file = path.join(TEST_DATA, `${name}.json`);
  return world.fillJson(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, tag === undefined ? {} : { tag });
}

function response(world: ApiWorld): HttpResponse {
  assert.ok(world.response, 'no request was sent yet in this scenario');
  return world.response;
}

function body(world: ApiWorld): unknown {
  const res = response(world);
  if (res.json === undefined || res.json === null) {
    try {
      return JSON.parse(res.text) as unknown;
    } catch {
      assert.fail(`the response body is not JSON: ${res.text.slice(0, 300)}`);
    }
  }
  return res.json;
}

function field(world: ApiWorld, fieldPath: string): unknown {
  return getPath(body(world), world.fill(fieldPath));
}

function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function requestBody(world: ApiWorld): Record<string, unknown> {
  assert.ok(world.next.json && typeof world.next.json === 'object', 'prepare a JSON request body first');
  return world.next.json as Record<string, unknown>;
}

// ------------------------------------------------------------------ context and credentials

Given('the user wants to {}', function (_purpose: string) {
  // Describes the scenario's intent, as GovStack suites do; nothing to prepare.
});

Given('the user is not authenticated', function (this: ApiWorld) {
  this.auth = {};
});

Given('the user is authenticated with the administrator API key', function (this: ApiWorld) {
  this.auth = { 'X-API-Key': adminApiKey() };
});

Given('the user is authenticated with an unknown API key', function (this: ApiWorld) {
  this.auth = { 'X-API-Key': `psbb_Unknown${this.tag.slice(0, 4)}_${'x'.repeat(43)}` };
});

Given('the user is authenticated with the API key secret {string}', function (this: ApiWorld, secret: string) {
  this.auth = { 'X-API-Key': this.fill(secret) };
});

Given('the user is authenticated with the API key {string}', function (this: ApiWorld, name: string) {
  this.auth = { 'X-API-Key': this.fill(`\${${name}.key}`) };
});

Given('the user is authenticated with a JWT with the scopes {string} of the organisation {string}', async function (this: ApiWorld, scopes: string, organisation: string) {
  const token = await mintJwt({ scopes: scopes.split(/[\s,]+/).filter(Boolean), organisation: this.fill(organisation) });
  this.auth = { Authorization: `Bearer ${token}` };
});

Given('the user is authenticated with an expired JWT', async function (this: ApiWorld) {
  const token = await mintJwt({ scopes: ['admin'], organisation: 'admin', expiresIn: -3600 });
  this.auth = { Authorization: `Bearer ${token}` };
});

// ------------------------------------------------------------------ the request

Given('the request has the query parameters:', function (this: ApiWorld, table: DataTable) {
  for (const [name = '', value = ''] of table.raw()) this.next.query.push([name, this.fill(value)]);
});

Given('the request has the header {string} with the value {string}', function (this: ApiWorld, name: string, value: string) {
  this.next.headers[name] = this.fill(value);
});

Given('the request body is the test data {string}', function (this: ApiWorld, name: string) {
  this.next.json = testData(this, name);
});

Given('the request body is:', function (this: ApiWorld, json: string) {
  this.next.json = JSON.parse(this.fill(json)) as unknown;
});

Given('the request body is the remembered {string}', function (this: ApiWorld, name: string) {
  assert.ok(name in this.vars, `nothing remembered as "${name}"`);
  this.next.json = structuredClone(this.vars[name]);
});

Given('the request body is the raw text {string} with the content type {string}', function (this: ApiWorld, text: string, contentType: string) {
  this.next.raw = { body: this.fill(text), contentType };
});

Given('the request body field {string} is set to the string {string}', function (this: ApiWorld, fieldPath: string, value: string) {
  setPath(requestBody(this), this.fill(fieldPath), this.fill(value));
});

Given('the request body field {string} is set to the JSON {string}', function (this: ApiWorld, fieldPath: string, json: string) {
  setPath(requestBody(this), this.fill(fieldPath), JSON.parse(this.fill(json)) as unknown);
});

Given('the request body field {string} is removed', function (this: ApiWorld, fieldPath: string) {
  deletePath(requestBody(this), this.fill(fieldPath));
});

// ------------------------------------------------------------------ sending

async function send(world: ApiWorld, method: string, template: string, filledPath: string): Promise<void> {
  const { headers, query, json, raw } = world.next;
  world.next = { headers: {}, query: [] };
  world.sent = { method: method.toUpperCase(), template, path: filledPath };
  world.response = await world.call(method, filledPath, { headers: { ...world.auth, ...headers }, query, json, raw });
}

function checkEndpoint(world: ApiWorld, template: string): void {
  assert.equal(template, world.operation.endpoint, `the scenario must call its feature's endpoint (${world.operation.endpoint}); use "the user then sends" for other calls`);
}

When('the user sends a {word} request to {string}', async function (this: ApiWorld, method: string, template: string) {
  checkEndpoint(this, template);
  await send(this, method, template, this.fill(template));
});

When('the user sends a {word} request to {string} with {string} as {word}', async function (this: ApiWorld, method: string, template: string, value: string, param: string) {
  checkEndpoint(this, template);
  assert.ok(template.includes(`{${param}}`), `${template} has no path parameter {${param}}`);
  await send(this, method, template, this.fill(template).replace(`{${param}}`, encodeURIComponent(this.fill(value))));
});

When('the user then sends a {word} request to {string}', async function (this: ApiWorld, method: string, target: string) {
  await send(this, method, '', this.fill(target));
});

// ------------------------------------------------------------------ the response

Then('the response should be returned in a timely manner {int}ms', function (this: ApiWorld, ms: number) {
  assert.ok(response(this).responseTime < ms, `the response took ${response(this).responseTime} ms (limit ${ms} ms)`);
});

Then('the response should have status {int}', function (this: ApiWorld, status: number) {
  const res = response(this);
  assert.equal(res.statusCode, status, `expected status ${status}, got ${res.statusCode}: ${res.text.slice(0, 800)}`);
});

Then('the response should have {string}: {string} header', function (this: ApiWorld, name: string, value: string) {
  const actual = header(response(this), name);
  const expected = this.fill(value);
  assert.ok(actual !== undefined, `the response has no ${name} header`);
  assert.ok(actual.toLowerCase().includes(expected.toLowerCase()), `${name} is "${actual}", expected it to contain "${expected}"`);
});

Then('the response should have the header {string}', function (this: ApiWorld, name: string) {
  assert.ok(header(response(this), name) !== undefined, `the response has no ${name} header`);
});

Then('the response should match the json schema of the contract', function (this: ApiWorld) {
  const res = response(this);
  assert.ok(this.sent?.template, 'only responses of "the user sends …" requests can be checked against the contract');
  const { method, template } = this.sent;
  if (!operationExists(method, template)) {
    // Not an operation of the contract (e.g. a wrong method): a problem document, 404 or 405.
    assert.ok([404, 405].includes(res.statusCode), `${method} ${template} is not in the contract, so only 404 or 405 may answer, got ${res.statusCode}`);
    assert.equal(mediaTypeOf(res), 'application/problem+json');
    const problems = schemaProblems('Problem', JSON.parse(res.text));
    assert.deepEqual(problems, [], problems.join('\n'));
    return;
  }
  const problems = contractProblems(method, template, res);
  assert.deepEqual(problems, [], `${method} ${template} → ${res.statusCode} breaks the contract:\n${problems.join('\n')}`);
});

Then('the response should match the {string} json schema', function (this: ApiWorld, name: string) {
  const problems = schemaProblems(name, body(this));
  assert.deepEqual(problems, [], problems.join('\n'));
});

Then('the response should be a problem {string}', function (this: ApiWorld, code: string) {
  const res = response(this);
  assert.equal(mediaTypeOf(res), 'application/problem+json', `expected a problem document, got ${mediaTypeOf(res)}`);
  const problem = body(this) as Record<string, unknown>;
  const problems = schemaProblems('Problem', problem);
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.equal(problem.code, code, `problem code ${show(problem.code)}: ${show(problem.detail)}`);
  assert.equal(problem.status, res.statusCode, 'the problem status differs from the HTTP status');
  assert.ok(!/\bat .+\.(ts|js):\d+/.test(res.text), 'the problem carries a stack trace');
});

Then('the problem should name the field {string}', function (this: ApiWorld, pointer: string) {
  const errors = (field(this, 'errors') ?? []) as { pointer: string; reason: string }[];
  const expected = this.fill(pointer);
  assert.ok(errors.some((e) => e.pointer === expected), `no error names ${expected}: ${show(errors)}`);
});

Then('the problem should list the allowed value {string}', function (this: ApiWorld, value: string) {
  const allowed = (field(this, 'allowed') ?? []) as string[];
  assert.ok(allowed.includes(value), `allowed values ${show(allowed)} do not include ${value}`);
});

Then('the response field {string} should be {string}', function (this: ApiWorld, fieldPath: string, expected: string) {
  const actual = field(this, fieldPath);
  assert.ok(sameValue(actual, this.fill(expected)), `${fieldPath} is ${show(actual)}, expected ${this.fill(expected)}`);
});

Then('the response field {string} should not be {string}', function (this: ApiWorld, fieldPath: string, expected: string) {
  const actual = field(this, fieldPath);
  assert.ok(!sameValue(actual, this.fill(expected)), `${fieldPath} is ${show(actual)}`);
});

Then('the response field {string} should exist', function (this: ApiWorld, fieldPath: string) {
  assert.notEqual(field(this, fieldPath), undefined, `${fieldPath} is missing`);
});

Then('the response field {string} should not exist', function (this: ApiWorld, fieldPath: string) {
  assert.equal(field(this, fieldPath), undefined, `${fieldPath} is present`);
});

Then('the response field {string} should contain {string}', function (this: ApiWorld, fieldPath: string, expected: string) {
  const actual = field(this, fieldPath);
  const value = this.fill(expected);
  const ok = typeof actual === 'string' ? actual.includes(value) : Array.isArray(actual) && actual.some((v) => sameValue(v, value));
  assert.ok(ok, `${fieldPath} = ${show(actual)} does not contain ${value}`);
});

Then('the response field {string} should not contain {string}', function (this: ApiWorld, fieldPath: string, expected: string) {
  const actual = field(this, fieldPath);
  const value = this.fill(expected);
  const found = typeof actual === 'string' ? actual.includes(value) : Array.isArray(actual) && actual.some((v) => sameValue(v, value));
  assert.ok(!found, `${fieldPath} = ${show(actual)} contains ${value}`);
});

Then(/^the response field "([^"]*)" should have (\d+) items?$/, function (this: ApiWorld, fieldPath: string, count: string) {
  const actual = field(this, fieldPath);
  assert.ok(Array.isArray(actual), `${fieldPath} is not an array: ${show(actual)}`);
  assert.equal(actual.length, Number(count), `${fieldPath} has ${actual.length} items`);
});

Then(/^the response field "([^"]*)" should have at least (\d+) items?$/, function (this: ApiWorld, fieldPath: string, count: string) {
  const actual = field(this, fieldPath);
  assert.ok(Array.isArray(actual), `${fieldPath} is not an array: ${show(actual)}`);
  assert.ok(actual.length >= Number(count), `${fieldPath} has ${actual.length} items, expected at least ${count}`);
});

Then('the response field {string} should be greater than {float}', function (this: ApiWorld, fieldPath: string, n: number) {
  const actual = field(this, fieldPath);
  assert.ok(typeof actual === 'number' && actual > n, `${fieldPath} is ${show(actual)}, expected more than ${n}`);
});

Then('the response field {string} should be less than {float}', function (this: ApiWorld, fieldPath: string, n: number) {
  const actual = field(this, fieldPath);
  assert.ok(typeof actual === 'number' && actual < n, `${fieldPath} is ${show(actual)}, expected less than ${n}`);
});

function items(world: ApiWorld, listPath: string): unknown[] {
  const list = field(world, listPath);
  assert.ok(Array.isArray(list), `${listPath} is not an array: ${show(list)}`);
  assert.ok(list.length > 0, `${listPath} is empty`);
  return list;
}

Then('every item of {string} should have {string} equal to {string}', function (this: ApiWorld, listPath: string, itemPath: string, expected: string) {
  const value = this.fill(expected);
  items(this, listPath).forEach((item, i) => {
    const actual = getPath(item, itemPath);
    assert.ok(sameValue(actual, value), `${listPath}.${i}.${itemPath} is ${show(actual)}, expected ${value}`);
  });
});

Then('every item of {string} should have {string} containing {string}', function (this: ApiWorld, listPath: string, itemPath: string, expected: string) {
  const value = this.fill(expected);
  items(this, listPath).forEach((item, i) => {
    const actual = getPath(item, itemPath);
    const ok = typeof actual === 'string' ? actual.includes(value) : Array.isArray(actual) && actual.some((v) => sameValue(v, value));
    assert.ok(ok, `${listPath}.${i}.${itemPath} = ${show(actual)} does not contain ${value}`);
  });
});

Then('every item of {string} should have {string}', function (this: ApiWorld, listPath: string, itemPath: string) {
  items(this, listPath).forEach((item, i) => {
    const actual = getPath(item, itemPath);
    assert.ok(actual !== undefined && actual !== '', `${listPath}.${i}.${itemPath} is missing`);
  });
});

Then('the response body should contain {string}', function (this: ApiWorld, text: string) {
  const expected = this.fill(text);
  assert.ok(response(this).text.includes(expected), `the body does not contain ${expected}: ${response(this).text.slice(0, 500)}`);
});

Then('the response body should not contain {string}', function (this: ApiWorld, text: string) {
  const expected = this.fill(text);
  assert.ok(!response(this).text.includes(expected), `the body contains ${expected}`);
});

Then('the user remembers the response field {string} as {string}', function (this: ApiWorld, fieldPath: string, name: string) {
  const value = field(this, fieldPath);
  assert.notEqual(value, undefined, `${fieldPath} is missing`);
  this.vars[name] = value;
});

Then('the user remembers the response header {string} as {string}', function (this: ApiWorld, name: string, varName: string) {
  const value = header(response(this), name);
  assert.ok(value !== undefined, `the response has no ${name} header`);
  this.vars[varName] = value;
});

// ------------------------------------------------------------------ assessments

function criterionResult(world: ApiWorld, criterionId: string): Record<string, unknown> {
  const assessment = body(world) as { items?: { results?: Record<string, unknown>[] }[] };
  const result = (assessment.items ?? []).flatMap((item) => item.results ?? []).find((r) => r.criterionId === criterionId);
  assert.ok(result, `the assessment has no result for ${criterionId}`);
  return result;
}

Then('the criterion result {string} should have {string} equal to {string}', function (this: ApiWorld, criterionId: string, fieldPath: string, expected: string) {
  const actual = getPath(criterionResult(this, this.fill(criterionId)), fieldPath);
  assert.ok(sameValue(actual, this.fill(expected)), `${criterionId}.${fieldPath} is ${show(actual)}, expected ${expected}`);
});

Then('the criterion result {string} should have {string} containing {string}', function (this: ApiWorld, criterionId: string, fieldPath: string, expected: string) {
  const actual = getPath(criterionResult(this, this.fill(criterionId)), fieldPath);
  const value = this.fill(expected);
  const ok = typeof actual === 'string' ? actual.includes(value) : Array.isArray(actual) && actual.some((v) => (typeof v === 'string' ? v.includes(value) : sameValue(v, value)));
  assert.ok(ok, `${criterionId}.${fieldPath} = ${show(actual)} does not contain ${value}`);
});
