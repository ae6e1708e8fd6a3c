/** The criterion sets a notebook tender draws on in the benchmarks. */
export const BENCH_SETS = ['eu-gpp-computers-2021', 'eu-legal-baseline', 'se-it-equipment', 'no-dfo-it', 'epeat-ieee-1680-1-2018', 'tco-certified-gen10', 'itu-t-l1061-2023'];

export async function getJson<T>(url: string, headers: Record<string, string>, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A tender profile of exactly 50 criteria for notebooks (comprehensive level, trimmed to 50). */
export async function fiftyCriteriaProfile(baseUrl: string, headers: Record<string, string>): Promise<string> {
  type Created = { id: string; criteria: { criterion: { id: string } }[] };
  const create = (body: object) => getJson<Created>(`${baseUrl}/api/v1/tender-profiles`, headers, { method: 'POST', body: JSON.stringify(body) });
  const selection = { criterionSetIds: BENCH_SETS, category: 'notebook', level: 'comprehensive' };
  const first = await create(selection);
  const ids = first.criteria.map((c) => c.criterion.id);
  if (ids.length === 50) return first.id;
  if (ids.length > 50) return (await create({ ...selection, exclude: ids.slice(50) })).id;
  throw new Error(`only ${ids.length} criteria apply; adjust the bench selection`);
}
