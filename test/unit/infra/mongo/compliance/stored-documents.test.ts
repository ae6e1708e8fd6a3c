import { readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { fromAssessmentDocument, toAssessmentDocument } from '../../../../../src/infra/mongo/compliance/assessment.document';
import { fromProfileDocument, toProfileDocument } from '../../../../../src/infra/mongo/compliance/profile.document';

/** Documents written by the service before schema version 2 (JSON text in `body`), see test/fixtures/README.md. */
const legacy = mongoose.mongo.BSON.EJSON.parse(readFileSync(path.join(__dirname, '../../../../fixtures/legacy-store.json'), 'utf8')) as Record<string, { _id: string; body: string }[]>;
const assessments = legacy.assessments!;
const profiles = legacy.tender_profiles!;

describe('assessments as stored documents', () => {
  it('stores what a database user queries: dates, a verdict, one subdocument per item and criterion', () => {
    const a = fromAssessmentDocument(assessments[0]!);
    const doc = toAssessmentDocument(a, {});
    expect(doc).toMatchObject({ _id: a.id, schemaVersion: 2, organisation: a.organisation, profileId: a.profileId, offerId: a.offerId });
    expect(doc.evaluatedAt).toEqual(new Date(a.evaluatedAt));
    expect(doc.assessmentDate).toEqual(new Date(`${a.assessmentDate}T00:00:00Z`));
    expect(doc.verdict).toBe(a.summary.compliant === 'undetermined' ? 'undetermined' : a.summary.compliant ? 'compliant' : 'non_compliant');
    expect('compliant' in doc.summary).toBe(false);
    expect(doc.results).toHaveLength(a.items.reduce((n, i) => n + i.results.length, 0));
    const ts6 = doc.results.find((r) => r.criterionId === 'GPP21-TS6-core')!;
    expect(ts6).toMatchObject({ itemIndex: 0, category: 'notebook', outcome: 'pass' });
    expect(ts6.observed).toContainEqual({ property: 'battery.cyclesAt80pct', value: 300 });
    expect(doc.items[0]!.evaluatedAt).toBeInstanceOf(Date);
    expect('results' in doc.items[0]!).toBe(false);
    expect('body' in doc).toBe(false);
  });

  it('reads back exactly the assessment it stored, for every assessment the service wrote', () => {
    for (const stored of assessments) {
      const a = fromAssessmentDocument(stored);
      expect(a).toEqual(JSON.parse(stored.body));
      // Field order included: the API answers a read with the JSON the creating request got.
      expect(JSON.stringify(fromAssessmentDocument(toAssessmentDocument(a, {})))).toBe(JSON.stringify(a));
    }
  });

  it('stores the empty strings the contract allows (an offer without a name of its own)', () => {
    const a = { ...fromAssessmentDocument(assessments[0]!), offerId: '' };
    expect(toAssessmentDocument(a, {}).offerId).toBe('');
    expect(fromAssessmentDocument(toAssessmentDocument(a, {})).offerId).toBe('');
  });

  it('keeps the events of the outbox next to the assessment', () => {
    const a = fromAssessmentDocument(assessments[1]!);
    const outboxAt = new Date();
    const doc = toAssessmentDocument(a, { outbox: [{ id: 'e1' } as never], outboxAt });
    expect(doc).toMatchObject({ outbox: [{ id: 'e1' }], outboxAt });
    expect(fromAssessmentDocument(doc)).toEqual(a);
  });
});

describe('tender profiles as stored documents', () => {
  it('stores the snapshot as subdocuments with dates and reads back the same profile', () => {
    for (const stored of profiles) {
      const p = fromProfileDocument(stored);
      expect(p).toEqual(JSON.parse(stored.body));
      const doc = toProfileDocument({ ...p, deliveryDate: '2027-03-01' }, {});
      expect(doc).toMatchObject({ _id: p.id, schemaVersion: 2, organisation: p.organisation, createdAt: new Date(p.createdAt), deliveryDate: new Date('2027-03-01T00:00:00Z') });
      expect(Array.isArray(doc.criteria)).toBe(true);
      expect(JSON.stringify(fromProfileDocument(doc))).toBe(JSON.stringify({ ...p, deliveryDate: '2027-03-01' }));
    }
  });
});
