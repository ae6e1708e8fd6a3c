import { isIP } from 'node:net';
import { hostname } from 'node:os';

/**
 * Typed configuration, read once from the environment at start-up.
 *
 * Every problem is collected and reported together, naming the variable, so an operator fixes a
 * broken deployment in one round trip. Secrets (connection URIs with credentials) only ever come
 * from the environment and are never logged: see `redactUri`.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly mongodbUri: string;
  readonly mongodbStartupTimeoutMs: number;
  readonly mongodbServerSelectionTimeoutMs: number;
  readonly amqpUrl: string;
  readonly amqpExchange: string;
  readonly logLevel: LogLevel;
  readonly shutdownTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly batchBodyLimitBytes: number;
  /** Largest body read from a caller without a valid credential (the rest is never read). */
  readonly preAuthBodyLimitBytes: number;
  readonly serviceVersion: string;
  readonly seedOnStart: boolean;
  readonly catalogueFreshnessMs: number;
  /** How long an Idempotency-Key stays bound to its request. */
  readonly idempotencyKeyTtlSeconds: number;
  readonly eventSource: string;
  readonly instanceId: string;
  readonly auth: AuthConfig;
  readonly limits: {
    /** Sustained requests per second per client, and the burst a client may use at once. */
    readonly ratePerSecond: number;
    readonly rateBurst: number;
    /** Failed authentications allowed per client address (sustained per second, and burst). */
    readonly authFailuresPerSecond: number;
    readonly authFailureBurst: number;
    readonly requestTimeoutMs: number;
  };
  /** Origins allowed to call the API from a browser; empty = CORS closed. */
  readonly corsOrigins: readonly string[];
  /**
   * express "trust proxy": the addresses and CIDR ranges of the proxies in front of the service,
   * comma-separated. Only a request whose peer is one of them has its X-Forwarded-For read.
   */
  readonly trustProxy?: string;
  /** Audit trail retention and the bound on denial records (see AuditLog). */
  readonly audit: {
    readonly retentionDays: number;
    readonly denialRetentionDays: number;
    readonly denialWindowMs: number;
    readonly denialMaxClients: number;
  };
  readonly outbox: {
    readonly sweepIntervalMs: number;
    readonly graceMs: number;
    readonly overlapMs: number;
    readonly leaseMs: number;
    readonly batchSize: number;
  };
}

export type AuthMode = 'jwt' | 'none';

