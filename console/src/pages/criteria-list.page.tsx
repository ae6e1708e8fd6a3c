import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { download } from '../api/download';
import { ApiError } from '../api/problem';
import type { Criterion } from '../api/types';
import { ConfidenceBadge } from '../components/badges';
import { SelectField, TextField } from '../components/fields';
import { Loading, PageHeading, Pager, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { enumOf, loadContract } from '../lib/contract';
import { href, navigate, type Route } from '../lib/router';
import { useAsync } from '../lib/use-async';

const FILTERS = ['set', 'category', 'level', 'stage', 'theme', 'type'] as const;
type Filter = (typeof FILTERS)[number];
const ENUM_OF: Record<Exclude<Filter, 'set'>, string> = { category: 'ProductCategory', level: 'AmbitionLevel', stage: 'Stage', theme: 'Theme', type: 'CriterionType' };
const LABEL_GROUP: Partial<Record<Filter, string>> = { category: 'category', level: 'level', stage: 'stage', type: 'type' };
const PAGE_SIZE = 50;

/** The filters live in the URL fragment, so a selection can be bookmarked and shared. */
export function CriteriaListPage({ route }: { route: Route }) {
  const q = route.query.get('q') ?? '';
  const page = Number(route.query.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(FILTERS.map((f) => [f, route.query.get(f) ?? ''])) as Record<Filter, string>;
  const [text, setText] = useState(q);
  const [exportError, setExportError] = useState<ApiError>();
  const setQuery = (changes: Record<string, string>) => navigate(href('criteria', { ...filters, q, ...changes, page: changes.page ?? '' }));
  const params = { ...Object.fromEntries(FILTERS.filter((f) => filters[f]).map((f) => [f, [filters[f]]])), ...(q ? { q } : {}) };

  const meta = useAsync(async () => ({ doc: await loadContract(), sets: await unwrap(api.GET('/api/v1/criterion-sets')) }), 'meta');
  const list = useAsync(() => unwrap(api.GET('/api/v1/criteria', { params: { query: { ...params, page, pageSize: PAGE_SIZE } as never } })), route.query.toString());

  const exportAs = (format: 'csv' | 'ocds' | 'json') => {
    const query = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params) as [string, string | string[]][]) for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
    setExportError(undefined);
    void download(`/api/v1/criteria/export?${query}`, `criteria.${format === 'csv' ? 'csv' : 'json'}`).catch((e: unknown) => e instanceof ApiError && setExportError(e));
  };

  const options = (f: Filter) => {
    const values = f === 'set' ? (meta.data?.sets.items.map((s) => s.id) ?? []) : meta.data ? enumOf(meta.data.doc, ENUM_OF[f]) : [];
    const group = LABEL_GROUP[f];
    return [{ value: '', label: t('common.all') }, ...values.map((v) => ({ value: v, label: f === 'set' ? (meta.data?.sets.items.find((s) => s.id === v)?.title ?? v) : group ? label(group, v) : v }))];
  };

  return (
    <>
      <PageHeading title={t('criteria.title')}>{t('criteria.title')}</PageHeading>
      <form
        className="filters"
        role="search"
        aria-label={t('criteria.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text });
        }}
      >
        <TextField label={t('criteria.q')} type="search" value={text} onChange={setText} />
        {FILTERS.map((f) => (
          <SelectField key={f} label={t(`criteria.${f}`)} value={filters[f]} options={options(f)} onChange={(v) => setQuery({ [f]: v, q: text })} />
        ))}
        <div className="actions">
          <button type="submit">{t('common.search')}</button>
          <a className="button secondary" href={href('criteria')} onClick={() => setText('')}>
            {t('common.clear')}
          </a>
        </div>
      </form>
      {meta.error ? <ProblemAlert error={meta.error} /> : null}
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('criteria.results')}</h2>
        <div className="actions" role="group" aria-label={t('criteria.export')}>
          <span>{t('criteria.export')}:</span>
          <button type="button" className="secondary" onClick={() => exportAs('csv')}>{t('criteria.exportCsv')}</button>
          <button type="button" className="secondary" onClick={() => exportAs('ocds')}>{t('criteria.exportOcds')}</button>
          <button type="button" className="secondary" onClick={() => exportAs('json')}>{t('criteria.exportJson')}</button>
        </div>
        {exportError ? <ProblemAlert error={exportError} /> : null}
        {list.loading ? <Loading /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data ? <CriteriaTable items={list.data.items} total={list.data.total} /> : null}
        {list.data ? <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => setQuery({ page: String(p), q })} /> : null}
      </section>
    </>
  );
}

function CriteriaTable({ items, total }: { items: Criterion[]; total: number }) {
  if (!items.length) return <p>{t('criteria.empty')}</p>;
  return (
    <>
      <p role="status">{t('criteria.count', { total })}</p>
      <TableRegion name={t('criteria.results')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('criteria.col.id')}</th>
              <th scope="col">{t('criteria.col.type')}</th>
              <th scope="col">{t('criteria.col.level')}</th>
              <th scope="col">{t('criteria.col.set')}</th>
              <th scope="col">{t('criteria.col.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={`${c.setId}/${c.id}`}>
                <td>
                  <a href={href('criteria', c.id, { set: c.setId })}>{c.title}</a>
                  <br />
                  <small className="muted">{c.id}</small>
                </td>
                <td>{label('type', c.type)}</td>
                <td>{label('level', c.level)}</td>
                <td>{c.setId}</td>
                <td>
                  <ConfidenceBadge confidence={c.confidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
