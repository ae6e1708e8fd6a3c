import { Contract } from '../../../../src/infra/contract/contract';
import { OpenAPIRouter, type Operation, type Request as OpenApiRequest } from 'openapi-backend';
import { createOpenApiRuntime, type OpenApiRuntime } from '../../../../src/http/openapi/openapi.runtime';
import { OPENAPI_PATH } from '../../../../src/paths';

// The fast parser must give exactly what openapi-backend's own parser gives, for every operation
// of the contract, including the awkward inputs (encoded values, trailing slashes, repeated keys).
let runtime: OpenApiRuntime;
let reference: OpenAPIRouter;

beforeAll(async () => {
  runtime = await createOpenApiRuntime(new Contract(OPENAPI_PATH));
  reference = new OpenAPIRouter({ definition: runtime.api.document });
});

const VALUES = ['GPP21-TS6-core', 'caf%C3%A9%20au%20lait', 'a.b~c', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];

function requestsFor(op: Operation): OpenApiRequest[] {
  return VALUES.flatMap((value, i) => {
    const path = op.path.replace(/\{[^}]+\}/g, value);
    const query: Record<string, string | string[]> = {};
    for (const p of op.parameters ?? []) if (!('$ref' in p) && p.in === 'query') query[p.name] = i % 2 === 0 ? '2' : ['x', 'y'];
    const headers = { 'content-type': 'application/json', 'x-request-id': `req-${i}`, authorization: 'Bearer t' };
    return [
      { method: op.method.toUpperCase(), path, query, headers, body: { title: 'a', nested: { n: i } } },
      { method: op.method, path: `${path}/`, query: {}, headers, body: undefined },
      { method: ` ${op.method.toUpperCase()} `, path: path.slice(1), query, headers, body: i === 3 ? '{"raw":true}' : undefined },
    ];
  });
}

describe('the fast request parser', () => {
  it('parses every request of every operation exactly as openapi-backend does', () => {
    // openapi-backend itself is used as published: nothing of it is replaced.
    expect(runtime.api.router.parseRequest).toBe(OpenAPIRouter.prototype.parseRequest);
    expect(runtime.api.router.matchOperation).toBe(OpenAPIRouter.prototype.matchOperation);
    expect(runtime.api.router.getOperations).toBe(OpenAPIRouter.prototype.getOperations);
    const operations = runtime.api.router.getOperations();
    expect(operations.length).toBeGreaterThan(30);
    let compared = 0;
    for (const op of operations) {
      for (const req of requestsFor(op)) {
        expect({ op: op.operationId, parsed: runtime.parse(req, op) }).toEqual({ op: op.operationId, parsed: reference.parseRequest(req, op) });
        compared += 1;
      }
      // before routing too
      expect(runtime.parse(requestsFor(op)[0]!)).toEqual(reference.parseRequest(requestsFor(op)[0]!));
    }
    expect(compared).toBe(operations.length * VALUES.length * 3);
  });

  it('returns copies, so that type coercion during validation cannot change the caller’s request', () => {
    const op = runtime.api.router.getOperations().find((o) => o.operationId === 'listCriteria')!;
    const query = { page: '2', category: ['notebook'] };
    const headers = { 'x-request-id': 'r' };
    const parsed = runtime.parse({ method: 'GET', path: '/api/v1/criteria', query, headers }, op);
    (parsed.query as Record<string, unknown>).page = 2;
    (parsed.query.category as string[]).push('tablet');
    parsed.headers['x-request-id'] = 'changed';
    expect(query).toEqual({ page: '2', category: ['notebook'] });
    expect(headers).toEqual({ 'x-request-id': 'r' });
  });

  it('leaves malformed percent-encoding and cookies to the original parser', () => {
    const op = runtime.api.router.getOperations().find((o) => o.path.includes('{'))!;
    const malformed = { method: op.method, path: op.path.replace(/\{[^}]+\}/g, '%E0%A4%A'), query: {}, headers: {} };
    expect(() => runtime.parse(malformed, op)).toThrow(URIError);
    const withCookie = { method: op.method, path: op.path.replace(/\{[^}]+\}/g, 'x'), query: {}, headers: { cookie: 'a=1; b=2' } };
    expect(runtime.parse(withCookie, op).cookies).toEqual({ a: '1', b: '2' });
  });
});
