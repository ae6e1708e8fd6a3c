import express, { type Express } from 'express';
import { docsAssetsRouter } from './http/docs/docs-assets.router';
import { errorMiddleware } from './http/error.middleware';
import { createHandlers } from './http/handlers';
import type { HttpDeps } from './http/http-deps';
import { httpLoggerMiddleware } from './http/http-logger.middleware';
import { metricsMiddleware } from './http/metrics.middleware';
import { createDispatcher } from './http/openapi/dispatcher';
import type { OpenApiRuntime } from './http/openapi/openapi.backend';
import { requestContextMiddleware } from './http/request-context';
import type { Logger } from './infra/logging/logger';

export interface AppOptions {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /** Batches of up to 1,000 offers are larger than any other request. */
  readonly batchBodyLimitBytes?: number;
  readonly openapi: OpenApiRuntime;
  readonly deps: HttpDeps;
}

/** Builds the express application without listening, so tests drive it with supertest. */
export function buildApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Strong ETags are computed by the handlers that promise them; express's weak ones would be noise.
  app.set('etag', false);
  // "simple" parsing yields only strings and string arrays, never objects such as ?a[$gt]=1.
  app.set('query parser', 'simple');

  app.use(requestContextMiddleware);
  app.use(httpLoggerMiddleware(options.logger));
  app.use(metricsMiddleware(options.deps.metrics));
  app.use('/docs/assets', docsAssetsRouter());
  const json = (limit: number) => express.json({ limit, type: ['application/json', 'application/*+json'] });
  app.use('/api/v1/compliance-checks/batch', json(options.batchBodyLimitBytes ?? options.bodyLimitBytes));
  app.use(json(options.bodyLimitBytes));
  app.use(createDispatcher(options.openapi, createHandlers(options.deps)));
  app.use(errorMiddleware(options.logger));
  return app;
}
