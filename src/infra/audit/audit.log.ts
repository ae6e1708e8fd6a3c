import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Page } from '../../domain/catalogue/criteria.query';
import type { AuditEvent, AuditFilter } from '../../domain/audit/audit.types';
import type { Logger } from '../logging/logger';

type AuditDoc = Omit<AuditEvent, 'id'> & { _id: string };
const MAX_BUFFER = 20_000;

/**
 * The audit trail: every entry goes to the log stream at once (tagged `audit: true`) and to the
 * append-only `audit_events` collection in batches, so that auditing a busy API costs one
 * database write per batch rather than per request. There is no update or delete path.
 */
export class AuditLog {
  private buffer: AuditDoc[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly flushMs = 250,
  ) {}

  private get collection() {
    return this.connection.collection<AuditDoc>('audit_events');
  }

  /** Indexes for the admin queries (newest first, by actor, organisation, action). */
  async ensureIndexes(): Promise<void> {
    // One at a time: FerretDB 1.24 fails a createIndexes batch whose indexes all exist already.
    const keys: Record<string, 1 | -1>[] = [{ at: -1 }, { actor: 1, at: -1 }, { organisation: 1, at: -1 }, { action: 1, at: -1 }];
    for (const key of keys) {
      await this.collection.createIndex(key);
    }
  }

  record(entry: Omit<AuditEvent, 'id' | 'at'>): void {
    const event: AuditEvent = { id: randomUUID(), at: new Date().toISOString(), ...entry };
    this.logger.info({ audit: true, ...event }, `audit ${event.action} ${event.outcome}`);
    const { id, ...rest } = event;
    if (this.buffer.length < MAX_BUFFER) this.buffer.push({ _id: id, ...rest });
    else this.logger.error({ audit: true }, 'audit buffer full: entry kept in the log stream only');
    // unref: a pending flush must not keep a finished process alive; stop() flushes explicitly.
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.collection
      .insertMany(batch, { ordered: false })
      .then(() => undefined)
      .catch((err: unknown) => {
        // A partly applied batch: entries whose id already exists are stored; keep the rest for
        // the next attempt (they are in the log stream already).
        const writeErrors = (err as { writeErrors?: { code?: number; index?: number; err?: { code?: number; index?: number } }[] }).writeErrors;
        const stored = new Set((writeErrors ?? []).filter((e) => (e.code ?? e.err?.code) === 11000).map((e) => e.index ?? e.err?.index));
        const failed = writeErrors ? new Set(writeErrors.map((e) => e.index ?? e.err?.index)) : undefined;
        const retry = batch.filter((_, i) => !stored.has(i) && (failed === undefined || failed.has(i)));
        this.buffer.unshift(...retry.slice(0, MAX_BUFFER - this.buffer.length));
        this.logger.warn({ err: { message: (err as Error).message } }, 'audit events not stored yet; will retry');
        this.timer ??= setTimeout(() => void this.flush(), 5_000).unref();
      })
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  async list(filter: AuditFilter, page: number, pageSize: number): Promise<Page<AuditEvent>> {
    await this.flush();
    const query: Record<string, unknown> = {};
    for (const key of ['action', 'actor', 'organisation', 'outcome'] as const) if (filter[key]) query[key] = filter[key];
    // Stored times are UTC ISO strings; normalise the bounds (which may carry offsets) the same way.
    const utc = (t: string) => new Date(t).toISOString();
    if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: utc(filter.from) } : {}), ...(filter.to ? { $lte: utc(filter.to) } : {}) };
    const [total, docs] = await Promise.all([
      this.collection.countDocuments(query),
      this.collection.find(query).sort({ at: -1, _id: 1 }).skip((page - 1) * pageSize).limit(pageSize).toArray(),
    ]);
    return { items: docs.map(({ _id, ...rest }) => ({ id: _id, ...rest })), page, pageSize, total, lastPage: Math.max(1, Math.ceil(total / pageSize)) };
  }
}
