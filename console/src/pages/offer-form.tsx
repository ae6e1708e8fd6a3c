import { useState } from 'react';
import { ApiError, networkError } from '../api/problem';
import type { Offer, TenderProfile } from '../api/types';
import { SelectField, TextField } from '../components/fields';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import { enumOf } from '../lib/contract';
import { convert, OfferInputError, place, prune } from '../lib/offer-build';
import type { ContractDocument, FieldSpec } from '../lib/offer-fields';
import { href, navigate } from '../lib/router';
import { submitOffer } from '../lib/submit-offer';
import { DeclaredField } from './declared-field';
import { ClaimRows, type Row } from './claim-rows';

interface Props {
  profile: TenderProfile;
  doc: ContractDocument;
  specs: readonly FieldSpec[];
  statements: readonly { id: string; text: string }[];
}

/** One offer with one item, asking only for what the profile's criteria read. */
export function OfferForm({ profile, doc, specs, statements }: Props) {
  const [base, setBase] = useState({ id: '', supplier: '', country: '', category: profile.category, manufacturer: '', model: '', quantity: '1', isRefurbished: '' });
  const [values, setValues] = useState<Record<string, string>>({});
  const [labels, setLabels] = useState<Row[]>([]);
  const [evidence, setEvidence] = useState<Row[]>([]);
  const [error, setError] = useState<ApiError | string>();
  const [busy, setBusy] = useState(false);
  const setB = (k: keyof typeof base) => (v: string) => setBase((b) => ({ ...b, [k]: v }));

  const build = (): Offer => {
    const offer = { id: base.id, tenderRef: profile.tenderRef, supplier: { name: base.supplier, country: base.country.toUpperCase() }, items: [] } as unknown as Offer;
    const item: Record<string, unknown> = { category: base.category, manufacturer: base.manufacturer, model: base.model, quantity: convert(base.quantity, { path: 'quantity', kind: 'integer' }, t('offers.quantity')), isRefurbished: convert(base.isRefurbished, { path: 'isRefurbished', kind: 'boolean' }, t('offers.refurbished')) };
    for (const spec of specs) place(offer, item, spec.path, convert(values[spec.path] ?? '', spec, spec.path));
    for (const s of statements) place(offer, item, `declarations.${s.id}`, convert(values[`declarations.${s.id}`] ?? '', { path: s.id, kind: 'boolean' }, s.id));
    const list = (text: string) => text.split(',').map((x) => x.trim()).filter(Boolean);
    item.ecolabels = labels.map((l) => ({ scheme: l.scheme, version: l.version, tier: l.tier, certificateId: l.certificateId, validUntil: l.validUntil, covers: { manufacturer: base.manufacturer, models: list(l.models ?? '') } }));
    item.evidence = evidence.map((e) => ({ kind: e.kind, ref: e.ref, covers: list(e.covers ?? '') }));
    offer.items = [item as never];
    return prune(offer) as Offer;
  };

  const submit = async () => {
    setError(undefined);
    let offer: Offer;
    try {
      offer = build();
    } catch (err) {
      if (err instanceof OfferInputError) return setError(err.message);
      throw err;
    }
    setBusy(true);
    try {
      const assessment = await submitOffer(profile.id, offer);
      navigate(href('assessments', assessment.id));
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError(err));
      setBusy(false);
    }
  };

  const categories = [profile.category, ...(profile.lotCategories ?? []), 'accessory'].filter((c, i, all) => all.indexOf(c) === i);
  return (
    <section aria-labelledby="by-form">
      <h2 id="by-form">{t('offers.byForm')}</h2>
      <form
        className="offer-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('offers.offer')}</legend>
          <TextField label={t('offers.supplierName')} value={base.supplier} onChange={setB('supplier')} required autoComplete="organization" />
          <TextField label={t('offers.supplierCountry')} value={base.country} onChange={setB('country')} pattern="[A-Za-z]{2}" />
          <TextField label={t('offers.offerId')} value={base.id} onChange={setB('id')} />
        </fieldset>
        <fieldset>
          <legend>{t('offers.item')}</legend>
          <SelectField label={t('offers.itemCategory')} value={base.category} options={categories.map((c) => ({ value: c, label: label('category', c) }))} onChange={setB('category')} />
          <TextField label={t('offers.manufacturer')} value={base.manufacturer} onChange={setB('manufacturer')} required />
          <TextField label={t('offers.model')} value={base.model} onChange={setB('model')} required />
          <TextField label={t('offers.quantity')} type="number" min={1} value={base.quantity} onChange={setB('quantity')} />
          <SelectField label={t('offers.refurbished')} value={base.isRefurbished} options={[{ value: '', label: t('common.notDeclared') }, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} onChange={setB('isRefurbished')} />
        </fieldset>
        {specs.length ? (
          <fieldset>
            <legend>{t('offers.declared')}</legend>
            <p className="hint">{t('offers.declaredHint')}</p>
            <div className="declared-grid">
              {specs.map((spec) => (
                <DeclaredField key={spec.path} spec={spec} value={values[spec.path] ?? ''} onChange={(v) => setValues((all) => ({ ...all, [spec.path]: v }))} />
              ))}
            </div>
          </fieldset>
        ) : null}
        {statements.length ? (
          <fieldset>
            <legend>{t('offers.statements')}</legend>
            {statements.map((s) => (
              <SelectField
                key={s.id}
                label={s.text}
                value={values[`declarations.${s.id}`] ?? ''}
                options={[{ value: '', label: t('common.notDeclared') }, { value: 'true', label: t('offers.affirm') }, { value: 'false', label: t('offers.deny') }]}
                onChange={(v) => setValues((all) => ({ ...all, [`declarations.${s.id}`]: v }))}
              />
            ))}
          </fieldset>
        ) : null}
        <ClaimRows kind="labels" rows={labels} onChange={setLabels} schemes={enumOf(doc, 'EcolabelScheme')} tiers={enumOf(doc, 'EcolabelTier')} evidenceKinds={[]} />
        <ClaimRows kind="evidence" rows={evidence} onChange={setEvidence} schemes={[]} tiers={[]} evidenceKinds={enumOf(doc, 'EvidenceKind')} />
        {error ? <ProblemAlert error={error} /> : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('offers.submitting') : t('offers.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
