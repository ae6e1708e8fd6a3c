import type { NextFunction, Request, Response } from 'express';
import type { Operation } from 'openapi-backend';
import { buildProblem, HttpProblemError, type ProblemInput } from '../problem';
import { requestContext, type OperationContext } from '../request-context';
import { admitCaller, type SecurityDeps } from '../security/security';
import type { MatchResult } from './fast-router';
import { writeResult, type HttpResult, type OperationHandler } from './http-result';
import type { OpenApiRuntime } from './openapi.runtime';
import { allowedValues, toFieldErrors } from './validation-errors';

function problemResult(req: Request, res: Response, input: ProblemInput, headers?: Record<string, string>): HttpResult {
  const problem = buildProblem(input, req.path, requestContext(res).requestId);
  return { status: input.status, body: problem, contentType: 'application/problem+json', ...(headers ? { headers } : {}) };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function checkMediaType(operation: Operation, req: Request): void {
  const accepted = Object.keys((operation.requestBody as { content?: object } | undefined)?.content ?? {});
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
 * The route of the contract a request matches, computed once per request and kept on its
 * context: the body gate needs it before the body is read, the pipeline after.
 */
export function routeOf(runtime: Pick<OpenApiRuntime, 'router'>, req: Request, res: Response): MatchResult<Operation> {
  const ctx = requestContext(res);
  return (ctx.match ??= runtime.router.match(req.method === 'HEAD' ? 'GET' : req.method, req.path));
}

/**
 * The contract's pipeline for one request, in the order the contract implies: route (404 / 405),
 * media type (415), security (401 / 403 / 429), parameters and body against the schemas (400),
 * then the operation's handler, whose result is written. Start-up fails if an operation of the
 * contract has no handler, so the contract and the code cannot drift apart.
 */
export function operationPipeline(runtime: OpenApiRuntime, handlers: Readonly<Record<string, OperationHandler>>, security: SecurityDeps) {
  const operationIds = runtime.api.router.getOperations().map((op) => op.operationId ?? `${op.method} ${op.path}`);
  const missing = operationIds.filter((id) => !(id in handlers));
  if (missing.length > 0) throw new Error(`No handler for operations: ${missing.join(', ')}`);

  const run = async (req: Request, res: Response): Promise<HttpResult> => {
    const match = routeOf(runtime, req, res);
    if (match.kind === 'notFound') return problemResult(req, res, { status: 404, code: 'ROUTE_NOT_FOUND', detail: `No operation at ${req.method} ${req.path}` });
    if (match.kind === 'methodNotAllowed') {
      const allow = match.allowed.join(', ');
      return problemResult(req, res, { status: 405, code: 'METHOD_NOT_ALLOWED', detail: `${req.method} is not supported here; use ${allow}` }, { Allow: allow });
    }
    const { operation } = match;
    const ctx = requestContext(res);
    ctx.route = operation.path;
    ctx.operationId = operation.operationId;
    checkMediaType(operation, req);
    const denied = await admitCaller(security, operation, req, res);
    if (denied) return denied;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const input = { method, path: req.path, query: req.query as Record<string, string>, body: req.body as unknown, headers: req.headers as Record<string, string> };
    const { request, errors } = runtime.validate(operation, input);
    if (errors.length > 0) {
      const fieldErrors = toFieldErrors(errors);
      const allowed = allowedValues(errors);
      const detail = `The request does not match the contract: ${fieldErrors.map((e) => `${e.pointer} ${e.reason}`).join('; ')}`;
      return problemResult(req, res, { status: 400, code: 'VALIDATION_FAILED', detail, errors: fieldErrors, ...(allowed ? { allowed } : {}) });
    }
    ctx.request = request;
    const handler = handlers[operation.operationId ?? ''];
    if (!handler) throw new Error(`No handler for ${operation.operationId}`);
    return handler(ctx as OperationContext, req, res);
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    run(req, res).then((result) => writeResult(res, result), next);
  };
}
