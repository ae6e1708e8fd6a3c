import { invalid } from '../errors';
import type { CatalogueStore } from './catalogue.store';
import type { CriterionSetDefinition, StoredCriterionSet } from './catalogue.types';
import { checkCriterionSet } from './criterion-set.checks';
import type { Clock } from '../clock';
import type { OfferVocabulary } from './offer-vocabulary';
import type { EventFactory } from '../events/event.factory';

export interface SeedSet {
  readonly definition: CriterionSetDefinition;
  /** Hash of the seed file's content; decides whether a stored seed set is up to date. */
  readonly hash: string;
}

export interface SeedReport {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  skipped: { id: string; reason: string }[];
  /** Published seed sets retired because a seed set supersedes them. */
  superseded: string[];
}

const SEED_ACTOR = 'seed';

/**
 * Loads the version-controlled seed sets idempotently: run it at every start and from several
 * replicas at once. New sets are stored as published; a seed set whose file changed is updated in
 * place (history "reseeded"), keeping its status; a set created through the API with the same id
 * is never overwritten. Stored assessments keep their own snapshot of the criteria they used.
 */
export async function seedCatalogue(
  store: CatalogueStore,
  seeds: readonly SeedSet[],
  vocabulary: OfferVocabulary,
  clock: Clock,
  events: EventFactory,
): Promise<SeedReport> {
  const ctx = { actor: SEED_ACTOR, organisation: 'system', correlationId: `seed-${clock.now().toISOString()}` };
  for (const { definition } of seeds) {
    const errors = checkCriterionSet(definition, vocabulary);
    if (errors.length > 0) {
      throw invalid(`Seed set "${definition.id}" is inconsistent: ${errors.map((e) => `${e.pointer} ${e.reason}`).join('; ')}`, errors);
    }
  }
  const report: SeedReport = { inserted: [], updated: [], unchanged: [], skipped: [], superseded: [] };
  for (const { definition, hash } of seeds) {
    const at = clock.now().toISOString();
    const existing = await store.get(definition.id);
    if (!existing) {
      const set: StoredCriterionSet = {
        definition,
        status: 'published',
        revision: 1,
        origin: 'seed',
        seedHash: hash,
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
        history: [{ at, actor: SEED_ACTOR, action: 'seeded', revision: 1 }],
      };
      // A concurrent replica may have inserted it first; that is the same outcome.
      if (await store.insert(set, [events.criterionSetPublished(set, ctx)])) report.inserted.push(definition.id);
      else report.unchanged.push(definition.id);
    } else if (existing.origin !== 'seed') {
      report.skipped.push({ id: definition.id, reason: 'a set with this id was created through the API' });
    } else if (existing.seedHash === hash) {
      report.unchanged.push(definition.id);
    } else {
      const revision = existing.revision + 1;
      const next: StoredCriterionSet = {
        ...existing,
        definition,
        seedHash: hash,
        revision,
        updatedAt: at,
        history: [...existing.history, { at, actor: SEED_ACTOR, action: 'reseeded', revision }],
      };
      if (await store.replaceIf(definition.id, { status: existing.status, revision: existing.revision }, next)) report.updated.push(definition.id);
      else report.unchanged.push(definition.id);
    }
  }
  for (const { definition } of seeds) {
    for (const oldId of definition.supersedes ?? []) {
      if (await retireSuperseded(store, oldId, definition.id, clock, events, ctx)) report.superseded.push(oldId);
    }
  }
  return report;
}

/**
 * A seed set that supersedes another retires it as publishing a new version does: the old set
 * stays readable (assessments and profiles keep referring to it), marked retired and superseded.
 * Only published seed sets are touched; a replica that loses the race leaves it to the winner.
 */
async function retireSuperseded(
  store: CatalogueStore,
  oldId: string,
  newId: string,
  clock: Clock,
  events: EventFactory,
  ctx: { actor: string; organisation: string; correlationId: string },
): Promise<boolean> {
  const old = await store.get(oldId);
  if (old?.origin !== 'seed' || old.status !== 'published') return false;
  const at = clock.now().toISOString();
  const revision = old.revision + 1;
  const retired: StoredCriterionSet = {
    ...old,
    status: 'retired',
    retiredAt: at,
    supersededBy: newId,
    revision,
    updatedAt: at,
    history: [...old.history, { at, actor: SEED_ACTOR, action: 'superseded', revision, detail: `superseded by ${newId}` }],
  };
  return store.replaceIf(oldId, { status: old.status, revision: old.revision }, retired, [events.criterionSetRetired(retired, ctx)]);
}
