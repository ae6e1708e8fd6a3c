import { api, unwrap } from '../api/client';
import type { Ranking } from '../api/types';
import { VerdictBadge } from '../components/badges';
import { SelectField } from '../components/fields';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { ReportLink } from '../components/report-link';
import { t } from '../i18n/t';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';

export function RankingPage({ profileId }: { profileId?: string }) {
  const profiles = useAsync(() => unwrap(api.GET('/api/v1/tender-profiles', { params: { query: { pageSize: 100 } } })), 'profiles');
  const items = (profiles.data?.items ?? []).filter((p) => !p.implicit).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeading title={t('ranking.title')}>{t('ranking.title')}</PageHeading>
      <p>{t('ranking.intro')}</p>
      {profiles.error ? <ProblemAlert error={profiles.error} onRetry={profiles.reload} /> : null}
      {items.length ? (
        <SelectField
          label={t('offers.chooseProfile')}
          value={profileId ?? ''}
          options={[{ value: '', label: '—' }, ...items.map((p) => ({ value: p.id, label: `${p.title ?? p.tenderRef ?? p.id} (${p.category}, ${p.level})` }))]}
          onChange={(v) => navigate(href('ranking', { profile: v }))}
        />
      ) : null}
      {profileId ? <RankingTable key={profileId} profileId={profileId} /> : null}
    </>
  );
}

function RankingTable({ profileId }: { profileId: string }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/tender-profiles/{profileId}/ranking', { params: { path: { profileId } } })), profileId);
  if (state.loading) return <Loading />;
  if (state.error || !state.data) return state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null;
  return <RankingView r={state.data} />;
}

function RankingView({ r }: { r: Ranking }) {
  if (!r.entries.length) {
    return (
      <p>
        {t('ranking.empty')} <a href={href('offers', { profile: r.profileId })}>{t('profile.submitOffers')}</a>
      </p>
    );
  }
  return (
    <section aria-labelledby="ranking-table">
      <h2 id="ranking-table">{r.tenderRef ?? t('ranking.title')}</h2>
      <p className="muted">{t('ranking.generated', { date: r.generatedAt.slice(0, 16).replace('T', ' ') })}</p>
      <TableRegion name={t('ranking.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ranking.col.rank')}</th>
              <th scope="col">{t('ranking.col.supplier')}</th>
              <th scope="col">{t('ranking.col.verdict')}</th>
              <th scope="col">{t('ranking.col.score')}</th>
              <th scope="col">{t('ranking.col.toVerify')}</th>
              <th scope="col">{t('ranking.col.reason')}</th>
              <th scope="col">{t('ranking.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {r.entries.map((e) => (
              <tr key={e.assessmentId}>
                <td>{e.rank}</td>
                <td>
                  {e.supplierName}
                  <br />
                  <small className="muted">{e.offerId}</small>
                </td>
                <td>
                  <VerdictBadge compliant={e.compliant} />
                </td>
                <td>{t('ranking.score', { points: e.awardPoints, max: e.awardMaxPoints, pct: e.awardScorePct })}</td>
                <td>{e.pendingVerification}</td>
                <td className="reason">{e.reason}</td>
                <td>
                  <a href={href('assessments', e.assessmentId)} aria-label={`${t('ranking.assessment')}: ${e.supplierName}`}>
                    {t('ranking.assessment')}
                  </a>
                  <br />
                  <ReportLink id={e.assessmentId} format="html">{`${t('assessment.report')}`}</ReportLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
