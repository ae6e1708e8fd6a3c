import { requestBody, type Schema } from '../../openapi/contract.types';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { profileView } from '../../presenters/compliance.presenter';
import { commandContext, viewer } from '../caller';
import { pageLinks } from '../../presenters/page-links';
import { pageParams, pathParam } from '../request-params';

export const createTenderProfile =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const profile = await deps.compliance.createProfile(requestBody(c, 'createTenderProfile'), commandContext(c, res));
    return { status: 201, body: profileView(profile, true), headers: { Location: `${API_BASE}/tender-profiles/${profile.id}` } };
  };

export const getTenderProfile =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => ({ status: 200, body: profileView(await deps.compliance.getProfile(pathParam(c, 'profileId'), viewer(res)), true) });

export const listTenderProfiles =
  (deps: HttpDeps): OperationHandler =>
  async (c, req, res) => {
    const { page, pageSize } = pageParams(c);
    const tenderRef = (c.request.query as { tenderRef?: string }).tenderRef;
    const result = await deps.compliance.listProfiles(tenderRef ? { tenderRef } : {}, viewer(res), page, pageSize);
    return {
      status: 200,
      body: { items: result.items.map((p) => profileView(p, false)), page, pageSize, total: result.total, links: pageLinks(`${API_BASE}/tender-profiles`, req.query, page, result.lastPage) },
    };
  };

export const getTenderRanking =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const { profile, entries } = await deps.compliance.ranking(pathParam(c, 'profileId'), viewer(res));
    const body: Schema<'Ranking'> = { profileId: profile.id, ...(profile.tenderRef ? { tenderRef: profile.tenderRef } : {}), generatedAt: new Date().toISOString(), entries };
    return { status: 200, body, headers: { 'Cache-Control': 'no-store' } };
  };
