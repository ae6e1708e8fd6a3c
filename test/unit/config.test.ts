import { ConfigError, loadConfig, redactUri } from '../../src/config';

const base = { MONGODB_URI: 'mongodb://localhost:27017/db', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'psbb', JWT_JWKS_URL: 'https://idp.example/jwks' };

describe('configuration', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3333,
      host: '0.0.0.0',
      amqpUrl: 'amqp://localhost',
      amqpExchange: 'procurement.sustainability',
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      bodyLimitBytes: 1_048_576,
      preAuthBodyLimitBytes: 8_192,
      seedOnStart: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every invalid variable at once, by name', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'chatty', AMQP_URL: 'http://broker', SEED_ON_START: 'maybe', AMQP_EXCHANGE: 'bad exchange!', AUTH_MODE: 'none' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      'PORT: must be between 0 and 65535, got 99999',
      'MONGODB_URI: is required',
      'AMQP_URL: must use one of the schemes amqp, amqps, got "http:"',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "chatty"',
      'SEED_ON_START: must be true or false, got "maybe"',
      'AMQP_EXCHANGE: may only contain letters, digits and . _ : -',
    ]);
  });

  it('requires an issuer, an audience and a JWKS unless authentication is explicitly off', () => {
    expect(() => loadConfig({ MONGODB_URI: base.MONGODB_URI })).toThrow(/JWT_ISSUER: is required[\s\S]*JWT_AUDIENCE: is required[\s\S]*JWT_JWKS_URL or JWT_JWKS_FILE/);
    expect(loadConfig(base).auth).toMatchObject({ mode: 'jwt', issuer: 'https://idp.example', clockToleranceS: 30, publicCriteriaRead: false });
    expect(loadConfig({ MONGODB_URI: base.MONGODB_URI, AUTH_MODE: 'none' }).auth.mode).toBe('none');
    expect(() => loadConfig({ ...base, BOOTSTRAP_ADMIN_API_KEY: 'short' })).toThrow('BOOTSTRAP_ADMIN_API_KEY: must be at least 32 characters');
  });

  it('fetches signing keys over https only (plain http for a local IdP) and accepts asymmetric algorithms only', () => {
    expect(() => loadConfig({ ...base, JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow('JWT_JWKS_URL: must use https');
    expect(loadConfig({ ...base, JWT_JWKS_URL: 'http://localhost:8080/jwks' }).auth.jwksUrl).toBe('http://localhost:8080/jwks');
    expect(() => loadConfig({ ...base, JWT_ALGORITHMS: 'RS256,HS256,none' })).toThrow(/JWT_ALGORITHMS: only asymmetric algorithms are accepted .* got HS256, none/);
    expect(loadConfig({ ...base, JWT_ALGORITHMS: 'ES384, EdDSA' }).auth.algorithms).toEqual(['ES384', 'EdDSA']);
  });

  it('never echoes a URI that fails to parse, since it may hold a password', () => {
    expect(() => loadConfig({ ...base, MONGODB_URI: 'mongodb://user:s3cret@[bad-host' })).toThrow('MONGODB_URI: is not a valid URI');
    try {
      loadConfig({ ...base, MONGODB_URI: 'mongodb://user:s3cret@[bad-host' });
    } catch (err) {
      expect(String(err)).not.toContain('s3cret');
    }
  });

  it('trusts X-Forwarded-For only from listed proxy addresses or ranges, never from everyone or a hop count', () => {
    expect(loadConfig(base).trustProxy).toBeUndefined();
    expect(loadConfig({ ...base, TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1,fd00::/8 ,loopback' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1,fd00::/8,loopback');
    for (const everyone of ['true', 'TRUE', '*', 'all']) {
      expect(() => loadConfig({ ...base, TRUST_PROXY: everyone })).toThrow(/TRUST_PROXY: "true" would trust every client's X-Forwarded-For/);
    }
    expect(() => loadConfig({ ...base, TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY: a hop count \(1\) can be forged/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8,0.0.0.0/0,::/0,10.0.0.300,10.0.0.0/33,example.com' })).toThrow(
      'TRUST_PROXY: must be a comma-separated list of IP addresses, CIDR ranges (prefix above /0) or loopback, linklocal, uniquelocal; not "0.0.0.0/0", "::/0", "10.0.0.300", "10.0.0.0/33", "example.com"',
    );
  });

  it('bounds the audit trail: retention days, denial window and clients per window, all configurable', () => {
    expect(loadConfig(base).audit).toEqual({ retentionDays: 400, denialRetentionDays: 30, denialWindowMs: 60_000, denialMaxClients: 1_000 });
    expect(loadConfig({ ...base, AUDIT_RETENTION_DAYS: '0', AUDIT_DENIAL_RETENTION_DAYS: '7', AUDIT_DENIAL_WINDOW_S: '10', AUDIT_DENIAL_MAX_CLIENTS: '50' }).audit).toEqual({
      retentionDays: 0,
      denialRetentionDays: 7,
      denialWindowMs: 10_000,
      denialMaxClients: 50,
    });
    expect(() => loadConfig({ ...base, AUDIT_DENIAL_MAX_CLIENTS: '0' })).toThrow('AUDIT_DENIAL_MAX_CLIENTS: must be between 1 and 1000000, got 0');
  });

  it('redacts credentials from URIs before they are logged', () => {
    expect(redactUri('amqp://guest:secret@rabbit:5672/vhost')).toBe('amqp://***@rabbit:5672/vhost');
    expect(redactUri('mongodb://db:27017/x')).toBe('mongodb://db:27017/x');
  });
});