export interface AuthConfig {
  /** `none` only for the local embedded default (`npm run dev`): every caller is an administrator. */
  readonly mode: AuthMode;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl?: string;
  readonly jwksFile?: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceS: number;
  readonly orgClaim: string;
  /** Let anyone read the catalogue (criteria:read) without credentials. */
  readonly publicCriteriaRead: boolean;
  /** An administrator key from a secret store, for installations without an identity provider yet. */
  readonly bootstrapAdminApiKey?: string;
  readonly apiKeyCacheTtlMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name}: is required`);
      return '';
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) {
      this.problems.push(`${name}: must be an integer, got "${value}"`);
      return fallback;
    }
    const n = Number(value);
    if (n < min || n > max) {
      this.problems.push(`${name}: must be between ${min} and ${max}, got ${n}`);
      return fallback;
    }
    return n;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name}: must be true or false, got "${value}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name}: must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value as T;
  }

  uri(name: string, schemes: readonly string[], fallback?: string): string {
    const value = this.string(name, fallback);
    if (value === '') return value;
    let scheme: string;
    try {
      scheme = new URL(value).protocol.replace(/:$/, '');
    } catch {
      // Never echo the value: it may hold a password.
      this.problems.push(`${name}: is not a valid URI`);
      return value;
    }
    if (!schemes.includes(scheme)) {
      this.problems.push(`${name}: must use one of the schemes ${schemes.join(', ')}, got "${scheme}:"`);
    }
    return value;
  }
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

function readAuth(r: Reader, env: Env): AuthConfig {
  const mode = r.oneOf('AUTH_MODE', ['jwt', 'none'] as const, 'jwt');
  const jwt = mode === 'jwt';
  const auth: AuthConfig = {
    mode,
    issuer: jwt ? r.string('JWT_ISSUER') : (env.JWT_ISSUER ?? ''),
    audience: jwt ? r.string('JWT_AUDIENCE') : (env.JWT_AUDIENCE ?? ''),
    ...(env.JWT_JWKS_URL ? { jwksUrl: r.uri('JWT_JWKS_URL', ['https', 'http']) } : {}),
    ...(env.JWT_JWKS_FILE ? { jwksFile: env.JWT_JWKS_FILE } : {}),
    algorithms: (env.JWT_ALGORITHMS ?? 'RS256,PS256,ES256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean),
    clockToleranceS: r.integer('JWT_CLOCK_TOLERANCE_S', 30, 0, 300),
    orgClaim: r.string('JWT_ORG_CLAIM', 'org'),
    publicCriteriaRead: r.boolean('CRITERIA_PUBLIC_READ', false),
    ...(env.BOOTSTRAP_ADMIN_API_KEY ? { bootstrapAdminApiKey: env.BOOTSTRAP_ADMIN_API_KEY } : {}),
    apiKeyCacheTtlMs: r.integer('API_KEY_CACHE_TTL_MS', 10_000, 0, 600_000),
  };
  // Keys fetched over plain HTTP could be swapped by anyone on the path; only a local IdP may use it.
  if (auth.jwksUrl?.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(auth.jwksUrl)) {
    r.problems.push('JWT_JWKS_URL: must use https (plain http is accepted for localhost only)');
  }
  // Symmetric (HS*) or "none" algorithms would let anyone holding the verification key mint tokens.
  const unsupported = auth.algorithms.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
  if (unsupported.length > 0) {
    r.problems.push(`JWT_ALGORITHMS: only asymmetric algorithms are accepted (${ASYMMETRIC_ALGORITHMS.join(', ')}), got ${unsupported.join(', ')}`);
  }
  if (jwt && !auth.jwksUrl && !auth.jwksFile) r.problems.push('JWT_JWKS_URL or JWT_JWKS_FILE: one is required when AUTH_MODE=jwt');
  if (auth.bootstrapAdminApiKey !== undefined && auth.bootstrapAdminApiKey.length < 32) {
    r.problems.push('BOOTSTRAP_ADMIN_API_KEY: must be at least 32 characters');
  }
  return auth;
}

// Names express (proxy-addr) knows for private address sets; each is a list of ranges, not "all".
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY as a list of proxy addresses or CIDR ranges. `true` (and `*`, `all`, `/0`) would let
 * every client write its own address into X-Forwarded-For: the failed-authentication limit could be
 * dodged by rotating it, any victim address locked out, and the audit trail told any address. A hop
 * count is refused too: it trusts whatever the nearest N peers say, so a client that reaches the
 * pods without the ingress (or through a proxy that appends to the header instead of replacing it)
 * chooses its address again. Only a request whose peer is listed has the header read.
 */
function readTrustProxy(r: Reader, raw: string): string | undefined {
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !PROXY_RANGE_NAMES.includes(entry) && !isAddressOrRange(entry));
  if (['true', '*', 'all'].includes(raw.trim().toLowerCase())) {
    r.problems.push('TRUST_PROXY: "true" would trust every client\'s X-Forwarded-For; list the proxies\' addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)');
  } else if (/^\d+$/.test(raw.trim())) {
    r.problems.push(`TRUST_PROXY: a hop count (${raw.trim()}) can be forged by a client that reaches the service directly; list the proxies' addresses or CIDR ranges (e.g. 10.0.0.0/8)`);
  } else if (bad.length > 0) {
    r.problems.push(`TRUST_PROXY: must be a comma-separated list of IP addresses, CIDR ranges (prefix above /0) or loopback, linklocal, uniquelocal; not ${bad.map((b) => `"${b}"`).join(', ')}`);
  } else {
    return entries.join(',');
  }
  return undefined;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...more] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || more.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  return bits >= 1 && bits <= (version === 4 ? 32 : 128);
}

