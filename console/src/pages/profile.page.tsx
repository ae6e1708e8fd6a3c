import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { TenderProfile } from '../api/types';
import { ConfidenceBadge } from '../components/badges';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { href } from '../lib/router';
import { tenderText } from '../lib/tender-text';
import { useAsync } from '../lib/use-async';

export function ProfilePage({ id }: { id: string }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/tender-profiles/{profileId}', { params: { path: { profileId: id } } })), id);
  if (state.loading) return <Loading />;
  if (state.error || !state.data) {
    return (
      <>
        <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
        {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      </>
    );
  }
  return <ProfileView p={state.data} />;
}

function ProfileView({ p }: { p: TenderProfile }) {
  const name = p.title ?? p.tenderRef ?? t('profiles.untitled');
  return (
    <>
      <PageHeading title={name}>{name}</PageHeading>
      <p className="actions">
        <a className="button" href={href('offers', { profile: p.id })}>
          {t('profile.submitOffers')}
        </a>
        <a className="button secondary" href={href('ranking', { profile: p.id })}>
          {t('profile.seeRanking')}
        </a>
      </p>
      <section aria-labelledby="profile-facts">
        <h2 id="profile-facts">{t('profile.facts')}</h2>
        <dl className="facts">
          {p.tenderRef ? (
            <>
              <dt>{t('builder.tenderRef')}</dt>
              <dd>{p.tenderRef}</dd>
            </>
          ) : null}
          <dt>{t('builder.category')}</dt>
          <dd>{[p.category, ...(p.lotCategories ?? [])].map((c) => label('category', c)).join(', ')}</dd>
          <dt>{t('builder.level')}</dt>
          <dd>{label('level', p.level)}</dd>
          <dt>{t('builder.supply')}</dt>
          <dd>{label('supply', p.supply ?? 'both')}</dd>
          <dt>{t('profile.sets')}</dt>
          <dd>{p.criterionSets.map((s) => `${s.id} (${s.version})`).join(', ')}</dd>
          {p.deliveryDate ? (
            <>
              <dt>{t('builder.deliveryDate')}</dt>
              <dd>{p.deliveryDate}</dd>
            </>
          ) : null}
          {p.contractEndDate ? (
            <>
              <dt>{t('builder.contractEndDate')}</dt>
              <dd>{p.contractEndDate}</dd>
            </>
          ) : null}
          {p.country ? (
            <>
              <dt>{t('builder.country')}</dt>
              <dd>{p.country}</dd>
            </>
          ) : null}
        </dl>
        <p className="muted">{t('profile.created', { date: p.createdAt.slice(0, 10), who: p.createdBy })}</p>
      </section>
      <section aria-labelledby="frozen">
        <h2 id="frozen">{t('profile.frozen', { count: p.criteriaCount })}</h2>
        <TableRegion name={t('profile.frozen', { count: p.criteriaCount })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('criteria.col.id')}</th>
                <th scope="col">{t('criteria.col.type')}</th>
                <th scope="col">{t('profile.col.mandatory')}</th>
                <th scope="col">{t('profile.col.points')}</th>
                <th scope="col">{t('profile.col.values')}</th>
                <th scope="col">{t('criteria.col.confidence')}</th>
              </tr>
            </thead>
            <tbody>
              {p.criteria.map((pc) => (
                <tr key={`${pc.setId}/${pc.criterion.id}`}>
                  <td>
                    <a href={href('criteria', pc.criterion.id, { set: pc.setId })}>{pc.criterion.title}</a>
                    <br />
                    <small className="muted">{pc.criterion.id}</small>
                  </td>
                  <td>{label('type', pc.criterion.type)}</td>
                  <td>{pc.mandatory ? t('common.yes') : t('common.no')}</td>
                  <td>{pc.maxPoints ?? ''}</td>
                  <td>{Object.entries(pc.parameters).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ')}</td>
                  <td>
                    <ConfidenceBadge confidence={pc.criterion.confidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
      <TenderText profile={p} />
    </>
  );
}

function TenderText({ profile }: { profile: TenderProfile }) {
  const text = tenderText(profile);
  const [status, setStatus] = useState('');
  const copy = () =>
    // The clipboard exists only on secure origins (https, localhost); the text area is always there.
    (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'))).then(
      () => setStatus(t('common.copied')),
      () => setStatus(t('common.copyFailed')),
    );
  return (
    <section aria-labelledby="tender-text">
      <h2 id="tender-text">{t('profile.tenderText')}</h2>
      <p id="tender-text-hint">{t('profile.tenderTextHint')}</p>
      <textarea readOnly aria-labelledby="tender-text" aria-describedby="tender-text-hint" rows={14} value={text} />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('profile.copyText')}
        </button>
        <span role="status">{status}</span>
      </div>
    </section>
  );
}
