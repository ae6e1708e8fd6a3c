import { Contract } from '../../src/infra/contract/contract';
import { OPENAPI_PATH } from '../../src/paths';

/**
 * The REST contract as the oracle of every test that checks a response: the jest client
 * (test/support/contract.ts) and the GovStack Gherkin suite (test/openAPI) use these same rules.
 * A response conforms when its status is documented for the operation (no `default` fallback),
 * its media type is one the operation declares, the headers the contract marks required are
 * present and the body is valid against its JSON Schema (Ajv, JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1; the whole document is loaded so `$ref`s resolve).
 */
type Json = Record<string, unknown>;

export const contract = new Contract(process.env.OPENAPI_FILE ?? OPENAPI_PATH);

export interface ObservedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): Json | undefined {
  let node: unknown = contract.document;
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

const operationPointer = (method: string, pathTemplate: string): string => `#/paths/${esc(pathTemplate)}/${method.toLowerCase()}`;

export const operationExists = (method: string, pathTemplate: string): boolean => at(operationPointer(method, pathTemplate)) !== undefined;

export const mediaTypeOf = (res: ObservedResponse): string => String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';

function bodyProblems(pointer: string, body: unknown, what: string): string[] {
  const validate = contract.validatorAt(pointer);
  return validate(body) ? [] : [`the body does not match ${what}:\n  ${contract.errorsText(validate, '\n  ')}`];
}

/**
 * Problems of a response of the operation `method pathTemplate` (empty when it conforms). A HEAD
 * request is checked as its GET, without a body.
 */
export function contractProblems(method: string, pathTemplate: string, res: ObservedResponse): string[] {
  const head = method.toLowerCase() === 'head';
  const opPointer = operationPointer(head ? 'get' : method, pathTemplate);
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
  if (head) return problems;
  let body: unknown = res.text;
  if (/[/+]json$/.test(mediaType)) {
    try {
      body = JSON.parse(res.text);
    } catch {
      return [...problems, `the body is not JSON: ${res.text.slice(0, 200)}`];
    }
  }
  return [...problems, ...bodyProblems(`${responsePointer}/content/${esc(mediaType)}/schema`, body, `the schema of ${status} ${mediaType}`)];
}

/** Problems of `value` against `#/components/schemas/<name>` (empty when valid). */
export function schemaProblems(name: string, value: unknown): string[] {
  if (!at(`#/components/schemas/${name}`)) return [`the contract has no schema "${name}"`];
  return bodyProblems(`#/components/schemas/${name}`, value, name).map((p) => p.replace('the body does not match', 'does not match'));
}
