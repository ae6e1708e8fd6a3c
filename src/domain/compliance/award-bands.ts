/**
 * Award bands: the first band (best first) that the declared data prove wins. A better band left
 * open by undeclared data earns nothing, as in any award procedure (what is not shown does not
 * score); the result says what would have been needed for it.
 */
import type { CriterionDefinition } from '../catalogue/catalogue.types';
import { evaluateRule, type RuleScope, type RuleTrace, type Truth } from './rule.engine';

export function scoreBands(c: CriterionDefinition, scope: RuleScope, trace: RuleTrace, messages: string[]): [Truth, number] {
  const bands = c.scoring?.bands ?? [];
  const open: number[] = [];
  const start = trace.missing.length;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    if (band === undefined) continue;
    const t = evaluateRule(band.when, scope, trace);
    if (t === 'unknown') open.push(i + 1);
    else if (t) {
      const pct = Math.round(band.fractionOfMax * 1000) / 10;
      messages.push(`band ${i + 1} of ${bands.length}${band.label !== undefined ? ` (${band.label})` : ''}: ${pct} % of the points`);
      if (open.length > 0) messages.push(`band${open.length > 1 ? 's' : ''} ${open.join(', ')} could not be checked (not declared) and earn${open.length > 1 ? '' : 's'} nothing`);
      // Scored on what was shown: the open bands' missing data do not make the score unknown.
      trace.missing.length = start;
      return [true, band.fractionOfMax];
    }
  }
  if (open.length === 0) messages.push('no scoring band is met');
  return [open.length > 0 ? 'unknown' : false, 0];
}
