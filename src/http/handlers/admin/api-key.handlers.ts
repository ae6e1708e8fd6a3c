import type { Scope } from '../../../domain/security/principal';
import type { ApiKeyRecord } from '../../../infra/security/api-keys';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { commandContext } from '../caller';
import { pathParam } from '../request-params';

/** Never includes the hash. */
function keyView(r: ApiKeyRecord) {
  const self = `${API_BASE}/admin/api-keys/${r._id}`;
  return {
    id: r._id,
    name: r.name,
    organisation: r.organisation,
    scopes: r.scopes,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    ...(r.rotatedAt ? { rotatedAt: r.rotatedAt } : {}),
    ...(r.revokedAt ? { revokedAt: r.revokedAt } : {}),
    ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
    links: { self, rotate: `${self}/rotate` },
  };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export const listApiKeys =
  (deps: HttpDeps): OperationHandler =>
  async (c) => {
    const q = c.request.query as { organisation?: string; includeRevoked?: boolean | string };
    const records = await deps.apiKeys.list({ ...(q.organisation ? { organisation: q.organisation } : {}), includeRevoked: q.includeRevoked === true || q.includeRevoked === 'true' });
    return { status: 200, body: { items: records.map(keyView) }, headers: NO_STORE };
  };

export const createApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const input = c.request.requestBody as { name: string; organisation: string; scopes: Scope[]; expiresAt?: string };
    const { record, key } = await deps.apiKeys.create(input, commandContext(c, res).actor);
    return { status: 201, body: { ...keyView(record), key }, headers: { ...NO_STORE, Location: `${API_BASE}/admin/api-keys/${record._id}` } };
  };

export const rotateApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c) => {
    const { record, key } = await deps.apiKeys.rotate(pathParam(c, 'keyId'));
    return { status: 200, body: { ...keyView(record), key }, headers: NO_STORE };
  };

export const revokeApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c) => {
    await deps.apiKeys.revoke(pathParam(c, 'keyId'));
    return { status: 204 };
  };
