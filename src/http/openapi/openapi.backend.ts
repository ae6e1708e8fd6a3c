import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { Contract } from '../../infra/contract/contract';
import { FastRouter } from './fast-router';
import { installRequestParser } from './request-parser';

/**
 * openapi-backend checks documents against an OpenAPI 3.0-only meta-schema, which rejects valid
 * 3.1 documents. CI lints the contract with Redocly instead.
 */
class OpenApi31Backend extends OpenAPIBackend {
  private loading?: Promise<Document>;

  override validateDefinition(): Document {
    return this.document;
  }

  /** Parsed once: in quick mode init() starts a parse it does not await; it reuses this one. */
  override loadDocument(): Promise<Document> {
    return (this.loading ??= super.loadDocument());
  }
}

export interface OpenApiRuntime {
  readonly api: OpenAPIBackend;
  readonly router: FastRouter<Operation>;
}

/**
 * Builds the request validator and router from the contract. JSON Schema 2020-12 (what OpenAPI 3.1
 * uses) needs Ajv2020; ajv-formats makes `date`, `uri` and friends real checks.
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

  // The document is immutable after init(), so the operation list and the compiled matcher can be
  // computed once instead of on every request.
  const operations = api.router.getOperations();
  const router = new FastRouter(operations);
  api.router.getOperations = () => operations;
  api.router.matchOperation = ((req: { method: string; path: string }, strict?: boolean) => {
    const result = router.match(req.method, req.path);
    if (result.kind === 'match') return result.operation;
    if (!strict) return undefined;
    throw new Error(result.kind === 'notFound' ? '404-notFound: no route matches request' : '405-methodNotAllowed');
  }) as typeof api.router.matchOperation;
  installRequestParser(api);
  return { api, router };
}
