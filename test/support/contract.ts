import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import supertest from 'supertest';
import { parse } from 'yaml';
import { FastRouter } from '../../src/http/openapi/fast-router';
import { OPENAPI_PATH } from '../../src/paths';
import { getDefaultToken } from './auth';

/**
 * Every response a test sees through `api()` is checked against api/openapi.yaml: the status must
 * be documented for the operation (no `default` fallback), the media type must be one the
 * operation declares, required headers must be present and the body must match the schema.
 * A handler that drifts from the contract therefore fails whichever test calls it.
 */
type Json = Record<string, unknown>;
export const contractDocument = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(contractDocument, 'openapi.json');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = Object.entries(contractDocument.paths as Record<string, Json>).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((m) => METHODS.includes(m))
    .map((method) => ({ path, method, operationId: (item[method] as Json).operationId as string })),
);
const router = new FastRouter(operations);

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): Json {
  let node: unknown = contractDocument;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node as Json;
}

/** Follows `$ref`s and returns the pointer of the object finally reached. */
function deref(pointer: string): string {
  let current = pointer;
  for (let obj = at(current); typeof obj?.$ref === 'string'; obj = at(current)) current = obj.$ref;
  return current;
}

export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function validateBody(schemaPointer: string, body: unknown, where: string): void {
  const validate = ajv.getSchema(`openapi.json${schemaPointer}`);
  if (!validate) throw new Error(`contract: no schema at ${schemaPointer}`);
  if (!validate(body)) {
    throw new Error(`${where}: body breaks the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
  }
}

export function assertMatchesContract(method: string, url: string, res: ObservedResponse): void {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '/';
  const where = `${method.toUpperCase()} ${path} → ${res.status}`;
  const match = router.match(method === 'head' ? 'get' : method, path);
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (match.kind !== 'match') {
    if (![404, 405].includes(res.status)) throw new Error(`${where}: unknown route answered neither 404 nor 405`);
    if (mediaType !== 'application/problem+json') throw new Error(`${where}: expected application/problem+json, got ${mediaType}`);
    validateBody('#/components/schemas/Problem', JSON.parse(res.text), where);
    return;
  }
  const opPointer = `#/paths/${esc(match.operation.path)}/${match.operation.method}`;
  const responses = at(`${opPointer}/responses`);
  if (!(String(res.status) in responses)) throw new Error(`${where}: status ${res.status} is not documented for ${match.operation.operationId}`);
  const responsePointer = deref(`${opPointer}/responses/${res.status}`);
  const response = at(responsePointer);

  for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
    const required = (at(deref(`${responsePointer}/headers/${esc(name)}`)) as { required?: boolean }).required;
    if (required && res.headers[name.toLowerCase()] === undefined) throw new Error(`${where}: required header ${name} missing`);
    void header;
  }
  const content = response.content as Json | undefined;
  if (!content) {
    if (res.text) throw new Error(`${where}: the contract documents no body, got ${res.text.slice(0, 200)}`);
    return;
  }
  if (method === 'head') return;
  if (!(mediaType in content)) throw new Error(`${where}: media type ${mediaType} not in ${Object.keys(content).join(', ')}`);
  const isJson = /[/+]json$/.test(mediaType);
  validateBody(`${responsePointer}/content/${esc(mediaType)}/schema`, isJson ? JSON.parse(res.text) : res.text, where);
}

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

/**
 * supertest, with every response checked against the contract. Requests carry a bearer token:
 * the default administrator's (set up for every integration test), the one given, or none (null).
 */
export function api(target: Express | string, options: { token?: string | null; apiKey?: string } = {}) {
  const agent = supertest(target);
  const token = options.token === undefined ? getDefaultToken() : options.token;
  const verb = (m: Verb) => (url: string) => {
    const test = agent[m](url).expect((res) => assertMatchesContract(m, url, res));
    if (token) void test.set('Authorization', `Bearer ${token}`);
    if (options.apiKey) void test.set('X-API-Key', options.apiKey);
    return test;
  };
  return {
    get: verb('get'),
    post: verb('post'),
    put: verb('put'),
    patch: verb('patch'),
    delete: verb('delete'),
    head: verb('head'),
    options: verb('options'),
  };
}
