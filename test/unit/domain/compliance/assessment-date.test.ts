import { checkAssessmentDate } from '../../../../src/domain/compliance/assessment-date';
import { DomainError } from '../../../../src/domain/errors';

const refusal = (date: string, now: Date): unknown => {
  try {
    checkAssessmentDate(date, now);
  } catch (err) {
    return err;
  }
  return undefined;
};

describe('the assessment date window', () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it('accepts no date (today) and any day from one year before to one year after the service clock', () => {
    for (const date of [undefined, '2025-12-06', '2026-01-01', '2026-12-06', '2027-12-06']) expect(() => checkAssessmentDate(date, now)).not.toThrow();
  });

  it('refuses backdating and far-future dates with the field and the window it must be in', () => {
    for (const date of ['0000-01-01', '2025-12-05', '2027-12-07', '9999-12-31']) {
      const err = refusal(date, now);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).details).toEqual({ errors: [{ pointer: '/body/assessmentDate', reason: 'must be between 2025-12-06 and 2027-12-06 (one year either side of today)' }] });
    }
  });

  it('moves with the clock it is given, not a fixed date', () => {
    expect(() => checkAssessmentDate('2030-06-01', new Date('2030-01-01T00:00:00Z'))).not.toThrow();
    expect(refusal('2026-12-06', new Date('2030-01-01T00:00:00Z'))).toBeInstanceOf(DomainError);
  });
});
