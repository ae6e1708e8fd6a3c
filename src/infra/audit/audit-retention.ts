import type { Connection } from 'mongoose';
import type { Logger } from '../logging/logger';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Removing audit entries once their `expiresAt` has passed. MongoDB does it by itself with a TTL
 * index; FerretDB refuses TTL indexes ("not implemented yet"), so the trail also deletes expired
 * entries itself, at most every ten minutes, when it writes (an idle trail gains nothing to remove).
 */
export class AuditRetention {
  private prunedAt = 0;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
  ) {}

  private get collection() {
    return this.connection.collection('audit_events');
  }

  async pruneIfDue(now = Date.now()): Promise<void> {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    try {
      const { deletedCount } = await this.collection.deleteMany({ expiresAt: { $lte: new Date(now) } });
      if (deletedCount > 0) this.logger.info({ audit: true, deleted: deletedCount }, 'audit entries past their retention removed');
    } catch (err) {
      this.prunedAt = 0;
      this.logger.warn({ err: { message: (err as Error).message } }, 'removing expired audit entries failed; will retry');
    }
  }
}
