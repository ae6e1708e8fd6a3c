import type { HttpDeps } from '../http-deps';
import { exportCriteria, exportCriterionSet } from './catalogue/export.handlers';
import { getCriterion } from './catalogue/get-criterion.handler';
import { getCriterionSet } from './catalogue/get-criterion-set.handler';
import {
  createCriterionSet,
  createCriterionSetVersion,
  deleteCriterionSet,
  publishCriterionSet,
  replaceCriterionSet,
  retireCriterionSet,
} from './catalogue/lifecycle.handlers';
import { listCriteria } from './catalogue/list-criteria.handler';
import { listCriterionSets } from './catalogue/list-criterion-sets.handler';
import { getAssessment, getAssessmentReport, listAssessments } from './compliance/assessment.handlers';
import { createComplianceCheck, createComplianceCheckBatch } from './compliance/check.handlers';
import { getCriteriaStatistics, getTenderStatistics } from './compliance/statistics.handlers';
import { createTenderProfile, getTenderProfile, getTenderRanking, listTenderProfiles } from './compliance/profile.handlers';
import type { OperationHandler } from '../openapi/http-result';
import { getConsole } from './get-console.handler';
import { getDocs } from './get-docs.handler';
import { getHealthcheck } from './get-healthcheck.handler';
import { getLiveness } from './get-liveness.handler';
import { getMetrics } from './get-metrics.handler';
import { getOpenApiJson } from './get-open-api-json.handler';
import { getOpenApiYaml } from './get-open-api-yaml.handler';
import { getOutboxStatus } from './get-outbox-status.handler';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './admin/api-key.handlers';
import { listAuditEvents } from './admin/list-audit-events.handler';
import { getReadiness } from './get-readiness.handler';

/** One handler per operationId of api/openapi.yaml. */
export function createHandlers(deps: HttpDeps): Record<string, OperationHandler> {
  return {
    getHealthcheck: getHealthcheck(deps),
    getLiveness: getLiveness(),
    getReadiness: getReadiness(deps),
    getMetrics: getMetrics(deps),
    getDocs: getDocs(),
    getConsole: getConsole(),
    getOpenApiJson: getOpenApiJson(deps),
    getOpenApiYaml: getOpenApiYaml(deps),
    listCriterionSets: listCriterionSets(deps),
    createCriterionSet: createCriterionSet(deps),
    getCriterionSet: getCriterionSet(deps),
    replaceCriterionSet: replaceCriterionSet(deps),
    deleteCriterionSet: deleteCriterionSet(deps),
    publishCriterionSet: publishCriterionSet(deps),
    retireCriterionSet: retireCriterionSet(deps),
    createCriterionSetVersion: createCriterionSetVersion(deps),
    exportCriterionSet: exportCriterionSet(deps),
    listCriteria: listCriteria(deps),
    exportCriteria: exportCriteria(deps),
    getCriterion: getCriterion(deps),
    listTenderProfiles: listTenderProfiles(deps),
    createTenderProfile: createTenderProfile(deps),
    getTenderProfile: getTenderProfile(deps),
    getTenderRanking: getTenderRanking(deps),
    createComplianceCheck: createComplianceCheck(deps),
    createComplianceCheckBatch: createComplianceCheckBatch(deps),
    listAssessments: listAssessments(deps),
    getAssessment: getAssessment(deps),
    getAssessmentReport: getAssessmentReport(deps),
    getCriteriaStatistics: getCriteriaStatistics(deps),
    getTenderStatistics: getTenderStatistics(deps),
    getOutboxStatus: getOutboxStatus(deps),
    listApiKeys: listApiKeys(deps),
    createApiKey: createApiKey(deps),
    rotateApiKey: rotateApiKey(deps),
    revokeApiKey: revokeApiKey(deps),
    listAuditEvents: listAuditEvents(deps),
  };
}
