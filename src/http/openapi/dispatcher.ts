import type { NextFunction, Request, Response } from 'express';
import type { Context } from 'openapi-backend';
import { buildProblem, HttpProblemError, type ProblemInput } from '../problem';
import { requestContext } from '../request-context';
import { writeResult, type HttpResult, type OperationHandler } from './http-result';
import type { OpenApiRuntime } from './openapi.backend';
import { allowedValues, toFieldErrors } from './validation-errors';
import { authorize, registerSecurity, unauthorized, type SecurityDeps } from '../security/security';

function problemResult(req: Request, res: Response, input: ProblemInput, headers?: Record<string, string>): HttpResult {
  const problem = buildProblem(input, req.path, requestContext(res).requestId);
  return { status: input.status, body: problem, contentType: 'application/problem+json', ...(headers ? { headers } : {}) };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function checkMediaType(c: Context, req: Request): void {
  const accepted = Object.keys((c.operation.requestBody as { content?: object } | undefined)?.content ?? {});
  if (accepted.length === 0 || !hasBody(req)) return;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted.includes(mediaType)) {
    throw new HttpProblemError({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: `Content-Type "${mediaType || '(none)'}" is not accepted here; send ${accepted.join(' or ')}`,
    });
  }
}

/**
 * Registers the operation handlers with openapi-backend and returns the express middleware that
 * feeds it. Start-up fails if an operation of the contract has no handler, or a handler has no
 * operation, so the contract and the code cannot drift apart.
 */
export function createDispatcher(runtime: OpenApiRuntime, handlers: Readonly<Record<string, OperationHandler>>, security: SecurityDeps) {
  const { api, router } = runtime;
  const operationIds = api.router.getOperations().map((op) => op.operationId ?? `${op.method} ${op.path}`);
  const missing = operationIds.filter((id) => !(id in handlers));
  if (missing.length > 0) throw new Error(`No handler for operations: ${missing.join(', ')}`);

  registerSecurity(api, security);
  api.register({
    ...handlers,
    unauthorizedHandler: unauthorized(security),
    postSecurityHandler: authorize(security),
    postRoutingHandler: (c: Context, req: Request, res: Response) => {
      if (!c.operation) return; // unknown route or method: answered by notFound / methodNotAllowed
      const ctx = requestContext(res);
      ctx.route = c.operation.path;
      ctx.operationId = c.operation.operationId;
      checkMediaType(c, req);
    },
    validationFail: (c: Context, req: Request, res: Response) => {
      const errors = toFieldErrors(c.validation.errors ?? []);
      const allowed = allowedValues(c.validation.errors ?? []);
      const detail = `The request does not match the contract: ${errors.map((e) => `${e.pointer} ${e.reason}`).join('; ')}`;
      return problemResult(req, res, { status: 400, code: 'VALIDATION_FAILED', detail, errors, ...(allowed ? { allowed } : {}) });
    },
    notFound: (_c: Context, req: Request, res: Response) =>
      problemResult(req, res, { status: 404, code: 'ROUTE_NOT_FOUND', detail: `No operation at ${req.method} ${req.path}` }),
    methodNotAllowed: (_c: Context, req: Request, res: Response) => {
      const result = router.match(req.method, req.path);
      const allow = result.kind === 'methodNotAllowed' ? result.allowed.join(', ') : '';
      return problemResult(
        req,
        res,
        { status: 405, code: 'METHOD_NOT_ALLOWED', detail: `${req.method} is not supported here; use ${allow}` },
        { Allow: allow },
      );
    },
    postResponseHandler: (c: Context, _req: Request, res: Response) => {
      writeResult(res, c.response as HttpResult);
    },
  });

  return (req: Request, res: Response, next: NextFunction): void => {
    // A plain object, not the express request: openapi-backend's type coercion copies the request
    // with a spread, which loses express's prototype getters such as `path`.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    api
      .handleRequest({ method, path: req.path, query: req.query as Record<string, string>, body: req.body as unknown, headers: req.headers as Record<string, string> }, req, res)
      .catch(next);
  };
}
