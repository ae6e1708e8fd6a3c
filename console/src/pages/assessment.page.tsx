import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Assessment, CriterionResult } from '../api/types';
import { OutcomeBadge, VerdictBadge } from '../components/badges';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { ReportLink } from '../components/report-link';
import { label, t } from '../i18n/t';
import { href } from '../lib/router';
import { useAsync } from '../lib/use-async';

export function AssessmentPage({ id }: { id: string }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/assessments/{assessmentId}', { params: { path: { assessmentId: id } } })), id);
  if (state.loading) return <Loading />;
  if (state.error || !state.data) {
    return (
      <>
        <PageHeading title={id}>{id}</PageHeading>
        {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      </>
    );
  }
  return <AssessmentView a={state.data} />;
}

const evidenceList = (kinds: readonly string[]) => kinds.map((k) => label('evidence', k)).join(', ');

/** The assessment as the printable report shows it, with each result's verification state. */
function AssessmentView({ a }: { a: Assessment }) {
  const s = a.summary;
  const title = t('assessment.title', { supplier: a.supplier.name });
  const itemPrefix = (i: number | undefined) => (a.items.length > 1 && i !== undefined ? `#${i + 1} ` : '');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="muted">{t('assessment.meta', { offer: a.offerId, category: label('category', a.category), level: label('level', a.level), date: a.evaluatedAt.slice(0, 16).replace('T', ' ') })}</p>
      <p className="actions">
        <ReportLink id={a.id} format="html">{t('assessment.report')}</ReportLink>
        <ReportLink id={a.id} format="csv">{t('assessment.reportCsv')}</ReportLink>
        <a href={href('profiles', a.profileId)}>{t('assessment.profile')}</a>
        <a href={href('ranking', { profile: a.profileId })}>{t('assessment.ranking')}</a>
      </p>
      <section className="verdict" aria-labelledby="verdict">
        <h2 id="verdict">
          {t('assessment.verdict')}: <VerdictBadge compliant={s.compliant} />
        </h2>
        <ul>
          <li>{t('assessment.mandatory', { passed: s.mandatoryPassed, failed: s.mandatoryFailed, missing: s.mandatoryMissingEvidence, total: s.mandatoryTotal })}</li>
          <li>{t('assessment.award', { points: s.awardPoints, max: s.awardMaxPoints, pct: s.awardScorePct })}</li>
          {s.toVerify.length ? <li>{t('assessment.toVerifyCount', { count: s.toVerify.length })}</li> : null}
          {s.clausesRefused ? <li>{t('assessment.clausesRefused', { count: s.clausesRefused })}</li> : null}
          {s.conflicts ? <li>{t('assessment.conflictsCount', { count: s.conflicts })}</li> : null}
        </ul>
      </section>
      {a.items.map((item) => (
        <ItemResults key={item.itemIndex} item={item} />
      ))}
      {s.toVerify.length ? (
        <section aria-labelledby="to-verify">
          <h2 id="to-verify">{t('assessment.toVerify')}</h2>
          <p>{t('assessment.toVerifyHint')}</p>
          <ul>
            {s.toVerify.map((v, i) => (
              <li key={i}>
                {itemPrefix(v.itemIndex)}
                {v.criterionId} – {t('assessment.obtain', { evidence: evidenceList(v.acceptedEvidence) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.commitmentsToObtain.length ? (
        <section aria-labelledby="commitments">
          <h2 id="commitments">{t('assessment.commitments')}</h2>
          <ul>
            {s.commitmentsToObtain.map((m, i) => (
              <li key={i}>
                {m.criterionId}: {m.statement ?? m.property ?? ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.missingEvidence.length ? (
        <section aria-labelledby="missing">
          <h2 id="missing">{t('assessment.missing')}</h2>
          <ul>
            {s.missingEvidence.map((m, i) => (
              <li key={i}>
                {itemPrefix(m.itemIndex)}
                {m.criterionId}: {m.property ?? m.statement ?? m.ecolabel ?? ''} – {t('assessment.accepted', { evidence: evidenceList(m.acceptedEvidence) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function stateWords(r: CriterionResult): string {
  return [
    r.verification ? label('verification', r.verification) : '',
    r.pendingVerification ? t('assessment.pending', { evidence: evidenceList(r.verifyWith ?? []) }) : '',
    r.conflict ? t('assessment.conflict') : '',
    r.effectiveFrom ? t('assessment.appliesFrom', { date: r.effectiveFrom }) : '',
    r.effectiveUntil ? t('assessment.appliesUntil', { date: r.effectiveUntil }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

const observed = (r: CriterionResult) => Object.entries(r.observed ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('; ');

function ItemResults({ item }: { item: Assessment['items'][number] }) {
  const [showNa, setShowNa] = useState(false);
  const notApplicable = item.results.filter((r) => r.outcome === 'not_applicable').length;
  const rows = item.results.filter((r) => showNa || r.outcome !== 'not_applicable');
  const n = item.itemIndex + 1;
  return (
    <section aria-labelledby={`item-${n}`}>
      <h2 id={`item-${n}`}>{t('assessment.item', { n, manufacturer: item.manufacturer, model: item.model, category: label('category', item.category), quantity: item.quantity ?? 1 })}</h2>
      <TableRegion name={t('assessment.results', { n })}>
        <table className="results">
          <caption className="visually-hidden">{t('assessment.results', { n })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.col.criterion')}</th>
              <th scope="col">{t('assessment.col.type')}</th>
              <th scope="col">{t('assessment.col.outcome')}</th>
              <th scope="col">{t('assessment.col.declared')}</th>
              <th scope="col">{t('assessment.col.required')}</th>
              <th scope="col">{t('assessment.col.points')}</th>
              <th scope="col">{t('assessment.col.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.setId}/${r.criterionId}`} className={`row-${r.outcome}`}>
                <td>
                  <a href={href('criteria', r.criterionId, { set: r.setId })}>{r.criterionId}</a>
                  <br />
                  <small>{r.title}</small>
                </td>
                <td>{r.type}</td>
                <td>
                  <OutcomeBadge outcome={r.outcome} />
                  {stateWords(r) ? <small className="state">{stateWords(r)}</small> : null}
                </td>
                <td>{observed(r)}</td>
                <td>{r.expected ?? ''}</td>
                <td>{r.maxPoints !== undefined ? `${r.points ?? 0} / ${r.maxPoints}` : ''}</td>
                <td>
                  {(r.messages ?? []).map((m, i) => (
                    <small key={i} className="message">
                      {m}
                    </small>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {notApplicable ? (
        <label className="check">
          <input type="checkbox" checked={showNa} onChange={(e) => setShowNa(e.target.checked)} />
          <span>{t('assessment.showNa', { count: notApplicable })}</span>
        </label>
      ) : null}
    </section>
  );
}
