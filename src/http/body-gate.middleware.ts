import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { verifyUtf8 } from './hostile-input.middleware';
import { scanJsonBounds, type JsonBounds } from './json-bounds.scanner';
import { routeOf } from './openapi/operation.pipeline';
import type { OpenApiRuntime } from './openapi/openapi.runtime';
import { lingerAfterAnswer } from './lingering-close';
import { HttpProblemError } from './problem';
import { isAuthenticated, type SecurityDeps } from './security/authenticate';

export interface BodyLimits {
  /** Callers without a valid credential: enough for any mistake worth a 401, too little to hurt. */
  readonly preAuthBytes: number;
  readonly bytes: number;
  /** Per operationId, for operations whose bodies are legitimately larger (a batch of offers). */
  readonly byOperation: Readonly<Record<string, number>>;
  readonly json: JsonBounds;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

// As body-parser decides: an empty body declared as JSON still parses (to {}).
const hasBody = (req: Request): boolean => req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

/** The charset parameter of Content-Type, lower-cased and unquoted, if there is one. */
function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  return m ? (m[2] ?? m[1] ?? '').toLowerCase() : undefined;
}

/**
 * The body is not parsed at all: the answer (401, 404, 405, 413, 415) does not depend on it. The
 * connection is closed after the answer; what the client still sends is discarded unparsed within
 * a bound, so it reads the answer instead of a reset (src/http/lingering-close.ts).
 */
function skipBody(req: Request, res: Response): void {
  req.body = undefined;
  lingerAfterAnswer(req, res);
}

/**
 * Reads request bodies only for routes of the contract and only as far as the caller has earned:
 * the operation is routed once, the match kept for the operation pipeline (src/http/openapi/operation.pipeline.ts), and the credential is checked
 * (the same verification the contract's security handlers use, done once) BEFORE a byte of the
 * body is read. Unauthenticated callers get `preAuthBytes`; beyond that, or for unknown routes,
 * the body is left unread and the pipeline answers 401 / 404 / 405 as usual, so the failure rate
 * limiter, WWW-Authenticate and the audit trail see the request as any other. Bodies that are
 * read are scanned for depth and container size before JSON.parse builds anything.
 */
export function bodyGateMiddleware(runtime: Pick<OpenApiRuntime, 'router'>, security: SecurityDeps, limits: BodyLimits): RequestHandler {
  const verify = (req: Request, res: Response, buf: Buffer): void => {
    verifyUtf8(req, res, buf);
    const violation = scanJsonBounds(buf, limits.json);
    if (violation) {
      throw new HttpProblemError({ status: 400, code: 'VALIDATION_FAILED', detail: `The request body is out of bounds: ${violation.pointer} ${violation.reason}`, errors: [violation] });
    }
  };
  const parsers = new Map<number, RequestHandler>();
  const parser = (limit: number): RequestHandler => {
    let p = parsers.get(limit);
    if (!p) parsers.set(limit, (p = express.json({ limit, type: JSON_TYPES, verify })));
    return p;
  };

  /**
   * Parses the body within `limit`. Past the limit, `onExceeded` answers at once: body-parser
   * would first drain a chunked body to its end, however long, before reporting it too large.
   */
  const parseWithin = (limit: number, req: Request, res: Response, next: NextFunction, onExceeded: () => void): void => {
    let settled = false;
    let seen = 0;
    const count = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen <= limit || settled) return;
      settled = true;
      req.off('data', count);
      onExceeded();
    };
    parser(limit)(req, res, (err?: unknown) => {
      req.off('data', count);
      if (settled) return;
      settled = true;
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') return onExceeded();
      next(err);
    });
    if (!settled) req.on('data', count);
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const match = routeOf(runtime, req, res);
    // Unknown routes and bodies no parser here reads (the pipeline answers 404, 405 or 415).
    if (match.kind !== 'match' || !req.is(JSON_TYPES)) {
      skipBody(req, res);
      return next();
    }
    const charset = charsetOf(req.headers['content-type'] ?? '');
    if (charset !== undefined && charset !== 'utf-8') {
      skipBody(req, res);
      return next(new HttpProblemError({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: `Unsupported charset "${charset.slice(0, 40)}"; send UTF-8 (charset=utf-8 or none)` }));
    }
    const operation = match.operation;
    const admit = (authenticated: boolean): void => {
      const limit = authenticated ? (operation.operationId && limits.byOperation[operation.operationId]) || limits.bytes : limits.preAuthBytes;
      // Without a credential, too large a body is not an error of its own: the answer is the 401.
      const tooLarge = authenticated
        ? () => {
            skipBody(req, res);
            next(new HttpProblemError({ status: 413, code: 'PAYLOAD_TOO_LARGE', detail: `The request body exceeds the limit of ${limit} bytes` }));
          }
        : () => {
            skipBody(req, res);
            next();
          };
      if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
      parseWithin(limit, req, res, next, tooLarge);
    };
    // Public operations (no security requirement) need no credential for their full limit.
    const known = (operation.security ?? []).length === 0 ? Promise.resolve(true) : isAuthenticated(security, operation, req, res);
    known.then(admit).catch(next);
  };
}
