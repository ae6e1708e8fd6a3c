import type { Criterion } from '../api/types';
import { Loading, TableRegion } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { label, t } from '../i18n/t';
import type { AsyncState } from '../lib/use-async';

export interface Choices {
  /** criterion id → include / exclude (absent: the service's selection by level). */
  readonly selection: Record<string, 'include' | 'exclude'>;
  readonly weights: Record<string, string>;
  readonly parameters: Record<string, Record<string, string>>;
}

/** The criteria of the chosen sets, with the officer's include/exclude, values and weights. */
export function CandidateTable({ state, hasSets, choices, onChange }: { state: AsyncState<Criterion[]>; hasSets: boolean; choices: Choices; onChange: (c: Choices) => void }) {
  if (!hasSets) return <p>{t('builder.chooseSets')}</p>;
  if (state.loading) return <Loading />;
  if (state.error) return <ProblemAlert error={state.error} onRetry={state.reload} />;
  const items = state.data ?? [];
  const select = (id: string, value: string) => {
    const selection = { ...choices.selection };
    if (value === 'include' || value === 'exclude') selection[id] = value;
    else delete selection[id];
    onChange({ ...choices, selection });
  };
  const setParameter = (id: string, name: string, value: string) => onChange({ ...choices, parameters: { ...choices.parameters, [id]: { ...choices.parameters[id], [name]: value } } });
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('builder.candidates')}</h2>
      <p>{t('builder.candidatesHint')}</p>
      <TableRegion name={t('builder.candidates')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('criteria.col.id')}</th>
              <th scope="col">{t('criteria.col.type')}</th>
              <th scope="col">{t('criteria.col.level')}</th>
              <th scope="col">{t('builder.col.choice')}</th>
              <th scope="col">{t('builder.col.values')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={`${c.setId}/${c.id}`}>
                <td>
                  {c.title}
                  <br />
                  <small className="muted">{c.id}</small>
                </td>
                <td>{label('type', c.type)}</td>
                <td>{label('level', c.level)}</td>
                <td>
                  <select aria-label={t('builder.choice', { id: c.id })} value={choices.selection[c.id] ?? 'default'} onChange={(e) => select(c.id, e.target.value)}>
                    <option value="default">{t('builder.choice.default')}</option>
                    <option value="include">{t('builder.choice.include')}</option>
                    <option value="exclude">{t('builder.choice.exclude')}</option>
                  </select>
                </td>
                <td>
                  {c.type === 'AC' ? (
                    <label className="inline">
                      {t('builder.weight', { id: c.id })}
                      <input type="number" min={0} max={1000} step="any" value={choices.weights[c.id] ?? ''} onChange={(e) => onChange({ ...choices, weights: { ...choices.weights, [c.id]: e.target.value } })} />
                    </label>
                  ) : null}
                  {(c.parameters ?? []).map((p) => (
                    <label key={p.name} className="inline">
                      {t('builder.parameter', { name: p.description || p.name, id: c.id })}
                      {p.unit ? ` (${p.unit})` : ''}
                      <input
                        type={p.type === 'number' ? 'number' : 'text'}
                        step="any"
                        placeholder={p.default !== undefined ? String(p.default) : ''}
                        value={choices.parameters[c.id]?.[p.name] ?? ''}
                        onChange={(e) => setParameter(c.id, p.name, e.target.value)}
                      />
                    </label>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
