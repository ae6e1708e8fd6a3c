import { conflict, invalid, notFound, preconditionFailed, type FieldError } from '../errors';
import { setContentHash } from './catalogue.hash';
import type { CatalogueIndex } from './catalogue.index';
import type { CatalogueReader } from './catalogue.reader';
import type { CatalogueStore } from './catalogue.store';
import type { CriterionSetDefinition, HistoryAction, SetStatus, StoredCriterionSet } from './catalogue.types';
import type { EventFactory } from '../events/event.factory';
import type { CommandContext } from '../command-context';
import type { CloudEvent } from '../events/event.types';
import { checkCriterionSet } from './criterion-set.checks';
import type { OfferVocabulary } from './offer-vocabulary';
import type { Clock } from '../clock';

/** All ids connected to `id` through `supersedes`, in either direction, plus `id` itself. */
function lineage(index: CatalogueIndex, id: string, supersedes: readonly string[]): Set<string> {
  const seen = new Set<string>([id, ...supersedes]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const set of index.sets) {
      const linked = [set.definition.id, ...(set.definition.supersedes ?? [])];
      if (linked.some((l) => seen.has(l)) && linked.some((l) => !seen.has(l))) {
        linked.forEach((l) => seen.add(l));
        grew = true;
      }
    }
  }
  return seen;
}

const atBody = (errors: readonly FieldError[]): FieldError[] => errors.map((e) => ({ pointer: `/body${e.pointer}`, reason: e.reason }));

/**
 * The lifecycle of criterion sets: draft → published → retired, with immutability after publication,
 * new versions that supersede older ones, and every change recorded with its actor and UTC time.
 */
export class CatalogueLifecycle {
  constructor(
    private readonly store: CatalogueStore,
    private readonly reader: CatalogueReader,
    private readonly vocabulary: OfferVocabulary,
    private readonly clock: Clock,
    private readonly events: EventFactory,
  ) {}

  /** Semantic checks the contract's JSON Schema cannot express; throws a 400-kind error. */
  async validate(definition: CriterionSetDefinition): Promise<void> {
    const index = await this.reader.index();
    const errors = atBody(checkCriterionSet(definition, this.vocabulary));
    (definition.supersedes ?? []).forEach((id, i) => {
      if (id === definition.id) errors.push({ pointer: `/body/supersedes/${i}`, reason: 'a set cannot supersede itself' });
      else if (!index.set(id)) errors.push({ pointer: `/body/supersedes/${i}`, reason: `criterion set "${id}" does not exist` });
    });
    const related = lineage(index, definition.id, definition.supersedes ?? []);
    for (const { criterionId, setId } of index.idCollisions(definition.criteria.map((c) => c.id), related)) {
      const at = definition.criteria.findIndex((c) => c.id === criterionId);
      errors.push({ pointer: `/body/criteria/${at}/id`, reason: `criterion id "${criterionId}" is already used by set "${setId}"` });
    }
    if (errors.length > 0) throw invalid(`The criterion set "${definition.id}" is not consistent: ${errors.length} problem(s)`, errors);
  }

  async create(definition: CriterionSetDefinition, ctx: CommandContext): Promise<StoredCriterionSet> {
    const { actor } = ctx;
    await this.validate(definition);
    const at = this.clock.now().toISOString();
    const set: StoredCriterionSet = {
      definition,
      status: 'draft',
      revision: 1,
      origin: 'api',
      createdAt: at,
      updatedAt: at,
      history: [{ at, actor, action: 'created', revision: 1 }],
    };
    if (!(await this.store.insert(set))) throw conflict('CRITERION_SET_EXISTS', `A criterion set with id "${definition.id}" already exists`);
    this.reader.invalidate();
    return set;
  }

  async replace(id: string, definition: CriterionSetDefinition, ctx: CommandContext, ifMatch?: string): Promise<StoredCriterionSet> {
    if (definition.id !== id) throw invalid('The body id must equal the set id of the URL', [{ pointer: '/body/id', reason: `must be "${id}"` }]);
    const current = await this.draft(id, 'edited', ifMatch);
    await this.validate(definition);
    return this.write(current, { ...current, definition }, 'replaced', ctx);
  }

