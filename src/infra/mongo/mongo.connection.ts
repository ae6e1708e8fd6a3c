import mongoose, { type Connection } from 'mongoose';
import { redactUri } from '../../config';
import type { DependencyState } from '../../domain/health/readiness';
import type { Logger } from '../logging/logger';
import { retryWithBackoff } from '../retry';

const HEARTBEAT_MS = 2_000;

/**
 * The service's MongoDB connection. A dedicated mongoose connection (not the global default) so
 * tests can run several service instances in one process. Commands are not buffered: while the
 * database is unreachable a query fails fast and the API answers 503 instead of hanging, and
 * readiness (which pings it) answers 503 until it is back; the process itself is never restarted
 * for it (tested by cutting a proxy in front of the database and by restarting the database).
 */
export class MongoConnection {
  readonly connection: Connection;
  private closing = false;
  private checking?: Promise<DependencyState>;

  constructor(
    private readonly uri: string,
    private readonly logger: Logger,
    private readonly options: { serverSelectionTimeoutMS?: number; pingTimeoutMs?: number } = {},
  ) {
    this.connection = mongoose.createConnection();
    this.connection.on('error', (err: Error) => this.logger.warn({ err: { message: err.message } }, 'mongodb error'));
    this.connection.on('disconnected', () => {
      if (!this.closing) this.logger.warn('mongodb disconnected');
    });
    this.connection.on('reconnected', () => this.logger.info('mongodb reconnected'));
  }

  /** Connects, retrying with backoff until `deadlineMs` has passed; then rejects. */
  async connect(deadlineMs: number): Promise<void> {
    const target = redactUri(this.uri);
    await retryWithBackoff(
      async () => {
        await this.connection.openUri(this.uri, {
          serverSelectionTimeoutMS: this.options.serverSelectionTimeoutMS ?? 5_000,
          // Once connected, a lost server is never given up: the driver's monitor keeps checking it
          // and the pool reconnects when it answers again ('reconnected'). The check runs every
          // 2 s instead of the driver's 10 s, so readiness follows the database back within seconds.
          heartbeatFrequencyMS: HEARTBEAT_MS,
          bufferCommands: false,
        });
      },
      {
        deadlineMs,
        shouldStop: () => this.closing,
        onRetry: (err, attempt, delayMs) =>
          this.logger.warn({ target, attempt, delayMs, err: { message: err.message } }, 'mongodb not reachable yet, retrying'),
      },
    );
    this.logger.info({ target }, 'mongodb connected');
  }

  /** Concurrent probes (readiness, /healthcheck, a metrics scrape) share one ping. */
  check(): Promise<DependencyState> {
    this.checking ??= this.ping().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async ping(): Promise<DependencyState> {
    if (this.connection.readyState !== mongoose.ConnectionStates.connected || !this.connection.db) {
      return { up: false, detail: `not connected (${mongoose.ConnectionStates[this.connection.readyState]})` };
    }
    const started = performance.now();
    const timeoutMs = this.options.pingTimeoutMs ?? 1_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection.db.command({ ping: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`ping timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { up: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch (err) {
      return { up: false, detail: err instanceof Error ? err.message : 'ping failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.connection.close();
  }
}
