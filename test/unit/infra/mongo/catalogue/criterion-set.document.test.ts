import fc from 'fast-check';
import type { CriterionSetDefinition, StoredCriterionSet } from '../../../../../src/domain/catalogue/catalogue.types';
import { fromCriterionSetDocument, toCriterionSetDocument } from '../../../../../src/infra/mongo/catalogue/criterion-set.document';
import { ContractArbitraries } from '../../../../support/contract-arbitraries';
import { contract } from '../../../../support/contract-oracle';

/**
 * The stored form of a criterion set must take every definition the contract accepts (a stricter
 * stored shape once made a valid request with an empty publisher a 500) and give it back unchanged.
 */
const arbs = new ContractArbitraries(contract.document);
const storedSet = (definition: CriterionSetDefinition, extra: Partial<StoredCriterionSet> = {}): StoredCriterionSet => ({
  definition, status: 'draft', revision: 1, origin: 'api', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', history: [], ...extra,
});

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('criterion sets as stored documents', () => {
  it('stores every definition the contract accepts under keys every engine takes, and reads it back unchanged', () => {
    fc.assert(
      fc.property(arbs.at('#/components/schemas/CriterionSetDefinition'), (definition) => {
        const set = storedSet(definition as CriterionSetDefinition);
        const doc = toCriterionSetDocument(set);
        expect(doc._id).toBe(set.definition.id);
        expect(keysOf(doc).filter((k) => k.includes('.') || k.startsWith('$'))).toEqual([]);
        expect(fromCriterionSetDocument(doc)).toEqual(set);
      }),
      { numRuns: 100 },
    );
  });

  it('stores an empty publisher, which the contract allows', () => {
    const definition = { id: 'empty-publisher', title: 'Set', publisher: '', version: '1', productCategories: ['notebook'], ambitionLevels: ['core'], cpvCodes: [], eforms: { bt805: 'eu' }, criteria: [] };
    expect(contract.validator('CriterionSetDefinition')(definition)).toBe(true);
    expect(toCriterionSetDocument(storedSet(definition as unknown as CriterionSetDefinition)).definition).toHaveProperty('publisher', '');
  });

  it('leaves absent optional fields absent, and keeps the outbox out of the domain value', () => {
    const definition = { id: 's', title: 'Set', publisher: 'p', version: '1', productCategories: [], ambitionLevels: [], cpvCodes: [], eforms: { bt805: 'eu' }, criteria: [] } as unknown as CriterionSetDefinition;
    const doc = toCriterionSetDocument(storedSet(definition, { seedHash: undefined, publishedAt: '2026-02-01T00:00:00Z' }), { outbox: [], outboxAt: new Date(0) });
    expect(Object.keys(doc)).toEqual(['_id', 'definition', 'status', 'revision', 'origin', 'createdAt', 'updatedAt', 'history', 'publishedAt', 'outbox', 'outboxAt']);
    expect(Object.keys(fromCriterionSetDocument(doc))).toEqual(['definition', 'status', 'revision', 'origin', 'createdAt', 'updatedAt', 'history', 'publishedAt']);
  });
});