export function loadConfig(env: Env = process.env): Config {
  const r = new Reader(env);
  const config: Config = {
    port: r.integer('PORT', 3333, 0, 65535),
    host: r.string('HOST', '0.0.0.0'),
    mongodbUri: r.uri('MONGODB_URI', ['mongodb', 'mongodb+srv']),
    mongodbStartupTimeoutMs: r.integer('MONGODB_STARTUP_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    mongodbServerSelectionTimeoutMs: r.integer('MONGODB_SERVER_SELECTION_TIMEOUT_MS', 5_000, 100, 120_000),
    amqpUrl: r.uri('AMQP_URL', ['amqp', 'amqps'], 'amqp://localhost'),
    amqpExchange: r.string('AMQP_EXCHANGE', 'procurement.sustainability'),
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownTimeoutMs: r.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    bodyLimitBytes: r.integer('BODY_LIMIT_BYTES', 1_048_576, 1_024, 104_857_600),
    batchBodyLimitBytes: r.integer('BATCH_BODY_LIMIT_BYTES', 16_777_216, 1_024, 268_435_456),
    preAuthBodyLimitBytes: r.integer('PREAUTH_BODY_LIMIT_BYTES', 8_192, 256, 1_048_576),
    serviceVersion: r.string('SERVICE_VERSION', env.npm_package_version ?? '0.1.0'),
    seedOnStart: r.boolean('SEED_ON_START', true),
    catalogueFreshnessMs: r.integer('CATALOGUE_FRESHNESS_MS', 1_000, 0, 3_600_000),
    idempotencyKeyTtlSeconds: r.integer('IDEMPOTENCY_KEY_TTL_SECONDS', 86_400, 1, 30 * 86_400),
    auth: readAuth(r, env),
    limits: {
      ratePerSecond: r.integer('RATE_LIMIT_PER_SECOND', 50, 1, 1_000_000),
      rateBurst: r.integer('RATE_LIMIT_BURST', 200, 1, 1_000_000),
      authFailuresPerSecond: r.integer('AUTH_FAILURE_LIMIT_PER_SECOND', 5, 1, 1_000_000),
      authFailureBurst: r.integer('AUTH_FAILURE_LIMIT_BURST', 50, 1, 1_000_000),
      requestTimeoutMs: r.integer('REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    ...(env.TRUST_PROXY?.trim() ? { trustProxy: readTrustProxy(r, env.TRUST_PROXY) } : {}),
    eventSource: r.string('EVENT_SOURCE', '/procurement-sustainability'),
    instanceId: r.string('INSTANCE_ID', `${hostname()}-${process.pid}`),
    audit: {
      retentionDays: r.integer('AUDIT_RETENTION_DAYS', 400, 0, 36_500),
      denialRetentionDays: r.integer('AUDIT_DENIAL_RETENTION_DAYS', 30, 1, 36_500),
      denialWindowMs: r.integer('AUDIT_DENIAL_WINDOW_S', 60, 1, 86_400) * 1_000,
      denialMaxClients: r.integer('AUDIT_DENIAL_MAX_CLIENTS', 1_000, 1, 1_000_000),
    },
    outbox: {
      sweepIntervalMs: r.integer('OUTBOX_SWEEP_INTERVAL_MS', 5_000, 100, 3_600_000),
      graceMs: r.integer('OUTBOX_GRACE_MS', 5_000, 0, 3_600_000),
      overlapMs: r.integer('OUTBOX_OVERLAP_MS', 60_000, 0, 86_400_000),
      leaseMs: r.integer('OUTBOX_LEASE_MS', 30_000, 1_000, 3_600_000),
      batchSize: r.integer('OUTBOX_BATCH_SIZE', 500, 1, 10_000),
    },
  };
  if (!/^[A-Za-z0-9._:-]{1,255}$/.test(config.amqpExchange)) {
    r.problems.push('AMQP_EXCHANGE: may only contain letters, digits and . _ : -');
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return Object.freeze(config);
}

/** A URI safe to log: credentials replaced by "***". */
export function redactUri(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    return url.toString();
  } catch {
    return '<unparseable uri>';
  }
}

/** For entry points: the configuration, or exit 1 with every problem on stderr. */
export function loadConfigOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
