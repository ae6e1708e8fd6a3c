import { OpenAPIRouter, type Document } from 'openapi-backend';
import { FastRouter } from '../../../../src/http/openapi/fast-router';
import { contractDocument } from '../../../support/contract';

const original = new OpenAPIRouter({ definition: contractDocument as unknown as Document });
const operations = original.getOperations();
const fast = new FastRouter(operations);

function originalOutcome(method: string, path: string): string {
  try {
    return original.matchOperation({ method, path, headers: {} }, true).operationId ?? '?';
  } catch (err) {
    return (err as Error).message.slice(0, 3);
  }
}

function fastOutcome(method: string, path: string): string {
  const r = fast.match(method, path);
  return r.kind === 'match' ? (r.operation.operationId ?? '?') : r.kind === 'notFound' ? '404' : '405';
}

describe('precompiled router', () => {
  const concretePaths = operations.map((op) => op.path.replace(/\{[^}]+\}/g, 'some-id'));
  const probes = [...concretePaths, '/', '/api/v1', '/api/v1/criteria/', '/api/v1/criteria/a/b', '/API/V1/CRITERIA', '/docs/x', '/healthcheck?x=1'];
  const methods = ['get', 'post', 'put', 'patch', 'delete'];

  it.each(probes)('matches %s exactly as openapi-backend does for every method', (path) => {
    for (const method of methods) expect(`${method} ${fastOutcome(method, path)}`).toBe(`${method} ${originalOutcome(method, path)}`);
  });

  it('prefers a literal path over a template', () => {
    expect(fastOutcome('get', '/api/v1/criteria/export')).toBe('exportCriteria');
    expect(fastOutcome('get', '/api/v1/criteria/GPP21-TS6-core')).toBe('getCriterion');
  });

  it('lists the allowed methods of a path for 405 answers', () => {
    expect(fast.match('patch', '/api/v1/criterion-sets/x')).toEqual({ kind: 'methodNotAllowed', allowed: ['DELETE', 'GET', 'HEAD', 'PUT'] });
  });
});
