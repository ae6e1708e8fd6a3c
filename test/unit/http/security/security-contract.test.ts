import { SCOPES } from '../../../../src/domain/security/principal';
import { contractDocument } from '../../../support/contract';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Operations anyone may call: probes, the contract, its documentation and the console page (its data need credentials). Nothing else. */
const PUBLIC = ['getHealthcheck', 'getLiveness', 'getReadiness', 'getMetrics', 'getDocs', 'getConsole', 'getOpenApiJson', 'getOpenApiYaml'];

const operations = Object.entries(contractDocument.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json)
    .filter(([m]) => METHODS.includes(m))
    .map(([method, op]) => ({ path, method, op: op as Json })),
);

describe('every operation of the contract declares its security', () => {
  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]))('%s', (_name, { op }) => {
    expect(op).toHaveProperty('security');
    if (PUBLIC.includes(op.operationId as string)) {
      expect(op.security).toEqual([]);
      return;
    }
    // A bearer token or an API key, each with the one scope the operation needs.
    expect(op.security).toHaveLength(2);
    const [bearer, apiKey] = op.security as Json[];
    expect(Object.keys(bearer!)).toEqual(['bearerAuth']);
    expect(Object.keys(apiKey!)).toEqual(['apiKey']);
    expect(bearer!.bearerAuth).toHaveLength(1);
    expect(SCOPES).toContain(bearer!.bearerAuth[0]);
    expect(apiKey!.apiKey).toEqual(bearer!.bearerAuth);
    for (const status of ['401', '403', '429']) expect(op.responses).toHaveProperty(status);
  });

  it('defines the two schemes it uses', () => {
    expect(Object.keys((contractDocument.components as Json).securitySchemes as Json).sort()).toEqual(['apiKey', 'bearerAuth']);
  });
});
