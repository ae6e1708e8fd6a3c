import { DomainError } from '../errors';
import type { Viewer } from '../security/principal';
import type { CriteriaStatistics, StatisticsFilter, StatisticsStore, TenderStatistics } from './statistics.types';

/** An organisation sees the statistics of its own assessments; an administrator sees all. */
export class StatisticsService {
  constructor(private readonly store: StatisticsStore) {}

  criteria(filter: StatisticsFilter, viewer: Viewer): Promise<CriteriaStatistics> {
    return this.store.criteria({ ...filter, ...(viewer.admin ? {} : { organisation: viewer.organisation }) });
  }

  /** A tender none of whose assessments the caller may see is not found (nor told apart from one that has none). */
  async tender(tenderRef: string, viewer: Viewer): Promise<TenderStatistics> {
    const stats = await this.store.tender(tenderRef, viewer.admin ? undefined : viewer.organisation);
    if (stats.assessments === 0) throw new DomainError('not_found', 'NOT_FOUND', `No assessment of tender "${tenderRef}" is stored for your organisation`);
    return stats;
  }
}
