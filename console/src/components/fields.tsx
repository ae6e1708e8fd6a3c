import { useId, type ReactNode } from 'react';

interface Base {
  readonly label: string;
  readonly hint?: string;
  readonly name?: string;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span id={id} className="hint">
      {hint}
    </span>
  ) : null;
}

export function TextField(props: Base & { value: string; onChange: (v: string) => void; type?: string; required?: boolean; min?: number; max?: number; step?: string; pattern?: string; autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text' }) {
  const id = useId();
  const { label, hint, onChange, ...input } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={`${id}-hint`} hint={hint} />
      <input id={id} {...input} type={props.type ?? 'text'} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function SelectField(props: Base & { value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[]; required?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <Hint id={`${id}-hint`} hint={props.hint} />
      <select id={id} name={props.name} value={props.value} required={props.required} aria-describedby={props.hint ? `${id}-hint` : undefined} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes in a fieldset whose legend names it. */
export function CheckboxGroup(props: { legend: string; hint?: string; options: readonly { value: string; label: ReactNode }[]; values: readonly string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  const toggle = (value: string, on: boolean) => props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <fieldset className="checkboxes" aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      <Hint id={`${id}-hint`} hint={props.hint} />
      {props.options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" value={o.value} checked={props.values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
