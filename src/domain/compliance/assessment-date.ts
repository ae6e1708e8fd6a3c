import { invalid } from '../errors';

/**
 * How far the day ecolabel claims are judged on may lie from today (the service clock, UTC).
 * Labels expire: an assessment dated years back would accept a label that lapsed long ago
 * ("backdating"), and one dated far ahead would refuse labels valid for the whole contract. One
 * year either way covers re-assessing last year's tender and preparing next year's.
 */
export const ASSESSMENT_DATE_WINDOW_YEARS = { past: 1, future: 1 } as const;

const shiftYears = (day: Date, years: number): string => {
  const shifted = new Date(day);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return shifted.toISOString().slice(0, 10);
};

/** Refuses (400, naming the field) an assessment date outside the window around `now`. */
export function checkAssessmentDate(assessmentDate: string | undefined, now: Date): void {
  if (assessmentDate === undefined) return;
  const earliest = shiftYears(now, -ASSESSMENT_DATE_WINDOW_YEARS.past);
  const latest = shiftYears(now, ASSESSMENT_DATE_WINDOW_YEARS.future);
  // ISO dates (YYYY-MM-DD, checked by the contract) compare as strings.
  if (assessmentDate < earliest || assessmentDate > latest) {
    throw invalid('The assessment date is outside the accepted window', [
      { pointer: '/body/assessmentDate', reason: `must be between ${earliest} and ${latest} (one year either side of today)` },
    ]);
  }
}
