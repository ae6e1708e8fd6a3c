import { CheckboxGroup, SelectField, TextField } from '../components/fields';
import { t } from '../i18n/t';
import type { FieldSpec } from '../lib/offer-fields';

/** One declared property, with the input its contract type calls for; empty means not declared. */
export function DeclaredField({ spec, value, onChange }: { spec: FieldSpec; value: string; onChange: (v: string) => void }) {
  const name = spec.path;
  if (spec.kind === 'boolean') {
    return <SelectField label={name} value={value} options={[{ value: '', label: t('common.notDeclared') }, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} onChange={onChange} />;
  }
  if (spec.kind === 'enum') {
    return <SelectField label={name} value={value} options={[{ value: '', label: t('common.notDeclared') }, ...(spec.options ?? []).map((o) => ({ value: o, label: o }))]} onChange={onChange} />;
  }
  if (spec.kind === 'enumList') {
    const values = value ? value.split(',') : [];
    return <CheckboxGroup legend={name} options={(spec.options ?? []).map((o) => ({ value: o, label: o }))} values={values} onChange={(v) => onChange(v.join(','))} />;
  }
  if (spec.kind === 'number' || spec.kind === 'integer') {
    const range = spec.min !== undefined && spec.max !== undefined ? `${spec.min}–${spec.max}` : undefined;
    return <TextField label={name} hint={range} type="number" step={spec.kind === 'integer' ? '1' : 'any'} value={value} onChange={onChange} inputMode="decimal" />;
  }
  return <TextField label={name} hint={spec.kind === 'stringList' ? ',' : undefined} value={value} onChange={onChange} />;
}
