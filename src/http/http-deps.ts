import type { Schema } from './openapi/contract.types';
import type { CatalogueService } from '../domain/catalogue/catalogue.service';
import type { ComplianceService } from '../domain/compliance/compliance.service';
import type { StatisticsService } from '../domain/compliance/statistics.service';
import type { ReadinessReport } from '../domain/health/readiness';
import type { AuditLog } from '../infra/audit/audit.log';
import type { ApiKeys } from '../infra/security/api-keys';
import type { Metrics } from '../infra/metrics/metrics';

/** What the HTTP handlers need from the rest of the service; built in src/service.ts. */
export interface HttpDeps {
  readonly serviceVersion: string;
  readonly startedAt: number;
  readonly metrics: Metrics;
  readonly contract: { readonly yaml: string; readonly json: string };
  readonly readiness: () => Promise<ReadinessReport>;
  /** True when readiness answered "ready" within the last moment (no I/O); otherwise ask readiness(). */
  readonly recentlyReady: () => boolean;
  readonly catalogue: CatalogueService;
  readonly compliance: ComplianceService;
  readonly statistics: StatisticsService;
  readonly outbox: () => Promise<Schema<'OutboxStatus'>>;
  readonly apiKeys: ApiKeys;
  readonly audit: AuditLog;
}
