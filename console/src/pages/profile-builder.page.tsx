import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { ApiError, networkError } from '../api/problem';
import type { Criterion, ParameterValue, TenderProfileRequest } from '../api/types';
import { CheckboxGroup, SelectField, TextField } from '../components/fields';
import { PageHeading } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { enumOf, loadContract } from '../lib/contract';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { CandidateTable, type Choices } from './profile-candidates';

type Form = {
  tenderRef: string;
  title: string;
  category: string;
  level: string;
  supply: string;
  lotCategories: string[];
  deliveryDate: string;
  contractEndDate: string;
  country: string;
  scoreAggregation: string;
  setIds: string[];
};

function parameterValue(raw: string, type: string): ParameterValue | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true';
  if (type === 'stringArray') return text.split(',').map((s) => s.trim()).filter(Boolean);
  return text;
}

/** The request body: only what the officer set, so the service's defaults apply to the rest. */
export function profileRequest(form: Form, choices: Choices, candidates: readonly Criterion[]): TenderProfileRequest {
  const pick = (c: 'include' | 'exclude') => Object.keys(choices.selection).filter((id) => choices.selection[id] === c);
  const parameters: Record<string, Record<string, ParameterValue>> = {};
  for (const c of candidates) {
    for (const p of c.parameters ?? []) {
      const value = parameterValue(choices.parameters[c.id]?.[p.name] ?? '', p.type);
      if (value !== undefined) (parameters[c.id] ??= {})[p.name] = value;
    }
  }
  const awardWeights = Object.fromEntries(Object.entries(choices.weights).filter(([, w]) => w.trim() !== '').map(([id, w]) => [id, Number(w)]));
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body = {
    tenderRef: optional(form.tenderRef),
    title: optional(form.title),
    criterionSetIds: form.setIds,
    category: form.category,
    level: form.level,
    supply: form.supply,
    scoreAggregation: form.scoreAggregation,
    lotCategories: form.lotCategories.length ? form.lotCategories : undefined,
    deliveryDate: optional(form.deliveryDate),
    contractEndDate: optional(form.contractEndDate),
    country: optional(form.country.toUpperCase()),
    include: pick('include').length ? pick('include') : undefined,
    exclude: pick('exclude').length ? pick('exclude') : undefined,
    parameters: Object.keys(parameters).length ? parameters : undefined,
    awardWeights: Object.keys(awardWeights).length ? awardWeights : undefined,
  };
  return JSON.parse(JSON.stringify(body)) as TenderProfileRequest;
}

export function ProfileBuilderPage() {
  const [form, setForm] = useState<Form>({ tenderRef: '', title: '', category: 'notebook', level: 'core', supply: 'both', lotCategories: [], deliveryDate: '', contractEndDate: '', country: '', scoreAggregation: 'quantityWeighted', setIds: [] });
  const [choices, setChoices] = useState<Choices>({ selection: {}, weights: {}, parameters: {} });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const meta = useAsync(async () => ({ doc: await loadContract(), sets: (await unwrap(api.GET('/api/v1/criterion-sets'))).items.filter((s) => s.status === 'published') }), 'builder-meta');
  const sets = meta.data?.sets.filter((s) => s.productCategories?.includes(form.category as never)) ?? [];
  const setKey = sets.map((s) => s.id).join(',');
  // A newcomer gets every published set for the category; unticking narrows it.
  useEffect(() => setForm((f) => ({ ...f, setIds: setKey ? setKey.split(',') : [] })), [setKey]);

  const categories = [form.category, ...form.lotCategories];
  const candidates = useAsync(
    () => (form.setIds.length ? unwrap(api.GET('/api/v1/criteria', { params: { query: { set: form.setIds, category: categories as never, pageSize: 200 } } })).then((p) => p.items) : Promise.resolve([])),
    `${form.setIds.join(',')}|${categories.join(',')}`,
  );

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const profile = await unwrap(api.POST('/api/v1/tender-profiles', { body: profileRequest(form, choices, candidates.data ?? []) }));
      navigate(href('profiles', profile.id));
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError(err));
      setBusy(false);
    }
  };

  const enumOptions = (name: string, group: string) => (meta.data ? enumOf(meta.data.doc, name) : []).map((v) => ({ value: v, label: label(group, v) }));
  return (
    <>
      <PageHeading title={t('builder.title')}>{t('builder.title')}</PageHeading>
      <p>{t('builder.intro')}</p>
      {meta.error ? <ProblemAlert error={meta.error} onRetry={meta.reload} /> : null}
      <form
        className="builder"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('builder.tender')}</legend>
          <TextField label={t('builder.tenderRef')} value={form.tenderRef} onChange={(v) => set('tenderRef', v)} />
          <TextField label={t('builder.tenderTitle')} value={form.title} onChange={(v) => set('title', v)} />
        </fieldset>
        <fieldset>
          <legend>{t('builder.what')}</legend>
          <SelectField label={t('builder.category')} value={form.category} options={enumOptions('ProductCategory', 'category')} onChange={(v) => set('category', v)} />
          <SelectField label={t('builder.level')} value={form.level} options={enumOptions('AmbitionLevel', 'level').filter((o) => o.value !== 'recommended')} onChange={(v) => set('level', v)} />
          <SelectField label={t('builder.supply')} value={form.supply} options={['both', 'new', 'refurbished'].map((v) => ({ value: v, label: t(`builder.supply.${v}` as never) }))} onChange={(v) => set('supply', v)} />
          <SelectField label={t('builder.scoreAggregation')} value={form.scoreAggregation} options={['quantityWeighted', 'mean'].map((v) => ({ value: v, label: label('aggregation', v) }))} onChange={(v) => set('scoreAggregation', v)} />
          <details>
            <summary>{t('builder.lotCategories')}</summary>
            <CheckboxGroup legend={t('builder.lotCategories')} options={enumOptions('ProductCategory', 'category').filter((o) => o.value !== form.category)} values={form.lotCategories} onChange={(v) => set('lotCategories', v)} />
          </details>
        </fieldset>
        <fieldset>
          <legend>{t('builder.dates')}</legend>
          <TextField label={t('builder.deliveryDate')} hint={t('builder.deliveryHint')} type="date" value={form.deliveryDate} onChange={(v) => set('deliveryDate', v)} />
          <TextField label={t('builder.contractEndDate')} type="date" value={form.contractEndDate} onChange={(v) => set('contractEndDate', v)} />
          <TextField label={t('builder.country')} value={form.country} pattern="[A-Za-z]{2}" autoComplete="country" onChange={(v) => set('country', v)} />
        </fieldset>
        {meta.data ? (
          sets.length ? (
            <CheckboxGroup legend={t('builder.sets')} hint={t('builder.setsHint')} options={sets.map((s) => ({ value: s.id, label: `${s.title} (${s.version})` }))} values={form.setIds} onChange={(v) => set('setIds', v)} />
          ) : (
            <p>{t('builder.noSets')}</p>
          )
        ) : null}
        <CandidateTable state={candidates} hasSets={form.setIds.length > 0} choices={choices} onChange={setChoices} />
        {error ? <ProblemAlert error={error} /> : null}
        <div className="actions">
          <button type="submit" disabled={busy || form.setIds.length === 0}>
            {busy ? t('builder.creating') : t('builder.create')}
          </button>
        </div>
      </form>
    </>
  );
}
