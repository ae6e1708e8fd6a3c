import { encodeCsv } from '../../domain/catalogue/export/csv.codec';
import type { Assessment } from '../../domain/compliance/assessment.types';
import type { CriterionResult } from '../../domain/compliance/compliance.types';
import type { TenderProfile } from '../../domain/compliance/tender-profile.types';

const esc = (value: string | number | undefined): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const VERDICT = { true: 'Compliant', false: 'Not compliant', undetermined: 'Undetermined – evidence missing' } as const;
const STATE = { declared: 'declared by the supplier', evidenced: 'evidenced', presumed: 'presumed by label', registry: 'checked in a registry' } as const;

/** How far the result is established, under the outcome. */
function stateOf(r: CriterionResult): string {
  const parts = [r.verification ? STATE[r.verification] : '', r.pendingVerification ? 'pending verification' : '', r.conflict ? 'conflicts with a label claim' : '', r.effectiveFrom ? `applies from ${r.effectiveFrom}` : ''];
  const text = parts.filter(Boolean).join(' · ');
  return text ? `<br><small>${esc(text)}</small>` : '';
}
const observed = (r: CriterionResult): string => Object.entries(r.observed ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('; ');

function sourceOf(profile: TenderProfile | undefined, r: CriterionResult): string {
  const c = profile?.criteria.find((pc) => pc.criterion.id === r.criterionId && pc.setId === r.setId)?.criterion;
  if (!c) return r.setId;
  return [c.source.document, c.source.clause, c.confidence !== 'verified' ? `(${c.confidence})` : ''].filter(Boolean).join(' ');
}

/** A one-page, printable report a procurement officer can read and file. Self-contained HTML. */
export function assessmentHtml(a: Assessment, profile?: TenderProfile): string {
  const s = a.summary;
  const rows = a.items.flatMap((item) =>
    item.results
      .filter((r) => r.outcome !== 'not_applicable')
      .map(
        (r) => `<tr class="${r.outcome}"><td>${a.items.length > 1 ? `#${item.itemIndex + 1} ` : ''}${esc(r.criterionId)}<br><small>${esc(r.title)}</small></td>` +
          `<td>${esc(r.type)}</td><td><b>${esc(r.outcome.replace('_', ' '))}</b>${stateOf(r)}</td>` +
          `<td>${esc(observed(r))}</td><td>${esc(r.expected)}</td><td>${r.maxPoints !== undefined ? `${r.points ?? 0} / ${r.maxPoints}` : ''}</td>` +
          `<td><small>${esc(sourceOf(profile, r))}</small></td></tr>`,
      ),
  );
  const item = (i: number | undefined) => (a.items.length > 1 && i !== undefined ? `#${i + 1} ` : '');
  const missing = s.missingEvidence.map((m) => `<li>${item(m.itemIndex)}${esc(m.criterionId)}: ${esc(m.property ?? m.statement ?? m.ecolabel ?? '')} – accepted: ${esc(m.acceptedEvidence.join(', '))}</li>`);
  const toVerify = s.toVerify.map((v) => `<li>${item(v.itemIndex)}${esc(v.criterionId)} – obtain: ${esc(v.acceptedEvidence.join(', '))}</li>`);
  const commitments = s.commitmentsToObtain.map((m) => `<li>${esc(m.criterionId)}: ${esc(m.statement ?? m.property ?? '')}</li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Assessment ${esc(a.id)}</title>
<style>
body{font:11px/1.35 system-ui,sans-serif;margin:1.5cm}h1{font-size:16px;margin:0 0 4px}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:3px 4px;vertical-align:top;text-align:left}th{background:#eee}
.fail td{background:#fde2e2}.evidence_missing td{background:#fff4cc}.pass td{background:#e6f4e6}
.verdict{font-size:14px;font-weight:bold}@page{size:A4 landscape;margin:1cm}
</style></head><body>
<h1>Sustainability compliance assessment</h1>
<p>Supplier <b>${esc(a.supplier.name)}</b> · offer ${esc(a.offerId)}${a.tenderRef ? ` · tender ${esc(a.tenderRef)}` : ''} · ${esc(a.category)} at ${esc(a.level)} level ·
criteria ${esc(a.criterionSets.map((c) => `${c.id} (${c.version})`).join(', '))} · assessed ${esc(a.evaluatedAt)} (labels valid on ${esc(a.assessmentDate)})</p>
<p class="verdict">${VERDICT[String(s.compliant) as keyof typeof VERDICT]} · mandatory: ${s.mandatoryPassed} passed, ${s.mandatoryFailed} failed, ${s.mandatoryMissingEvidence} missing evidence of ${s.mandatoryTotal} ·
award: ${s.awardPoints} / ${s.awardMaxPoints} points (${s.awardScorePct} %)${s.toVerify.length ? ` · ${s.toVerify.length} to verify before award` : ''}${s.clausesRefused ? ` · ${s.clausesRefused} contract clause(s) refused` : ''}</p>
<table><thead><tr><th>Criterion</th><th>Type</th><th>Outcome</th><th>Declared</th><th>Required</th><th>Points</th><th>Source</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${toVerify.length ? `<h2>To verify before award (${toVerify.length})</h2><p>These passes rest on the supplier's declaration, which the criterion does not accept as proof.</p><ul>${toVerify.join('')}</ul>` : ''}
${commitments.length ? `<h2>Commitments to obtain before signing</h2><ul>${commitments.join('')}</ul>` : ''}
${s.conflicts > 0 ? `<p><b>${s.conflicts} declared value(s) contradict a label claim</b>: the declared values decided; ask the supplier to explain.</p>` : ''}
${missing.length ? `<h2>Missing evidence</h2><ul>${missing.join('')}</ul>` : ''}
<p><small>Assessment ${esc(a.id)}, profile ${esc(a.profileId)}. Generated by the Procurement Sustainability Building Block.</small></p>
</body></html>
`;
}

export function assessmentCsv(a: Assessment): string {
  const header = ['assessmentId', 'offerId', 'supplier', 'itemIndex', 'criterionId', 'setId', 'type', 'outcome', 'verification', 'pendingVerification', 'conflict', 'via', 'observed', 'expected', 'points', 'maxPoints', 'messages'];
  const rows = a.items.flatMap((item) =>
    item.results.map((r) => [
      a.id, a.offerId, a.supplier.name, String(item.itemIndex), r.criterionId, r.setId, r.type, r.outcome, r.verification ?? '', r.pendingVerification ? 'yes' : '', r.conflict ? 'yes' : '',
      r.via ?? '', observed(r), r.expected ?? '', r.points === undefined ? '' : String(r.points), r.maxPoints === undefined ? '' : String(r.maxPoints), (r.messages ?? []).join(' | '),
    ]),
  );
  return encodeCsv([header, ...rows]);
}
