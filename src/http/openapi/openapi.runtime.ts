import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation, type ParsedRequest, type Request as OpenApiRequest } from 'openapi-backend';
import type { Contract } from '../../infra/contract/contract';
import { FastRouter } from './fast-router';
import { fastRequestParser, type ParseRequest } from './request-parser';

/**
 * openapi-backend checks documents against an OpenAPI 3.0-only meta-schema, which rejects valid
 * 3.1 documents. CI lints the contract with Redocly instead.
 */
class OpenApi31Backend extends OpenAPIBackend {
  private loading?: Promise<Document>;

  override validateDefinition(): Document {
    return this.document;
  }

  /** Loaded once: in quick mode init() starts a load it does not await; it reuses this one. */
  override loadDocument(): Promise<Document> {
    return (this.loading ??= super.loadDocument());
  }
}

/** The request as validated: its parameters coerced to the contract's types, or what is wrong. */
export interface Validated {
  readonly request: ParsedRequest;
  readonly errors: readonly ErrorObject[];
}

/**
 * The contract compiled once for serving requests: the route matcher, the parameter parser and
 * the request validators. openapi-backend is used through its public API only (it loads and
 * dereferences the document, compiles the validators and parses the uncommon parameter shapes);
 * the pipeline that runs them per request is src/http/openapi/operation.pipeline.ts.
 */
export interface OpenApiRuntime {
  readonly api: OpenAPIBackend;
  readonly router: FastRouter<Operation>;
  readonly parse: ParseRequest;
  validate(operation: Operation, req: OpenApiRequest): Validated;
}

/** JSON-encoded query parameters would need their own parse step; the contract has none. */
function refuseJsonQueryParameters(operations: readonly Operation[]): void {
  for (const op of operations) {
    for (const p of op.parameters ?? []) {
      if (!('$ref' in p) && p.in === 'query' && p.content !== undefined) throw new Error(`${op.operationId}: query parameter "${p.name}" with content is not supported`);
    }
  }
}

/** Query parameters declared as arrays: a single value arrives as a string and is wrapped. */
function arrayQueryParameters(op: Operation): ReadonlySet<string> {
  const names = new Set<string>();
  for (const p of op.parameters ?? []) {
    if (!('$ref' in p) && p.in === 'query' && (p.schema as { type?: unknown } | undefined)?.type === 'array') names.add(p.name);
  }
  return names;
}

/**
 * Builds the runtime from the contract. JSON Schema 2020-12 (what OpenAPI 3.1 uses) needs
 * Ajv2020; ajv-formats makes `date`, `uri` and friends real checks.
 */
export async function createOpenApiRuntime(contract: Contract): Promise<OpenApiRuntime> {
  const api = new OpenApi31Backend({
    // A copy: openapi-backend dereferences the document it is given in place, and the contract's
    // own document stays as written (its validators resolve the $refs themselves).
    definition: structuredClone(contract.document) as Document,
    strict: true,
    // quick: compile no validator eagerly. openapi-backend would otherwise compile response and
    // response-header validators for every operation too, which the service never uses (tests
    // check responses against the contract themselves): 2.2 s and ~140 MB of RSS at start-up.
    // The request validators are compiled right after init() below, so a broken schema still
    // fails the start, not a request.
    quick: true,
    validate: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true, strict: false },
    customizeAjv: (_ajv, opts) => {
      const ajv = new Ajv2020({ ...opts, strict: false });
      addFormats(ajv);
      return ajv;
    },
  });
  await api.loadDocument();
  await api.init();
  api.validator.preCompileRequestValidators();
  const operations = api.router.getOperations();
  refuseJsonQueryParameters(operations);
  const arrays = new Map(operations.map((op) => [op, arrayQueryParameters(op)]));
  const parse = fastRequestParser(api.router);

  // What openapi-backend's validateRequest does, on the request parsed once: it would parse it again.
  const validate = (operation: Operation, req: OpenApiRequest): Validated => {
    const request = parse(req, operation);
    const query = request.query as Record<string, unknown>;
    for (const name of arrays.get(operation) ?? []) if (typeof query[name] === 'string') query[name] = [query[name]];
    const parameters: Record<string, unknown> = { path: request.params, query, header: request.headers, cookie: request.cookies };
    const rawType = (request.headers as Record<string, string | string[] | undefined>)['content-type'];
    const contentType = (Array.isArray(rawType) ? rawType[0] : rawType)?.split(';')[0]?.trim().toLowerCase();
    if (typeof request.requestBody === 'object' || contentType === 'application/json') parameters.requestBody = request.requestBody;
    const errors: ErrorObject[] = [];
    for (const check of api.validator.getRequestValidatorsForOperation(operation.operationId ?? '')) {
      if (!check(parameters) && check.errors) errors.push(...check.errors);
    }
    return { request, errors };
  };
  return { api, router: new FastRouter(operations), parse, validate };
}
