import type { Express } from 'express';
import supertest from 'supertest';
import { FastRouter } from '../../src/http/openapi/fast-router';
import { getDefaultToken } from './auth';
import { contract, contractProblems, mediaTypeOf, schemaProblems } from './contract-oracle';

/**
 * Every response a test sees through `api()` is checked against api/openapi.yaml by the contract
 * oracle (test/support/contract-oracle.ts, shared with the GovStack Gherkin suite). A handler that
 * drifts from the contract therefore fails whichever test calls it.
 */
type Json = Record<string, unknown>;
export const contractDocument = contract.document;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = Object.entries(contractDocument.paths as Record<string, Json>).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((m) => METHODS.includes(m))
    .map((method) => ({ path, method, operationId: (item[method] as Json).operationId as string })),
);
const router = new FastRouter(operations);

export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function assertMatchesContract(method: string, url: string, res: ObservedResponse): void {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '/';
  const where = `${method.toUpperCase()} ${path} → ${res.status}`;
  const observed = { statusCode: res.status, headers: res.headers, text: res.text };
  const match = router.match(method === 'head' ? 'get' : method, path);
  let problems: string[];
  if (match.kind !== 'match') {
    // Not an operation of the contract: a problem document, 404 or 405.
    if (![404, 405].includes(res.status)) throw new Error(`${where}: unknown route answered neither 404 nor 405`);
    if (mediaTypeOf(observed) !== 'application/problem+json') throw new Error(`${where}: expected application/problem+json, got ${mediaTypeOf(observed)}`);
    problems = schemaProblems('Problem', JSON.parse(res.text));
  } else {
    problems = contractProblems(method, match.operation.path, observed);
  }
  if (problems.length > 0) throw new Error(`${where} breaks the contract: ${problems.join('\n')}\n${res.text.slice(0, 2000)}`);
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
