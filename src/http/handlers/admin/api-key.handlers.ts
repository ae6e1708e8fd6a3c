import { requestBody, type ResponseBody, type Schema } from '../../openapi/contract.types';
import type { ApiKeyRecord } from '../../../infra/security/api-keys';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { commandContext } from '../caller';
import { pathParam } from '../request-params';

/** Never includes the hash. */
function keyView(r: ApiKeyRecord): Schema<'ApiKey'> {
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
    const body: ResponseBody<'listApiKeys', 200> = { items: records.map(keyView) };
    return { status: 200, body, headers: NO_STORE };
  };

export const createApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const input = requestBody(c, 'createApiKey');
    const { record, key } = await deps.apiKeys.create(input, commandContext(c, res).actor);
    const body: Schema<'ApiKeyWithSecret'> = { ...keyView(record), key };
    return { status: 201, body, headers: { ...NO_STORE, Location: `${API_BASE}/admin/api-keys/${record._id}` } };
  };

export const rotateApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c) => {
    const { record, key } = await deps.apiKeys.rotate(pathParam(c, 'keyId'));
    const body: Schema<'ApiKeyWithSecret'> = { ...keyView(record), key };
    return { status: 200, body, headers: NO_STORE };
  };

export const revokeApiKey =
  (deps: HttpDeps): OperationHandler =>
  async (c) => {
    await deps.apiKeys.revoke(pathParam(c, 'keyId'));
    return { status: 204 };
  };
