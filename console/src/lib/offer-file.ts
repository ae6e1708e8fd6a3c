import type { Offer, TenderProfile } from '../api/types';
import { parseCsv, csvLine } from './csv';
import { convert, OfferInputError, place, prune } from './offer-build';
import type { FieldSpec } from './offer-fields';

type Json = Record<string, unknown>;

const OFFER_COLUMNS = ['offer.id', 'offer.tenderRef', 'offer.lotRef', 'supplier.name', 'supplier.country'];
const ITEM_COLUMNS = ['category', 'manufacturer', 'model', 'quantity', 'isRefurbished'];
const LIST_COLUMNS = ['ecolabels', 'evidence'];

/** The columns of the CSV template of a tender: offer, supplier and services first, then the item. */
export function templateColumns(specs: readonly FieldSpec[], statementIds: readonly string[]): string[] {
  const offerLevel = specs.filter((s) => s.path.startsWith('supplier.') || s.path.startsWith('service.')).map((s) => s.path);
  const itemLevel = specs.filter((s) => !offerLevel.includes(s.path)).map((s) => s.path);
  return [...new Set([...OFFER_COLUMNS, ...offerLevel, ...ITEM_COLUMNS, ...itemLevel, ...statementIds.map((id) => `declarations.${id}`), ...LIST_COLUMNS])];
}

/** A CSV template with one example row: one row per offered item, offer columns read from the first. */
export function csvTemplate(profile: TenderProfile, specs: readonly FieldSpec[], statementIds: readonly string[]): string {
  const columns = templateColumns(specs, statementIds);
  const example: Record<string, string> = { 'offer.id': 'OFFER-1', 'offer.tenderRef': profile.tenderRef ?? '', category: profile.category, quantity: '1' };
  return `${csvLine(columns)}\r\n${csvLine(columns.map((c) => example[c] ?? ''))}\r\n`;
}

/** A JSON template: an offer whose undeclared values are null (removed before it is sent). */
export function jsonTemplate(profile: TenderProfile, specs: readonly FieldSpec[], statementIds: readonly string[]): string {
  const offer = { id: 'OFFER-1', tenderRef: profile.tenderRef ?? null, supplier: { name: '', country: null }, items: [{}], services: [] } as unknown as Offer;
  const item: Json = { category: profile.category, manufacturer: '', model: '', quantity: 1, isRefurbished: null };
  for (const spec of specs) place(offer, item, spec.path, null);
  if (statementIds.length) item.declarations = Object.fromEntries(statementIds.map((id) => [id, null]));
  item.ecolabels = [];
  item.evidence = [];
  offer.items = [item as never];
  return `${JSON.stringify(offer, null, 2)}\n`;
}

function specFor(specs: readonly FieldSpec[], column: string): FieldSpec | undefined {
  if (column.startsWith('declarations.')) return { path: column, kind: 'boolean' };
  if (column === 'quantity') return { path: column, kind: 'integer' };
  if (column === 'isRefurbished') return { path: column, kind: 'boolean' };
  if (LIST_COLUMNS.includes(column)) return { path: column, kind: 'json' };
  if (column.startsWith('offer.') || ['category', 'manufacturer', 'model', 'supplier.name', 'supplier.country'].includes(column)) return { path: column, kind: 'string' };
  return specs.find((s) => s.path === column);
}

/** An offer from a CSV file made from the template: offer columns from the first row, one item per row. */
export function offerFromCsv(text: string, specs: readonly FieldSpec[]): Offer {
  const [header, ...rows] = parseCsv(text);
  if (!header || rows.length === 0) throw new OfferInputError('the file needs a header row and at least one item row');
  const offer = { supplier: {}, items: [] } as unknown as Offer;
  rows.forEach((row, r) => {
    const item: Json = {};
    header.forEach((rawColumn, i) => {
      const column = rawColumn.trim();
      const value = convert(row[i] ?? '', specFor(specs, column), `row ${r + 2}, column ${column}`);
      if (value === undefined) return;
      if (column.startsWith('offer.')) {
        if (r === 0) (offer as unknown as Json)[column.slice(6)] = value;
      } else if (column.startsWith('supplier.') || column.startsWith('service.')) {
        if (r === 0) place(offer, item, column, value);
      } else place(offer, item, column, value);
    });
    offer.items.push(item as never);
  });
  return prune(offer) as Offer;
}

/** An offer from a JSON file made from the template (nulls and empty values mean not declared). */
export function offerFromJson(text: string): Offer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new OfferInputError(`not valid JSON (${(err as Error).message})`);
  }
  const offer = prune(parsed);
  if (typeof offer !== 'object' || offer === null || Array.isArray(offer)) throw new OfferInputError('the file must hold one offer (a JSON object with supplier and items)');
  return offer as Offer;
}

/** Reads an uploaded file by its name or content: JSON if it starts with `{`, CSV otherwise. */
export function offerFromFile(name: string, text: string, specs: readonly FieldSpec[]): Offer {
  return name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') ? offerFromJson(text) : offerFromCsv(text, specs);
}
