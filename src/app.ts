import cors from 'cors';
import express, { type Express } from 'express';
import { auditMiddleware } from './http/audit.middleware';
import { bodyGateMiddleware } from './http/body-gate.middleware';
import { MAX_JSON_ELEMENTS } from './http/json-bounds.scanner';
import { hostileInputMiddleware, MAX_DEPTH } from './http/hostile-input.middleware';
import { securityHeadersMiddleware } from './http/security-headers.middleware';
import type { SecurityDeps } from './http/security/security';
import { timeoutMiddleware } from './http/timeout.middleware';
import type { AuditLog } from './infra/audit/audit.log';
import { docsAssetsRouter } from './http/docs/docs-assets.router';
import { consoleAssetsRouter } from './http/console/console-assets.router';
import { errorMiddleware } from './http/error.middleware';
import { createHandlers } from './http/handlers';
import type { HttpDeps } from './http/http-deps';
import { httpLoggerMiddleware } from './http/http-logger.middleware';
import { metricsMiddleware } from './http/metrics.middleware';
import { probesMiddleware } from './http/probes.middleware';
import { operationPipeline } from './http/openapi/operation.pipeline';
import type { OpenApiRuntime } from './http/openapi/openapi.runtime';
import { requestContextMiddleware } from './http/request-context';
import type { Logger } from './infra/logging/logger';

export interface AppOptions {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /** Batches of up to 1,000 offers are larger than any other request. */
  readonly batchBodyLimitBytes?: number;
  /** Largest body read before the caller is authenticated (default 8 KiB). */
  readonly preAuthBodyLimitBytes?: number;
  readonly openapi: OpenApiRuntime;
  readonly deps: HttpDeps;
  readonly security: SecurityDeps;
  readonly audit: AuditLog;
  /** Browser origins allowed by CORS; empty keeps CORS closed. */
  readonly corsOrigins: readonly string[];
  readonly requestTimeoutMs: number;
  /** express "trust proxy", so req.ip is the client behind an ingress (rate limits, audit). */
  readonly trustProxy?: string | number | boolean;
}

export const DEFAULT_PREAUTH_BODY_LIMIT_BYTES = 8_192;

const EXPOSED_HEADERS = ['X-Request-ID', 'X-Correlation-ID', 'Location', 'ETag', 'Retry-After', 'WWW-Authenticate', 'Content-Disposition'];

/** Builds the express application without listening, so tests drive it with supertest. */
export function buildApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Strong ETags are computed by the handlers that promise them; express's weak ones would be noise.
  app.set('etag', false);
  // "simple" parsing yields only strings and string arrays, never objects such as ?a[$gt]=1.
  app.set('query parser', 'simple');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  // Mounted paths match as the contract's routes do: /DOCS/ASSETS is not /docs/assets.
  app.set('case sensitive routing', true);

  const handlers = createHandlers(options.deps);
  app.use(requestContextMiddleware);
  app.use(httpLoggerMiddleware(options.logger));
  app.use(metricsMiddleware(options.deps.metrics));
  app.use(securityHeadersMiddleware);
  app.use(probesMiddleware(handlers));
  app.use(auditMiddleware(options.audit));
  app.use(timeoutMiddleware(options.requestTimeoutMs));
  app.use(cors({ origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false, exposedHeaders: EXPOSED_HEADERS, maxAge: 600 }));
  app.use('/docs/assets', docsAssetsRouter());
  app.use('/console/assets', consoleAssetsRouter());
  app.use(
    bodyGateMiddleware(options.openapi, options.security, {
      preAuthBytes: options.preAuthBodyLimitBytes ?? DEFAULT_PREAUTH_BODY_LIMIT_BYTES,
      bytes: options.bodyLimitBytes,
      byOperation: { createComplianceCheckBatch: options.batchBodyLimitBytes ?? options.bodyLimitBytes },
      json: { maxDepth: MAX_DEPTH, maxElements: MAX_JSON_ELEMENTS },
    }),
  );
  app.use(hostileInputMiddleware);
  app.use(operationPipeline(options.openapi, handlers, options.security));
  app.use(errorMiddleware(options.logger));
  return app;
}
