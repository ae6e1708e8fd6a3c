import { randomUUID } from 'node:crypto';
import { SCOPES } from '../../src/domain/security/principal';
import { mintToken, TEST_AUDIENCE, TEST_ISSUER } from '../support/auth';
import { api, contractDocument } from '../support/contract';
import { useTestService } from '../support/test-service';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete'];

/** Concrete values for path parameters: well-formed, and naming nothing that exists. */
function concretePath(path: string): string {
  return path
    .replace('{setId}', 'no-such-set')
    .replace('{criterionId}', 'NO-SUCH-CRITERION')
    .replace('{profileId}', randomUUID())
    .replace('{assessmentId}', randomUUID())
    .replace('{keyId}', 'AbCdEf123456')
    .replace('{tenderRef}', 'NO-SUCH-TENDER');
}

const operations = Object.entries(contractDocument.paths as Json)
  .flatMap(([path, item]) => Object.entries(item as Json).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op: op as Json })))
  .filter(({ op }) => (op.security as unknown[]).length > 0)
  .map(({ path, method, op }) => ({ name: `${method.toUpperCase()} ${path}`, method, path: concretePath(path), scope: (op.security as Json[])[0]!.bearerAuth[0] as string }));

/**
 * Generated from the contract: every secured operation × every kind of bad credential (401) and
 * every role (403 unless the role has the operation's scope or is admin). Bodies are empty and
 * ids unknown, so an authorised request ends in a 4xx of the operation itself, never a change.
 */
describe('authorisation matrix', () => {
  const ctx = useTestService();
  const tokens: Record<string, string> = {};
  let revokedKey = '';

  beforeAll(async () => {
    tokens.expired = await mintToken({ expiresIn: -600 });
    tokens.wrongAudience = await mintToken({ audience: `${TEST_AUDIENCE}-other` });
    tokens.wrongIssuer = await mintToken({ issuer: `${TEST_ISSUER}-evil` });
    tokens.badSignature = await mintToken({ foreignKey: true });
    for (const scope of SCOPES) tokens[scope] = await mintToken({ scopes: [scope], sub: `user-${scope}` });
    const created = await ctx.client.post('/api/v1/admin/api-keys').send({ name: 'to revoke', organisation: 'test-org', scopes: ['admin'] }).expect(201);
    revokedKey = created.body.key as string;
    await ctx.client.delete(`/api/v1/admin/api-keys/${created.body.id as string}`).expect(204);
  });

  const send = (client: ReturnType<typeof api>, method: string, path: string) => {
    const req = client[method as 'get'](path);
    return method === 'post' || method === 'put' ? req.set('Content-Type', 'application/json').send('{}') : req;
  };

  it.each(operations)('$name refuses requests without valid credentials', async ({ method, path }) => {
    const app = ctx.svc.service.app;
    const attempts: [string, ReturnType<typeof api>][] = [
      ['no credentials', api(app, { token: null })],
      ['expired token', api(app, { token: tokens.expired! })],
      ['wrong audience', api(app, { token: tokens.wrongAudience! })],
      ['wrong issuer', api(app, { token: tokens.wrongIssuer! })],
      ['bad signature', api(app, { token: tokens.badSignature! })],
      ['revoked API key', api(app, { token: null, apiKey: revokedKey })],
      ['malformed API key', api(app, { token: null, apiKey: 'not-a-key' })],
    ];
    for (const [label, client] of attempts) {
      const res = await send(client, method, path);
      expect([label, res.status]).toEqual([label, 401]);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
      expect(res.body.code).toBe('UNAUTHORIZED');
    }
  });

  it.each(operations)('$name admits exactly the roles with scope $scope (or admin)', async ({ method, path, scope }) => {
    for (const role of SCOPES) {
      const res = await send(api(ctx.svc.service.app, { token: tokens[role]! }), method, path);
      const allowed = role === scope || role === 'admin';
      if (allowed) expect({ role, refused: [401, 403].includes(res.status) }).toEqual({ role, refused: false });
      else {
        expect([role, res.status]).toEqual([role, 403]);
        expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
      }
    }
  });
});
