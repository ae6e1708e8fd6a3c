import fc from 'fast-check';
import mongoose from 'mongoose';
import { criterionSetModel } from '../../../../src/infra/mongo/catalogue/criterion-set.model';
import { ContractArbitraries } from '../../../support/contract-arbitraries';
import { contract } from '../../../support/contract-oracle';

/**
 * The stored form of a criterion set must take every definition the contract accepts: a field the
 * model requires more strictly than the contract (an empty publisher) made a valid request a 500.
 */
const arbs = new ContractArbitraries(contract.document);
// a connection that is never opened: enough to build the model and validate documents
const Model = criterionSetModel(mongoose.createConnection());
const stored = (definition: Record<string, unknown>) =>
  new Model({ _id: definition.id, definition, status: 'draft', revision: 1, origin: 'api', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', history: [] });

describe('the criterion set model', () => {
  it('stores every definition the contract accepts', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.at('#/components/schemas/CriterionSetDefinition'), async (definition) => {
        await expect(stored(definition as Record<string, unknown>).validate()).resolves.toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('stores an empty publisher, which the contract allows', async () => {
    const definition = { id: 'empty-publisher', title: 'Set', publisher: '', version: '1', productCategories: ['notebook'], ambitionLevels: ['core'], cpvCodes: [], eforms: { bt805: 'eu' }, criteria: [] };
    expect(contract.validator('CriterionSetDefinition')(definition)).toBe(true);
    await expect(stored(definition).validate()).resolves.toBeUndefined();
  });

  it('still refuses a definition without a publisher', async () => {
    const definition = { id: 'no-publisher', title: 'Set', version: '1', productCategories: ['notebook'], ambitionLevels: ['core'], cpvCodes: [], eforms: { bt805: 'eu' }, criteria: [] };
    await expect(stored(definition).validate()).rejects.toHaveProperty(['errors', 'definition.publisher']);
  });
});
