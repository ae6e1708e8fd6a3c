import type { Config } from '../config';
import { RateLimiter } from '../http/security/rate-limiter';
import type { SecurityDeps } from '../http/security/security';
import { AuditLog } from '../infra/audit/audit.log';
import type { Logger } from '../infra/logging/logger';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import { ApiKeys } from '../infra/security/api-keys';
import { JwtVerifier } from '../infra/security/jwt.verifier';

export interface SecurityModule {
  readonly deps: SecurityDeps;
  readonly apiKeys: ApiKeys;
  readonly audit: AuditLog;
}

/** Authentication (JWT, API keys), rate limits and the audit trail. */
export function createSecurity(config: Config, mongo: MongoConnection, logger: Logger): SecurityModule {
  if (config.auth.mode === 'none') {
    logger.warn(
      { authMode: 'none' },
      '!!! AUTH_MODE=none: AUTHENTICATION IS OFF and every caller is an administrator. Only for a local development machine, never for a shared or production deployment !!!',
    );
  }
  const apiKeys = new ApiKeys(mongo.connection, config.auth.apiKeyCacheTtlMs, config.auth.bootstrapAdminApiKey);
  const deps: SecurityDeps = {
    auth: config.auth,
    ...(config.auth.mode === 'jwt' ? { jwt: new JwtVerifier(config.auth) } : {}),
    apiKeys,
    limiter: new RateLimiter(config.limits.ratePerSecond, config.limits.rateBurst),
    // Failed authentications per address: generous for honest mistakes, slow for guessing.
    failureLimiter: new RateLimiter(config.limits.authFailuresPerSecond, config.limits.authFailureBurst),
  };
  return { deps, apiKeys, audit: new AuditLog(mongo.connection, logger, config.audit) };
}
