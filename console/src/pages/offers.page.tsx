import { api, unwrap } from '../api/client';
import type { TenderProfile } from '../api/types';
import { SelectField } from '../components/fields';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { VerdictBadge } from '../components/badges';
import { t } from '../i18n/t';
import { loadContract } from '../lib/contract';
import { criteriaPaths, criteriaStatements, fieldSpecs } from '../lib/offer-fields';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { OfferForm } from './offer-form';
import { OfferUpload } from './offer-upload';

/** Choose a tender profile (the fragment's `profile`), then enter or upload offers for it. */
export function OffersPage({ profileId }: { profileId?: string }) {
  const profiles = useAsync(() => unwrap(api.GET('/api/v1/tender-profiles', { params: { query: { pageSize: 100 } } })), 'profiles');
  const items = (profiles.data?.items ?? []).filter((p) => !p.implicit).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeading title={t('offers.title')}>{t('offers.title')}</PageHeading>
      {profiles.loading ? <Loading /> : null}
      {profiles.error ? <ProblemAlert error={profiles.error} onRetry={profiles.reload} /> : null}
      {profiles.data && !items.length ? (
        <p>
          <a href={href('profiles', 'new')}>{t('offers.noProfile')}</a>
        </p>
      ) : null}
      {items.length ? (
        <SelectField
          label={t('offers.chooseProfile')}
          hint={t('offers.chooseProfileHint')}
          value={profileId ?? ''}
          options={[{ value: '', label: '—' }, ...items.map((p) => ({ value: p.id, label: `${p.title ?? p.tenderRef ?? p.id} (${p.category}, ${p.level})` }))]}
          onChange={(v) => navigate(href('offers', { profile: v }))}
        />
      ) : null}
      {profileId ? <OfferEntry key={profileId} profileId={profileId} /> : null}
    </>
  );
}

function OfferEntry({ profileId }: { profileId: string }) {
  const state = useAsync(async () => {
    const [profile, doc] = await Promise.all([unwrap(api.GET('/api/v1/tender-profiles/{profileId}', { params: { path: { profileId } } })), loadContract()]);
    const criteria = profile.criteria.map((pc) => pc.criterion);
    return { profile, doc, specs: fieldSpecs(doc, criteriaPaths(criteria)), statements: criteriaStatements(criteria) };
  }, profileId);
  if (state.loading) return <Loading />;
  if (state.error || !state.data) return state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null;
  const { profile, doc, specs, statements } = state.data;
  return (
    <>
      <OfferForm profile={profile} doc={doc} specs={specs} statements={statements} />
      <OfferUpload profile={profile} specs={specs} statements={statements} />
      <AssessedOffers profile={profile} />
    </>
  );
}

function AssessedOffers({ profile }: { profile: TenderProfile }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/assessments', { params: { query: { profileId: profile.id, pageSize: 100 } } })), profile.id);
  return (
    <section aria-labelledby="assessed">
      <h2 id="assessed">{t('offers.assessed')}</h2>
      {state.loading ? <Loading /> : null}
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {state.data && !state.data.items.length ? <p>{t('offers.noneAssessed')}</p> : null}
      {state.data?.items.length ? (
        <TableRegion name={t('offers.assessed')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ranking.col.supplier')}</th>
                <th scope="col">{t('ranking.col.offer')}</th>
                <th scope="col">{t('ranking.col.verdict')}</th>
                <th scope="col">{t('ranking.col.score')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={href('assessments', a.id)}>{a.supplier.name}</a>
                  </td>
                  <td>{a.offerId}</td>
                  <td>
                    <VerdictBadge compliant={a.summary.compliant} />
                  </td>
                  <td>{t('ranking.score', { points: a.summary.awardPoints, max: a.summary.awardMaxPoints, pct: a.summary.awardScorePct })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <p>
        <a href={href('ranking', { profile: profile.id })}>{t('profile.seeRanking')}</a>
      </p>
    </section>
  );
}
