import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Page } from '../../domain/page';
import type { AuditEvent, AuditFilter } from '../../domain/audit/audit.types';
import type { Logger } from '../logging/logger';
import { AuditRetention } from './audit-retention';
import { DENIAL_ACTIONS, DenialAggregator, type DenialAggregate } from './denial-aggregator';
import { bulkWriteFailures } from '../mongo/mongo-errors';
import { exactMatch } from '../mongo/mongo-filters';
import { readPage } from '../mongo/mongo-paging';
import type { IndexSpec } from '../mongo/mongo-indexes';

/**
 * Stored with BSON dates (schema version 2; version 1 held ISO strings, which `npm run migrate`
 * converts) and a TTL date: the database removes an entry once its retention has passed.
 */
export const AUDIT_SCHEMA_VERSION = 2;
type AuditDoc = Omit<AuditEvent, 'id' | 'at' | 'windowStart' | 'windowEnd'> & { _id: string; schemaVersion: number; at: Date; windowStart?: Date; windowEnd?: Date; expiresAt?: Date };

function toEvent({ _id, schemaVersion: _v, expiresAt: _e, at, windowStart, windowEnd, ...rest }: AuditDoc): AuditEvent {
  const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());
  return { id: _id, at: iso(at), ...rest, ...(windowStart ? { windowStart: iso(windowStart) } : {}), ...(windowEnd ? { windowEnd: iso(windowEnd) } : {}) };
}
/** The admin queries (newest first, by actor, organisation, action) and retention. */
export const AUDIT_INDEXES: readonly IndexSpec[] = [
  { key: { at: -1 } },
  { key: { actor: 1, at: -1 } },
  { key: { organisation: 1, at: -1 } },
  { key: { action: 1, at: -1 } },
  // Where the engine has no TTL indexes, AuditRetention removes expired entries itself.
  { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
];
const MAX_BUFFER = 20_000;
const DAY_MS = 86_400_000;

export interface AuditOptions {
  /** Days an entry is kept (changes, API key events); 0 keeps it for ever. */
  readonly retentionDays: number;
  /** Days an aggregated denial (401, 403, 429) is kept. */
  readonly denialRetentionDays: number;
  /** Length of a denial aggregation window. */
  readonly denialWindowMs: number;
  /** Clients per window with a denial record of their own; the rest share one per action. */
  readonly denialMaxClients: number;
  readonly flushMs: number;
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = { retentionDays: 400, denialRetentionDays: 30, denialWindowMs: 60_000, denialMaxClients: 1_000, flushMs: 250 };

/**
 * The audit trail: every entry goes to the log stream at once (tagged `audit: true`) and to the
 * `audit_events` collection in batches, so that auditing a busy API costs one database write per
 * batch rather than per request. Changes are stored one by one; denials, which anyone can cause
 * without credentials, are counted per client and window (DenialAggregator) so a flood of them
 * cannot grow the collection or push real events out of the buffer. Entries expire after their
 * retention (AuditRetention); there is no other update or delete path.
 */
export class AuditLog {
  private buffer: AuditDoc[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly options: AuditOptions;
  private readonly denials: DenialAggregator;
  private readonly retention: AuditRetention;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    options: Partial<AuditOptions> = {},
  ) {
    this.options = { ...DEFAULT_AUDIT_OPTIONS, ...options };
    this.denials = new DenialAggregator(this.options.denialWindowMs, this.options.denialMaxClients);
    this.retention = new AuditRetention(connection, logger);
  }

  private get collection() {
    return this.connection.collection<AuditDoc>('audit_events');
  }

  private expiry(days: number, from: number): { expiresAt?: Date } {
    return days > 0 ? { expiresAt: new Date(from + days * DAY_MS) } : {};
  }

  record(entry: Omit<AuditEvent, 'id' | 'at'>): void {
    const now = Date.now();
    const event: AuditEvent = { id: randomUUID(), at: new Date(now).toISOString(), ...entry };
    this.logger.info({ audit: true, ...event }, `audit ${event.action} ${event.outcome}`);
    if (DENIAL_ACTIONS.has(entry.action)) {
      this.denials.add(entry, now);
    } else {
      const { id, at: _at, windowStart: _ws, windowEnd: _we, ...rest } = event;
      const doc: AuditDoc = { _id: id, schemaVersion: AUDIT_SCHEMA_VERSION, at: new Date(now), ...rest, ...this.expiry(this.options.retentionDays, now) };
      if (this.buffer.length < MAX_BUFFER) this.buffer.push(doc);
      else this.logger.error({ audit: true }, 'audit buffer full: entry kept in the log stream only');
    }
    // unref: a pending flush must not keep a finished process alive; stop() flushes explicitly.
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs).unref();
  }

  /**
   * One upsert per aggregate: who and when the window is are set once; the count adds up, and
   * `at` and the sample (ids, resource, reason) follow the latest refusal.
   */
  private async storeDenials(aggregates: readonly DenialAggregate[]): Promise<void> {
    if (aggregates.length === 0) return;
    const ops = aggregates.map((a) => {
      const { requestId, correlationId, resource, detail, status, imClient, ...identity } = a.sample;
      const sample = Object.fromEntries(Object.entries({ requestId, correlationId, resource, detail, status, imClient }).filter(([, v]) => v !== undefined));
      const window = { schemaVersion: AUDIT_SCHEMA_VERSION, windowStart: new Date(a.windowStart), windowEnd: new Date(a.windowEnd) };
      return {
        updateOne: {
          filter: { _id: a.id },
          update: {
            $inc: { count: a.count },
            $set: { at: new Date(a.lastAt), ...sample },
            $setOnInsert: { ...identity, ...window, ...this.expiry(this.options.denialRetentionDays, a.windowEnd) },
          },
          upsert: true,
        },
      };
    });
    try {
      await this.collection.bulkWrite(ops, { ordered: false });
    } catch (err) {
      // Counts are not lost on a failed write: they go back and are added by the next flush.
      this.denials.restore(aggregates);
      throw err;
    }
  }

  /** Writes what is pending; flushes run one after another, so list() sees every earlier entry. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = (this.flushing ?? Promise.resolve()).then(() => this.writePending());
    this.flushing = run;
    await run;
    if (this.flushing === run) this.flushing = undefined;
  }

  private retryLater(err: unknown, what: string): void {
    this.logger.warn({ err: { message: (err as Error).message } }, `${what} not stored yet; will retry`);
    this.timer ??= setTimeout(() => void this.flush(), 5_000).unref();
  }

  private async writePending(): Promise<void> {
    await this.retention.pruneIfDue();
    if (this.denials.size > 0) await this.storeDenials(this.denials.drain()).catch((err: unknown) => this.retryLater(err, 'audit denial counts'));
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    await this.collection.insertMany(batch, { ordered: false }).catch((err: unknown) => {
      // A partly applied batch: entries whose id already exists are stored; keep the rest for
      // the next attempt (they are in the log stream already).
      const failures = bulkWriteFailures(err);
      const stored = new Set((failures ?? []).filter((f) => f.duplicate).map((f) => f.index));
      const failed = failures ? new Set(failures.map((f) => f.index)) : undefined;
      const retry = batch.filter((_, i) => !stored.has(i) && (failed === undefined || failed.has(i)));
      this.buffer.unshift(...retry.slice(0, MAX_BUFFER - this.buffer.length));
      this.retryLater(err, 'audit events');
    });
  }

  async list(filter: AuditFilter, page: number, pageSize: number): Promise<Page<AuditEvent>> {
    await this.flush();
    const equalities: Record<string, unknown> = {};
    for (const key of ['action', 'actor', 'organisation', 'outcome'] as const) if (filter[key]) equalities[key] = filter[key];
    const query = exactMatch(equalities);
    if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: new Date(filter.from) } : {}), ...(filter.to ? { $lte: new Date(filter.to) } : {}) };
    const paged = {
      count: () => this.collection.countDocuments(query),
      slice: (skip: number, limit: number) => this.collection.find(query).sort({ at: -1, _id: 1 }).skip(skip).limit(limit).toArray(),
    };
    return readPage(paged, page, pageSize, toEvent);
  }
}