  async remove(id: string, ifMatch?: string): Promise<void> {
    const current = await this.draft(id, 'deleted', ifMatch);
    if (!(await this.store.deleteIf(id, { status: current.status, revision: current.revision }))) throw this.lostRace(id);
    this.reader.invalidate();
  }

  async publish(id: string, ctx: CommandContext): Promise<StoredCriterionSet> {
    const current = await this.existing(id);
    if (current.status !== 'draft') throw conflict('INVALID_TRANSITION', `Only drafts can be published; "${id}" is ${current.status}`);
    await this.validate(current.definition);
    const at = this.clock.now().toISOString();
    const published = await this.write(current, { ...current, status: 'published', publishedAt: at }, 'published', ctx, undefined, (s) => [this.events.criterionSetPublished(s, ctx)]);
    for (const oldId of current.definition.supersedes ?? []) {
      const old = await this.store.get(oldId);
      if (old?.status === 'published') {
        const retired = { ...old, status: 'retired' as const, retiredAt: at, supersededBy: id };
        await this.write(old, retired, 'superseded', ctx, `superseded by ${id}`, (s) => [this.events.criterionSetRetired(s, ctx)]);
      }
    }
    return published;
  }

  async retire(id: string, ctx: CommandContext): Promise<StoredCriterionSet> {
    const current = await this.existing(id);
    if (current.status !== 'published') throw conflict('INVALID_TRANSITION', `Only published sets can be retired; "${id}" is ${current.status}`);
    const retired = { ...current, status: 'retired' as const, retiredAt: this.clock.now().toISOString() };
    return this.write(current, retired, 'retired', ctx, undefined, (s) => [this.events.criterionSetRetired(s, ctx)]);
  }

  /** Copies a set into a new draft that supersedes it. */
  async newVersion(id: string, target: { id: string; version: string }, ctx: CommandContext): Promise<StoredCriterionSet> {
    const source = await this.existing(id);
    const definition: CriterionSetDefinition = { ...structuredClone(source.definition), id: target.id, version: target.version, supersedes: [id] };
    return this.create(definition, ctx);
  }

  private async existing(id: string): Promise<StoredCriterionSet> {
    const set = await this.store.get(id);
    if (!set) throw notFound('Criterion set', id);
    return set;
  }

  private async draft(id: string, verb: string, ifMatch?: string): Promise<StoredCriterionSet> {
    const current = await this.existing(id);
    if (ifMatch !== undefined && ifMatch !== setContentHash(current)) throw preconditionFailed(`Criterion set "${id}" changed since the given ETag`);
    if (current.status !== 'draft') throw conflict('CRITERION_SET_IMMUTABLE', `Criterion set "${id}" is ${current.status} and can no longer be ${verb}`);
    return current;
  }

  private async write(
    current: StoredCriterionSet,
    next: StoredCriterionSet,
    action: HistoryAction,
    ctx: CommandContext,
    detail?: string,
    announce: (written: StoredCriterionSet) => CloudEvent[] = () => [],
  ): Promise<StoredCriterionSet> {
    const at = this.clock.now().toISOString();
    const revision = current.revision + 1;
    const entry = { at, actor: ctx.actor, action, revision, ...(detail ? { detail } : {}) };
    const written: StoredCriterionSet = { ...next, revision, updatedAt: at, history: [...current.history, entry] };
    const expected: { status: SetStatus; revision: number } = { status: current.status, revision: current.revision };
    if (!(await this.store.replaceIf(current.definition.id, expected, written, announce(written)))) throw this.lostRace(current.definition.id);
    this.reader.invalidate();
    return written;
  }

  private lostRace(id: string) {
    return conflict('CONCURRENT_MODIFICATION', `Criterion set "${id}" was changed by another request; read it again and retry`);
  }
}
