import type { Json } from './manifests';

export interface ValuesRow {
  readonly path: string;
  readonly default: string;
  readonly description: string | undefined;
}

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One row per value of values.yaml: leaves, lists, and maps the schema leaves open (labels,
 * annotations). The chart README's table is exactly these rows, so the test can check it and
 * `tsx -e` can print them when a value is added.
 */
export function valuesTableRows(values: Json, schema: Json, prefix = ''): ValuesRow[] {
  const rows: ValuesRow[] = [];
  for (const [key, value] of Object.entries(values)) {
    const at = prefix ? `${prefix}.${key}` : key;
    const node = (schema.properties as Record<string, Json> | undefined)?.[key];
    if (isPlainObject(value) && node?.properties) {
      rows.push(...valuesTableRows(value, node, at));
    } else {
      rows.push({ path: at, default: JSON.stringify(value), description: node?.description as string | undefined });
    }
  }
  return rows;
}
