import mongoose from 'mongoose';
import { assessmentModel } from '../../../../src/infra/mongo/compliance/compliance.models';

/**
 * An assessment takes the offer's own id, which the contract lets be empty: the model must store
 * it (a required check that refuses "" made such a compliance check a 500).
 */
const Model = assessmentModel(mongoose.createConnection());
const stored = (offerId?: string) =>
  new Model({ _id: 'a1', organisation: 'org', ...(offerId === undefined ? {} : { offerId }), profileId: 'p1', compliant: true, evaluatedAt: '2026-01-01T00:00:00Z', body: '{}' });

describe('the assessment model', () => {
  it("stores an empty offer id, which the contract allows", async () => {
    await expect(stored('').validate()).resolves.toBeUndefined();
    await expect(stored('offer-1').validate()).resolves.toBeUndefined();
  });

  it('still refuses an assessment without an offer id', async () => {
    await expect(stored().validate()).rejects.toHaveProperty(['errors', 'offerId']);
  });
});
