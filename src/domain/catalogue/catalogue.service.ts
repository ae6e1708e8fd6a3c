import { notFound } from '../errors';
import type { CatalogueIndex, IndexedCriterion } from './catalogue.index';
import type { CatalogueLifecycle } from './catalogue.lifecycle';
import type { CatalogueReader } from './catalogue.reader';
import type { ProductCategory, SetStatus, StoredCriterionSet } from './catalogue.types';
import { filterCriteria, type CriteriaFilter } from './criteria.query';
import { paginate, type Page } from '../page';
import { criteriaToCsv } from './export/criteria.csv';
import { ocdsFragment } from './export/ocds.fragment';
import { systemClock, type Clock } from '../clock';

export type ExportFormat = 'json' | 'csv' | 'ocds';
export interface ExportResult {
  readonly body: unknown;
  readonly contentType: string;
  readonly filename: string;
}

/** The catalogue's use cases, as the HTTP layer (and later the compliance checks) call them. */
export class CatalogueService {
  constructor(
    readonly reader: CatalogueReader,
    readonly lifecycle: CatalogueLifecycle,
    private readonly clock: Clock = systemClock,
  ) {}

  async listSets(filter: { status?: readonly SetStatus[]; category?: ProductCategory }): Promise<{ index: CatalogueIndex; sets: StoredCriterionSet[] }> {
    const index = await this.reader.index();
    const sets = index.sets.filter(
      (s) => (!filter.status?.length || filter.status.includes(s.status)) && (!filter.category || s.definition.productCategories.includes(filter.category)),
    );
    return { index, sets };
  }

  async getSet(id: string): Promise<{ set: StoredCriterionSet; hash: string }> {
    const index = await this.reader.index();
    const set = index.set(id);
    if (!set) throw notFound('Criterion set', id);
    return { set, hash: index.setHash(id) ?? '' };
  }

  async findCriteria(filter: CriteriaFilter, page: number, pageSize: number): Promise<{ index: CatalogueIndex; page: Page<IndexedCriterion> }> {
    const index = await this.reader.index();
    return { index, page: paginate(filterCriteria(index, filter), page, pageSize) };
  }

  async getCriterion(id: string, setId?: string): Promise<IndexedCriterion> {
    const found = (await this.reader.index()).criterion(id, setId);
    if (!found) throw notFound('Criterion', setId ? `${id}" in set "${setId}` : id);
    return found;
  }

  async exportSet(id: string, format: ExportFormat): Promise<ExportResult> {
    const { set } = await this.getSet(id);
    return this.export(set.definition.criteria.map((criterion) => ({ criterion, set })), format, id, set.definition);
  }

  async exportCriteria(filter: CriteriaFilter, format: ExportFormat): Promise<ExportResult> {
    const index = await this.reader.index();
    return this.export(filterCriteria(index, filter), format, 'criteria', undefined, filter);
  }

  private export(
    entries: readonly Pick<IndexedCriterion, 'criterion' | 'set'>[],
    format: ExportFormat,
    name: string,
    definition?: StoredCriterionSet['definition'],
    filter?: CriteriaFilter,
  ): ExportResult {
    if (format === 'csv') {
      const body = criteriaToCsv(entries.map(({ criterion, set }) => ({ setId: set.definition.id, criterion })));
      return { body, contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
    }
    if (format === 'ocds') {
      const body = ocdsFragment(entries.map(({ criterion, set }) => ({ criterion, bt805: set.definition.eforms.bt805 })));
      return { body, contentType: 'application/json', filename: `${name}.ocds.json` };
    }
    const body = definition ?? {
      exportedAt: this.clock.now().toISOString(),
      filters: filter ?? {},
      criteria: entries.map(({ criterion, set }) => ({ ...criterion, setId: set.definition.id })),
    };
    return { body, contentType: 'application/json', filename: `${name}.json` };
  }
}
