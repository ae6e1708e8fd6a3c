import { api, unwrap } from '../api/client';
import type { ContractDocument } from './offer-fields';

let cached: Promise<ContractDocument> | undefined;

/** The contract as the service serves it (public), for the offer schemas the forms are built from. */
export function loadContract(): Promise<ContractDocument> {
  cached ??= unwrap(api.GET('/api/v1/openapi.json')).then((doc) => doc as unknown as ContractDocument);
  cached.catch(() => (cached = undefined));
  return cached;
}

/** The values of an enumerated schema of the contract (ProductCategory, AmbitionLevel…). */
export function enumOf(doc: ContractDocument, name: string): string[] {
  const values = doc.components.schemas[name]?.enum;
  return Array.isArray(values) ? (values as string[]) : [];
}
