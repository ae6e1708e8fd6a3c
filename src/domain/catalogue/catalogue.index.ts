import { sha256, setContentHash } from './catalogue.hash';
import { normaliseCode } from './source-code';
import type { CriterionDefinition, SetStatus, StoredCriterionSet } from './catalogue.types';

export interface IndexedCriterion {
  readonly criterion: CriterionDefinition;
  readonly set: StoredCriterionSet;
  /** Lower-cased id, source code, title and summary, for free-text search. */
  readonly text: string;
  /** The source code as normaliseCode() writes it. */
  readonly sourceCode?: string;
  readonly hash: string;
}

const STATUS_PREFERENCE: Record<SetStatus, number> = { published: 0, retired: 1, draft: 2 };

/**
 * An immutable, in-memory read model of the whole catalogue. The catalogue is small (hundreds of
 * criteria), so lookups filter in memory instead of asking the database on every request.
 */
export class CatalogueIndex {
  readonly sets: readonly StoredCriterionSet[];
  readonly criteria: readonly IndexedCriterion[];
  readonly fingerprint: string;
  private readonly setById = new Map<string, StoredCriterionSet>();
  private readonly setHashes = new Map<string, string>();
  private readonly byCriterionId = new Map<string, IndexedCriterion[]>();

  constructor(sets: readonly StoredCriterionSet[]) {
    this.sets = [...sets].sort((a, b) => (a.definition.id < b.definition.id ? -1 : 1));
    const criteria: IndexedCriterion[] = [];
    for (const set of this.sets) {
      const setHash = setContentHash(set);
      this.setById.set(set.definition.id, set);
      this.setHashes.set(set.definition.id, setHash);
      for (const criterion of set.definition.criteria) {
        const entry: IndexedCriterion = {
          criterion,
          set,
          // Ids and source codes are searchable too: people paste what they read in a tender.
          text: `${criterion.id}\n${criterion.sourceCode ?? ''}\n${normaliseCode(criterion.sourceCode ?? '')}\n${criterion.title}\n${criterion.summary}`.toLowerCase(),
          ...(criterion.sourceCode ? { sourceCode: normaliseCode(criterion.sourceCode) } : {}),
          hash: sha256(`${setHash}/${criterion.id}`).slice(0, 27),
        };
        criteria.push(entry);
        const same = this.byCriterionId.get(criterion.id) ?? [];
        same.push(entry);
        this.byCriterionId.set(criterion.id, same);
      }
    }
    this.criteria = criteria;
    this.fingerprint = sha256([...this.setHashes.values()].join('|')).slice(0, 27);
  }

  set(id: string): StoredCriterionSet | undefined {
    return this.setById.get(id);
  }

  setHash(id: string): string | undefined {
    return this.setHashes.get(id);
  }

  /**
   * Versions of one set lineage share criterion ids; without `setId` the published version wins,
   * then retired, then draft, and among equals the most recently updated.
   */
  criterion(id: string, setId?: string): IndexedCriterion | undefined {
    const candidates = this.byCriterionId.get(id) ?? [];
    if (setId !== undefined) return candidates.find((c) => c.set.definition.id === setId);
    return [...candidates].sort(
      (a, b) => STATUS_PREFERENCE[a.set.status] - STATUS_PREFERENCE[b.set.status] || b.set.updatedAt.localeCompare(a.set.updatedAt),
    )[0];
  }

  /** Sets that share a criterion id with `definitionCriteriaIds` outside `lineage`. */
  idCollisions(criterionIds: readonly string[], lineage: ReadonlySet<string>): { criterionId: string; setId: string }[] {
    const out: { criterionId: string; setId: string }[] = [];
    for (const id of criterionIds) {
      for (const entry of this.byCriterionId.get(id) ?? []) {
        if (!lineage.has(entry.set.definition.id)) out.push({ criterionId: id, setId: entry.set.definition.id });
      }
    }
    return out;
  }
}
