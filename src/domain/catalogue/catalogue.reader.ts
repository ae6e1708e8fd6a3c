import { CatalogueIndex } from './catalogue.index';
import type { CatalogueStore } from './catalogue.store';

export interface ReaderOptions {
  /** How long a replica trusts its in-memory index before asking the store whether it changed. */
  readonly freshnessMs: number;
  readonly onStale?: (err: unknown) => void;
  readonly now?: () => number;
}

/**
 * Serves the catalogue from an in-memory index. Changes made through this replica invalidate it
 * at once; changes made by other replicas are picked up within `freshnessMs`. If the database is
 * briefly unreachable the last index keeps serving reads (the catalogue changes rarely).
 */
export class CatalogueReader {
  private cached?: { index: CatalogueIndex; token: string; checkedAt: number };
  private loading?: Promise<CatalogueIndex>;
  private readonly now: () => number;

  constructor(
    private readonly store: CatalogueStore,
    private readonly options: ReaderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  index(): Promise<CatalogueIndex> {
    const cached = this.cached;
    if (cached && this.now() - cached.checkedAt < this.options.freshnessMs) return Promise.resolve(cached.index);
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async refresh(): Promise<CatalogueIndex> {
    const checkedAt = this.now();
    try {
      const token = await this.store.changeToken();
      if (this.cached?.token === token) {
        this.cached.checkedAt = checkedAt;
        return this.cached.index;
      }
      const index = new CatalogueIndex(await this.store.list());
      this.cached = { index, token, checkedAt };
      return index;
    } catch (err) {
      if (!this.cached) throw err;
      this.options.onStale?.(err);
      this.cached.checkedAt = checkedAt;
      return this.cached.index;
    }
  }
}
