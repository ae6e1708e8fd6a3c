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

  it('redacts credentials from URIs before they are logged', () => {
    expect(redactUri('amqp://guest:secret@rabbit:5672/vhost')).toBe('amqp://***@rabbit:5672/vhost');
    expect(redactUri('mongodb://db:27017/x')).toBe('mongodb://db:27017/x');
  });
});
