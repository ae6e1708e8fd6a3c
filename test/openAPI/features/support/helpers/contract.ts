import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The REST contract (api/openapi.yaml) as the oracle of the GovStack test suite: every response a
 * scenario checks "against the contract" must have a status the operation documents, a media type
 * it declares, the headers it marks required and a body valid against its JSON Schema (Ajv with
 * JSON Schema 2020-12, the dialect of OpenAPI 3.1, loading the whole document so `$ref`s resolve).
 */
type Json = Record<string, unknown>;

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
export const CONTRACT_PATH = process.env.OPENAPI_FILE ?? path.join(REPO_ROOT, 'api', 'openapi.yaml');

export const contract = parse(readFileSync(CONTRACT_PATH, 'utf8')) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(contract, 'openapi.json');

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): Json | undefined {
  let node: unknown = contract;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node as Json | undefined;
}

/** Follows `$ref`s and returns the pointer of the object finally reached. */
function deref(pointer: string): string {
  let current = pointer;
  for (let obj = at(current); typeof obj?.$ref === 'string'; obj = at(current)) current = obj.$ref;
  return current;
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string => ajv.errorsText(errors, { separator: '\n  ' });

function validator(pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`openapi.json${pointer}`);
  if (!validate) throw new Error(`contract: no schema at ${pointer}`);
  return validate;
}

export function operationExists(method: string, pathTemplate: string): boolean {
  return at(`#/paths/${esc(pathTemplate)}/${method.toLowerCase()}`) !== undefined;
}

/** The scopes an operation requires (from its `security`), for messages. */
export function requiredScopes(method: string, pathTemplate: string): string[] {
  const op = at(`#/paths/${esc(pathTemplate)}/${method.toLowerCase()}`);
  const security = (op?.security ?? []) as Record<string, string[]>[];
  return [...new Set(security.flatMap((s) => Object.values(s).flat()))];
}

export interface ObservedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export const mediaTypeOf = (res: ObservedResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';

/**
 * Checks a response of the operation `method pathTemplate` against the contract and returns a
 * list of problems (empty when it conforms).
 */
export function contractProblems(method: string, pathTemplate: string, res: ObservedResponse): string[] {
  const opPointer = `#/paths/${esc(pathTemplate)}/${method.toLowerCase()}`;
  if (!at(opPointer)) return [`the contract has no operation ${method.toUpperCase()} ${pathTemplate}`];
  const responses = at(`${opPointer}/responses`) ?? {};
  const status = String(res.statusCode);
  if (!(status in responses)) return [`status ${status} is not documented for ${method.toUpperCase()} ${pathTemplate} (documented: ${Object.keys(responses).join(', ')})`];
  const responsePointer = deref(`${opPointer}/responses/${status}`);
  const response = at(responsePointer) ?? {};
  const problems: string[] = [];
  for (const name of Object.keys(response.headers ?? {})) {
    const header = at(deref(`${responsePointer}/headers/${esc(name)}`));
    if (header?.required === true && res.headers[name.toLowerCase()] === undefined) problems.push(`required header ${name} is missing`);
  }
  const content = response.content as Json | undefined;
  if (!content) {
    if (res.text) problems.push(`the contract documents no body for ${status}, got ${res.text.slice(0, 200)}`);
    return problems;
  }
  const mediaType = mediaTypeOf(res);
  if (!(mediaType in content)) return [...problems, `media type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`];
  let body: unknown = res.text;
  if (/[/+]json$/.test(mediaType)) {
    try {
      body = JSON.parse(res.text);
    } catch {
      return [...problems, `the body is not JSON: ${res.text.slice(0, 200)}`];
    }
  }
  const validate = validator(`${responsePointer}/content/${esc(mediaType)}/schema`);
  if (!validate(body)) problems.push(`the body does not match the schema of ${status} ${mediaType}:\n  ${describeErrors(validate.errors)}`);
  return problems;
}

/** Problems of `value` against `#/components/schemas/<name>` (empty when valid). */
export function schemaProblems(name: string, value: unknown): string[] {
  if (!at(`#/components/schemas/${name}`)) return [`the contract has no schema "${name}"`];
  const validate = validator(`#/components/schemas/${name}`);
  return validate(value) ? [] : [`does not match ${name}:\n  ${describeErrors(validate.errors)}`];
}
