import path from 'node:path';
import { DiagnosticSeverity, Parser, fromFile } from '@asyncapi/parser';
import type { AsyncAPIDocumentInterface, Diagnostic, MessageInterface } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROJECT_ROOT } from '../../src/paths';

/**
 * Checks events against api/asyncapi.yaml. The document is parsed with @asyncapi/parser, which
 * resolves the relative `$ref`s to api/events/*.schema.json; each message's dereferenced payload
 * schema (`message.payload().json()`) is compiled with Ajv 2020 + formats, once, and cached.
 */
export const ASYNCAPI_PATH = path.join(PROJECT_ROOT, 'api', 'asyncapi.yaml');
export const EVENT_SCHEMAS_DIR = path.join(PROJECT_ROOT, 'api', 'events');

export interface ParsedAsyncApi {
  document: AsyncAPIDocumentInterface | undefined;
  diagnostics: Diagnostic[];
}

/** Parses api/asyncapi.yaml (or `file`), with relative `$ref`s resolved from its directory. */
export async function parseAsyncApi(file: string = ASYNCAPI_PATH): Promise<ParsedAsyncApi> {
  const { document, diagnostics } = await fromFile(new Parser(), file).parse();
  return { document, diagnostics };
}

// Numbers: the parser's DiagnosticSeverity and the one on Diagnostic come from two copies of @stoplight/types.
export const isError = (d: Diagnostic): boolean => Number(d.severity) === Number(DiagnosticSeverity.Error);

export function formatDiagnostic(d: Diagnostic): string {
  const level = DiagnosticSeverity[d.severity] ?? String(d.severity);
  const where = d.path.length > 0 ? d.path.join('/') : '(root)';
  return `${level} ${String(d.code)} at ${where} (line ${d.range.start.line + 1}): ${d.message}`;
}

/** A fresh Ajv 2020 with formats. Lenient on unknown keywords (the parser adds `x-parser-*`). */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String(e.params.additionalProperty)})`
        : e.keyword === 'const' || e.keyword === 'enum'
          ? ` (${JSON.stringify(e.params.allowedValue ?? e.params.allowedValues)})`
          : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

/**
 * Compiles a schema taken from the parsed document. Each one gets its own Ajv: the dereferenced
 * payloads all embed the envelope schema with the same `$id`, which one Ajv would reject as a
 * duplicate.
 */
export function compileDocumentSchema(schema: unknown): ValidateFunction {
  return newAjv().compile(schema as object);
}

interface MessageValidators {
  message: MessageInterface;
  payload: ValidateFunction;
  headers: ValidateFunction | undefined;
}

let loading: Promise<Map<string, MessageValidators>> | undefined;
let validators: Map<string, MessageValidators> | undefined;

async function build(): Promise<Map<string, MessageValidators>> {
  const { document, diagnostics } = await parseAsyncApi();
  const errors = diagnostics.filter(isError);
  if (!document || errors.length > 0) {
    throw new Error(`${ASYNCAPI_PATH} does not parse:\n${errors.map(formatDiagnostic).join('\n')}`);
  }
  const byType = new Map<string, MessageValidators>();
  for (const message of document.allMessages()) {
    const eventType = message.name();
    const payload = message.payload();
    if (!eventType || !payload) throw new Error(`asyncapi: message ${message.id()} has no name or payload`);
    const headers = message.headers();
    byType.set(eventType, {
      message,
      payload: compileDocumentSchema(payload.json()),
      headers: headers ? compileDocumentSchema(headers.json()) : undefined,
    });
  }
  return byType;
}

/** Parses the document and compiles the validators; later calls return at once. */
export async function loadAsyncApi(): Promise<void> {
  loading ??= build();
  try {
    validators = await loading;
  } catch (err) {
    loading = undefined; // let a later call retry (and report) instead of caching the failure
    throw err;
  }
}

function validatorsFor(eventType: string): MessageValidators | string {
  if (!validators) throw new Error('asyncapi: call `await loadAsyncApi()` before validateEvent()');
  return validators.get(eventType) ?? `no AsyncAPI message named "${eventType}" (known: ${[...validators.keys()].join(', ')})`;
}

/** The event types (message names) the document defines. Needs `loadAsyncApi()` first. */
export function asyncApiEventTypes(): string[] {
  if (!validators) throw new Error('asyncapi: call `await loadAsyncApi()` first');
  return [...validators.keys()];
}

/** Errors of `message` (the parsed JSON body) against the payload of message `eventType`; empty if valid. */
export function validateEvent(eventType: string, message: unknown): string[] {
  const v = validatorsFor(eventType);
  if (typeof v === 'string') return [v];
  return v.payload(message) ? [] : formatAjvErrors(v.payload.errors);
}

/** Errors of the AMQP `headers` of a message against the message's `headers` schema; empty if valid. */
export function validateEventHeaders(eventType: string, headers: unknown): string[] {
  const v = validatorsFor(eventType);
  if (typeof v === 'string') return [v];
  if (!v.headers) return [];
  return v.headers(headers) ? [] : formatAjvErrors(v.headers.errors);
}

/** Throws with a readable message when `message` (the parsed JSON body of an AMQP message) does not match the AsyncAPI message for `eventType`. */
export async function assertEventMatchesAsyncApi(eventType: string, message: unknown): Promise<void> {
  await loadAsyncApi();
  const errors = validateEvent(eventType, message);
  if (errors.length > 0) {
    throw new Error(
      `event ${eventType} does not match api/asyncapi.yaml:\n  ${errors.join('\n  ')}\nmessage: ${JSON.stringify(message)?.slice(0, 2000)}`,
    );
  }
}
