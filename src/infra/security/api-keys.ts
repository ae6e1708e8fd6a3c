import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Connection } from 'mongoose';
import { conflict, invalid, notFound } from '../../domain/errors';
import type { Principal, Scope } from '../../domain/security/principal';
import { exactMatch } from '../mongo/mongo-filters';
import { AuthenticationError } from './jwt.verifier';

export interface ApiKeyRecord {
  _id: string;
  name: string;
  organisation: string;
  scopes: Scope[];
  secretHash: string;
  createdAt: string;
  createdBy: string;
  rotatedAt?: string;
  revokedAt?: string;
  expiresAt?: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^psbb_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

// The secret is 256 random bits, so a fast hash is enough: there is nothing to brute-force.
const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');
const newKeyId = (): string => Array.from(randomBytes(12), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');

/**
 * The instant an RFC 3339 time names, or NaN. `Date.parse` refuses a leap second (`23:59:60`), and
 * a NaN expiry compared with `<=` is never reached, so such a key would never expire: a leap second
 * is read as the first moment of the next second instead.
 */
export function instantOf(text: string): number {
  const leap = /^(.*T\d{2}:\d{2}):60(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  if (!leap) return Date.parse(text);
  const before = Date.parse(`${leap[1] ?? ''}:59${leap[3] ?? ''}`);
  return Number.isNaN(before) ? NaN : before + 1_000;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * API keys for machine clients: `psbb_<id>_<secret>`. Only a hash of the secret is stored; the
 * key is shown once, at creation or rotation. Lookups are cached briefly (revocation reaches
 * other replicas within that time, this one at once).
 */
export class ApiKeys {
  private readonly cache = new Map<string, { record: ApiKeyRecord | null; until: number }>();

  constructor(
    private readonly connection: Connection,
    private readonly cacheTtlMs: number,
    private readonly bootstrapKey?: string,
  ) {}

  private get collection() {
    return this.connection.collection<ApiKeyRecord>('api_keys');
  }

  async create(input: { name: string; organisation: string; scopes: Scope[]; expiresAt?: string }, createdBy: string): Promise<{ record: ApiKeyRecord; key: string }> {
    let expiresAt: string | undefined;
    if (input.expiresAt !== undefined) {
      const at = instantOf(input.expiresAt);
      if (Number.isNaN(at)) throw invalid('The API key expiry is not a time', [{ pointer: '/body/expiresAt', reason: 'must be an RFC 3339 date-time' }]);
      // A key born expired is a caller's mistake (often a local time sent without its offset), not a key.
      if (at <= Date.now()) throw invalid('The API key would already be expired', [{ pointer: '/body/expiresAt', reason: 'must be in the future' }]);
      // Stored as the instant it names, so every later reading agrees on it.
      expiresAt = new Date(at).toISOString();
    }
    const secret = newSecret();
    const { expiresAt: _given, ...rest } = input;
    const record: ApiKeyRecord = { _id: newKeyId(), ...rest, ...(expiresAt ? { expiresAt } : {}), secretHash: hash(secret), createdAt: new Date().toISOString(), createdBy };
    await this.collection.insertOne(record);
    return { record, key: `psbb_${record._id}_${secret}` };
  }

  list(filter: { organisation?: string; includeRevoked?: boolean }): Promise<ApiKeyRecord[]> {
    return this.collection
      .find({ ...exactMatch(filter.organisation ? { organisation: filter.organisation } : {}), ...(filter.includeRevoked ? {} : { revokedAt: { $exists: false } }) })
      .sort({ createdAt: 1 })
      .toArray();
  }

  async rotate(id: string): Promise<{ record: ApiKeyRecord; key: string }> {
    const current = await this.collection.findOne({ _id: id });
    if (!current) throw notFound('API key', id);
    if (current.revokedAt) throw conflict('API_KEY_REVOKED', `API key "${id}" is revoked and cannot be rotated`);
    const secret = newSecret();
    const rotatedAt = new Date().toISOString();
    await this.collection.updateOne({ _id: id }, { $set: { secretHash: hash(secret), rotatedAt } });
    this.cache.delete(id);
    return { record: { ...current, secretHash: hash(secret), rotatedAt }, key: `psbb_${id}_${secret}` };
  }

  async revoke(id: string): Promise<void> {
    const result = await this.collection.updateOne({ _id: id }, { $set: { revokedAt: new Date().toISOString() } });
    if (result.matchedCount === 0) throw notFound('API key', id);
    this.cache.delete(id);
  }

  async authenticate(key: string): Promise<Principal> {
    if (this.bootstrapKey && key.length === this.bootstrapKey.length && timingSafeEqual(Buffer.from(key), Buffer.from(this.bootstrapKey))) {
      return { kind: 'apiKey', subject: 'api-key:bootstrap', organisation: 'admin', scopes: ['admin'] };
    }
    const match = KEY_PATTERN.exec(key);
    if (!match) throw new AuthenticationError('the API key is not valid');
    const [, id = '', secret = ''] = match;
    const record = await this.lookup(id);
    if (!record || !sameHash(hash(secret), record.secretHash)) throw new AuthenticationError('the API key is not valid');
    if (record.revokedAt) throw new AuthenticationError('the API key has been revoked');
    // Fail closed: an expiry that cannot be read (stored before it was normalised) counts as passed.
    if (record.expiresAt !== undefined && !(instantOf(record.expiresAt) > Date.now())) throw new AuthenticationError('the API key has expired');
    return { kind: 'apiKey', subject: `api-key:${id}`, organisation: record.organisation, scopes: record.scopes };
  }

  private async lookup(id: string): Promise<ApiKeyRecord | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.record;
    const record = await this.collection.findOne({ _id: id });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { record, until: Date.now() + this.cacheTtlMs });
    return record;
  }
}
