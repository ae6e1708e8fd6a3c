import { api, unwrap } from '../api/client';
import type { Criterion } from '../api/types';
import { ConfidenceBadge } from '../components/badges';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { href } from '../lib/router';
import { safeUrl } from '../lib/safe-url';
import { comparisons, operatorWords, ruleWords, thresholdWords } from '../lib/rule-words';
import { useAsync } from '../lib/use-async';

export function CriterionPage({ id, set }: { id: string; set?: string }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/criteria/{criterionId}', { params: { path: { criterionId: id }, query: set ? { set } : {} } })), `${id}/${set ?? ''}`);
  return (
    <>
      <p>
        <a href={href('criteria')}>{t('criterion.backToList')}</a>
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? (
        <>
          <PageHeading title={id}>{id}</PageHeading>
          <ProblemAlert error={state.error} onRetry={state.reload} />
        </>
      ) : null}
      {state.data ? <CriterionView c={state.data} /> : null}
    </>
  );
}

/** A link to a source, only for http(s) addresses; otherwise the text alone. */
function ExternalLink({ url, children }: { url: string | undefined; children: React.ReactNode }) {
  const safe = safeUrl(url);
  return safe ? (
    <a href={safe} rel="noreferrer noopener" target="_blank">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CriterionView({ c }: { c: Criterion }) {
  const thresholds = [...comparisons(c.rule), ...(c.scoring?.bands.flatMap((b) => comparisons(b.when)) ?? [])];
  const dates = [c.effectiveFrom ? t('criterion.from', { date: c.effectiveFrom }) : '', c.effectiveUntil ? t('criterion.until', { date: c.effectiveUntil }) : ''].filter(Boolean).join(' ');
  const presumptions = c.verification.presumptionByLabel ?? [];
  return (
    <article className="criterion">
      <PageHeading title={c.title}>{c.title}</PageHeading>
      <p className="lead">{c.summary}</p>
      <p>
        <ConfidenceBadge confidence={c.confidence} /> <span className="muted">{c.id}</span>
      </p>
      <section aria-labelledby="facts">
        <h2 id="facts">{t('criterion.facts')}</h2>
        <dl className="facts">
          <Fact name={t('criterion.set')}>{`${c.setId} (${c.setVersion}, ${c.setStatus})`}</Fact>
          {c.sourceCode ? <Fact name={t('criterion.sourceCode')}>{c.sourceCode}</Fact> : null}
          <Fact name={t('criterion.type')}>{label('type', c.type)}</Fact>
          <Fact name={t('criterion.stage')}>{label('stage', c.stage)}</Fact>
          <Fact name={t('criterion.level')}>{label('level', c.level)}</Fact>
          <Fact name={t('criterion.theme')}>{c.theme}</Fact>
          <Fact name={t('criterion.scope')}>{c.scope}</Fact>
          <Fact name={t('criterion.appliesTo')}>{c.appliesTo.categories.map((x) => label('category', x)).join(', ')}</Fact>
          <Fact name={t('criterion.supply')}>{label('supply', c.appliesTo.supply ?? 'any')}</Fact>
          {c.appliesTo.condition ? <Fact name={t('criterion.condition')}>{ruleWords(c.appliesTo.condition, c.statements)}</Fact> : null}
          <Fact name={t('criterion.dates')}>{dates || t('criterion.always')}</Fact>
        </dl>
      </section>
      <section aria-labelledby="rule">
        <h2 id="rule">{t('criterion.rule')}</h2>
        <p className="rule">{c.rule ? ruleWords(c.rule, c.statements) : c.scoring ? '' : t('criterion.noRule')}</p>
        {c.scoring ? (
          <>
            <h3>{t('criterion.scoring')}</h3>
            <p>{typeof c.scoring.maxPoints === 'number' ? t('criterion.maxPoints', { points: c.scoring.maxPoints }) : t('criterion.procurerPoints')}</p>
            <ol>
              {c.scoring.bands.map((b, i) => (
                <li key={i}>{t('criterion.band', { pct: Math.round(b.fractionOfMax * 100), rule: ruleWords(b.when, c.statements) })}</li>
              ))}
            </ol>
          </>
        ) : null}
        {thresholds.length ? (
          <TableRegion name={t('criterion.thresholds')}>
            <table>
              <caption>{t('criterion.thresholds')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('criterion.property')}</th>
                  <th scope="col">{t('criterion.operator')}</th>
                  <th scope="col">{t('criterion.value')}</th>
                  <th scope="col">{t('criterion.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {thresholds.map((x, i) => (
                  <tr key={i}>
                    <td><code>{x.property}</code></td>
                    <td>{operatorWords(x)}</td>
                    <td>{thresholdWords(x)}</td>
                    <td>{x.unit ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
        {c.parameters?.length ? (
          <>
            <h3>{t('criterion.parameters')}</h3>
            <ul>
              {c.parameters.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code>: {p.description}
                  {p.unit ? ` (${p.unit})` : ''}
                  {p.default !== undefined ? `, ${t('criterion.parameterDefault', { value: String(p.default) })}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {c.statements?.length ? (
          <>
            <h3>{t('criterion.statements')}</h3>
            <ul>
              {c.statements.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <VerificationSection c={c} presumptions={presumptions} />
      <SourceSection c={c} />
    </article>
  );
}

function VerificationSection({ c, presumptions }: { c: Criterion; presumptions: NonNullable<Criterion['verification']['presumptionByLabel']> }) {
  const v = c.verification;
  return (
    <section aria-labelledby="verification">
      <h2 id="verification">{t('criterion.verification')}</h2>
      <dl className="facts">
        <Fact name={t('criterion.acceptedEvidence')}>{v.acceptedEvidence.map((e) => label('evidence', e)).join(', ')}</Fact>
        {v.testStandards?.length ? <Fact name={t('criterion.testStandards')}>{v.testStandards.join('; ')}</Fact> : null}
        {v.accreditation ? <Fact name={t('criterion.accreditation')}>{v.accreditation}</Fact> : null}
      </dl>
      <p>{v.equivalentAccepted ? t('criterion.equivalent') : t('criterion.notEquivalent')}</p>
      <h3>{t('criterion.labels')}</h3>
      {presumptions.length ? (
        <ul>
          {presumptions.map((p, i) => (
            <li key={i}>
              {t('criterion.label', { scheme: p.scheme, version: p.minVersion })}
              {p.minTier ? t('criterion.labelTier', { tier: p.minTier }) : ''}
              <blockquote cite={safeUrl(p.basis.url)}>
                <p>{p.basis.quote}</p>
                <footer>
                  {t('criterion.labelBasis')}: <ExternalLink url={p.basis.url}>{p.basis.clause ?? p.basis.url}</ExternalLink>
                </footer>
              </blockquote>
              {p.note ? <p>{p.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('criterion.labelsNone')}</p>
      )}
    </section>
  );
}

function SourceSection({ c }: { c: Criterion }) {
  return (
    <section aria-labelledby="source">
      <h2 id="source">{t('criterion.source')}</h2>
      <p>
        {[c.source.document, c.source.clause].filter(Boolean).join(', ')}
        {safeUrl(c.source.url) ? (
          <>
            {' · '}
            <ExternalLink url={c.source.url}>{t('criterion.sourceLink')}</ExternalLink>
          </>
        ) : null}
      </p>
      <p>
        {t('criterion.confidence')}: <ConfidenceBadge confidence={c.confidence} />
      </p>
      <h3>{t('criterion.review')}</h3>
      {c.review?.passages.length ? (
        c.review.passages.map((p, i) => (
          <blockquote key={i} cite={safeUrl(p.url)}>
            <p>{p.quote}</p>
            <footer>
              <ExternalLink url={p.url}>{p.clause ?? p.url}</ExternalLink>
              {', '}
              {t('criterion.readOn', { date: p.readOn, text: p.text })}
              {p.supports?.length ? `; ${t('criterion.supports', { what: p.supports.join(', ') })}` : ''}
            </footer>
          </blockquote>
        ))
      ) : (
        <p>{t('criterion.noReview')}</p>
      )}
      {c.review?.missing ? (
        <p>
          <strong>{t('criterion.missing')}:</strong> {c.review.missing}
        </p>
      ) : null}
      {c.review?.reviewedOn ? <p className="muted">{t('criterion.reviewedOn', { date: c.review.reviewedOn })}</p> : null}
      {c.notes ? (
        <>
          <h3>{t('criterion.notes')}</h3>
          <p className="notes">{c.notes}</p>
        </>
      ) : null}
      {c.references?.length ? (
        <>
          <h3>{t('criterion.references')}</h3>
          <ul>
            {c.references.map((r, i) => (
              <li key={i}><ExternalLink url={r.url}>{r.title}</ExternalLink>{r.clause ? `, ${r.clause}` : ''}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
