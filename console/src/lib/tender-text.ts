import type { CriterionType, TenderProfile } from '../api/types';
import { label, t } from '../i18n/t';
import { ruleWords } from './rule-words';

const ORDER: readonly CriterionType[] = ['SC', 'TS', 'AC', 'CPC', 'guidance'];

/**
 * The frozen criteria of a profile as plain text for the tender documents: grouped by type,
 * each with its requirement in words (with the buyer's values), points, accepted evidence and
 * source.
 */
export function tenderText(profile: TenderProfile): string {
  const lines: string[] = [t('text.header', { tender: profile.title ?? profile.tenderRef ?? profile.id })];
  lines.push(t('text.scope', { category: label('category', profile.category), level: label('level', profile.level), supply: label('supply', profile.supply ?? 'both') }));
  if (profile.deliveryDate) lines.push(t('text.delivery', { date: profile.deliveryDate }));
  for (const type of ORDER) {
    const group = profile.criteria.filter((pc) => pc.criterion.type === type);
    if (!group.length) continue;
    lines.push('', t(`text.section.${type}`));
    for (const pc of group) {
      const c = pc.criterion;
      lines.push('', `${c.id} – ${c.title}`, c.summary);
      if (c.rule) lines.push(t('text.requirement', { rule: ruleWords(c.rule, c.statements, pc.parameters) }));
      for (const s of c.statements ?? []) lines.push(t('text.statement', { text: s.text }));
      if (pc.maxPoints !== undefined) lines.push(t('text.points', { points: pc.maxPoints }));
      const evidence = c.verification.acceptedEvidence.map((e) => label('evidence', e)).join(', ');
      lines.push(t('text.evidence', { evidence, equivalent: c.verification.equivalentAccepted ? t('text.equivalent') : '' }));
      lines.push(t('text.source', { source: [c.source.document, c.source.clause, c.source.url].filter(Boolean).join(', ') }));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
