import { SelectField, TextField } from '../components/fields';
import { label, t } from '../i18n/t';

export type Row = Record<string, string>;

interface Props {
  kind: 'labels' | 'evidence';
  rows: Row[];
  onChange: (rows: Row[]) => void;
  schemes: string[];
  tiers: string[];
  evidenceKinds: string[];
}

/** Repeating rows for the item's label certificates or evidence documents. */
export function ClaimRows({ kind, rows, onChange, schemes, tiers, evidenceKinds }: Props) {
  const update = (i: number, key: string) => (value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const add = () => onChange([...rows, kind === 'labels' ? { scheme: schemes[0] ?? '', version: '', tier: '', certificateId: '', validUntil: '', models: '' } : { kind: evidenceKinds[0] ?? '', ref: '', covers: '' }]);
  return (
    <fieldset>
      <legend>{kind === 'labels' ? t('offers.labels') : t('offers.evidence')}</legend>
      {rows.map((row, i) => (
        <fieldset key={i} className="claim">
          <legend>{kind === 'labels' ? t('offers.label', { n: i + 1 }) : t('offers.evidenceN', { n: i + 1 })}</legend>
          {kind === 'labels' ? (
            <>
              <SelectField label={t('offers.scheme')} value={row.scheme ?? ''} options={schemes.map((s) => ({ value: s, label: s }))} onChange={update(i, 'scheme')} />
              <TextField label={t('offers.version')} value={row.version ?? ''} onChange={update(i, 'version')} />
              <SelectField label={t('offers.tier')} value={row.tier ?? ''} options={[{ value: '', label: t('common.none') }, ...tiers.map((s) => ({ value: s, label: s }))]} onChange={update(i, 'tier')} />
              <TextField label={t('offers.certificateId')} value={row.certificateId ?? ''} onChange={update(i, 'certificateId')} />
              <TextField label={t('offers.validUntil')} type="date" value={row.validUntil ?? ''} onChange={update(i, 'validUntil')} />
              <TextField label={t('offers.coversModels')} value={row.models ?? ''} onChange={update(i, 'models')} />
            </>
          ) : (
            <>
              <SelectField label={t('offers.evidenceKind')} value={row.kind ?? ''} options={evidenceKinds.map((s) => ({ value: s, label: label('evidence', s) }))} onChange={update(i, 'kind')} />
              <TextField label={t('offers.evidenceRef')} value={row.ref ?? ''} onChange={update(i, 'ref')} />
              <TextField label={t('offers.evidenceCovers')} value={row.covers ?? ''} onChange={update(i, 'covers')} />
            </>
          )}
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {kind === 'labels' ? t('offers.addLabel') : t('offers.addEvidence')}
      </button>
    </fieldset>
  );
}
