import { api, unwrap } from '../api/client';
import { Loading, PageHeading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { href } from '../lib/router';
import { useAsync } from '../lib/use-async';

export function ProfilesListPage() {
  return (
    <>
      <PageHeading title={t('profiles.title')}>{t('profiles.title')}</PageHeading>
      <p>
        <a className="button" href={href('profiles', 'new')}>
          {t('profiles.new')}
        </a>
      </p>
      <ProfilesTable />
    </>
  );
}

/** The organisation's tender profiles, newest first (profiles made implicitly by inline checks left out). */
export function ProfilesTable({ limit }: { limit?: number }) {
  const state = useAsync(() => unwrap(api.GET('/api/v1/tender-profiles', { params: { query: { pageSize: 100 } } })), 'profiles');
  if (state.loading) return <Loading />;
  if (state.error) return <ProblemAlert error={state.error} onRetry={state.reload} />;
  const items = (state.data?.items ?? []).filter((p) => !p.implicit).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  if (!items.length) return <p>{t('profiles.empty')}</p>;
  return (
    <TableRegion name={t('profiles.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('profiles.col.title')}</th>
            <th scope="col">{t('profiles.col.category')}</th>
            <th scope="col">{t('profiles.col.level')}</th>
            <th scope="col">{t('profiles.col.criteria')}</th>
            <th scope="col">{t('profiles.col.created')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={href('profiles', p.id)}>{p.title ?? p.tenderRef ?? t('profiles.untitled')}</a>
                {p.tenderRef && p.title ? <small className="muted"> {p.tenderRef}</small> : null}
              </td>
              <td>{label('category', p.category)}</td>
              <td>{label('level', p.level)}</td>
              <td>{p.criteriaCount}</td>
              <td>{p.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
