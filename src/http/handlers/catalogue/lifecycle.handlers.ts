import { requestBody } from '../../openapi/contract.types';
import type { StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import { setContentHash } from '../../../domain/catalogue/catalogue.hash';
import { ifMatchHash, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import type { HttpResult, OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { setView } from '../../presenters/catalogue.presenter';
import { commandContext } from '../caller';
import { pathParam } from '../request-params';

const setResult = (status: number, set: StoredCriterionSet, extra: Record<string, string> = {}): HttpResult => ({
  status,
  body: setView(set),
  headers: { ETag: quoteEtag(setContentHash(set)), ...extra },
});
const created = (set: StoredCriterionSet) => setResult(201, set, { Location: `${API_BASE}/criterion-sets/${encodeURIComponent(set.definition.id)}` });

export const createCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) =>
    created(await deps.catalogue.lifecycle.create(requestBody(c, 'createCriterionSet'), commandContext(c, res)));

export const replaceCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, req, res) => {
    const cmd = commandContext(c, res);
    const set = await deps.catalogue.lifecycle.replace(pathParam(c, 'setId'), requestBody(c, 'replaceCriterionSet'), cmd, ifMatchHash(req));
    return setResult(200, set);
  };

export const deleteCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    await deps.catalogue.lifecycle.remove(pathParam(c, 'setId'), ifMatchHash(req));
    return { status: 204 };
  };

export const publishCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) =>
    setResult(200, await deps.catalogue.lifecycle.publish(pathParam(c, 'setId'), commandContext(c, res)));

export const retireCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) =>
    setResult(200, await deps.catalogue.lifecycle.retire(pathParam(c, 'setId'), commandContext(c, res)));

export const createCriterionSetVersion =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const target = requestBody(c, 'createCriterionSetVersion');
    return created(await deps.catalogue.lifecycle.newVersion(pathParam(c, 'setId'), target, commandContext(c, res)));
  };
