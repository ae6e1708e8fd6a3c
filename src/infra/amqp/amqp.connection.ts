import amqplib, { type ChannelModel, type ConfirmChannel, type RecoveringChannelModel } from 'amqplib';
import { redactUri } from '../../config';
import type { Logger } from '../logging/logger';
import type { DependencyState } from '../../domain/health/readiness';

/**
 * RabbitMQ connection built on amqplib's recovering connection.
 *
 * - The broker being down never stops the service: we do not wait for the first connection, and
 *   amqplib retries forever with capped exponential backoff.
 * - amqplib recovers the connection only. Channels die with it, so the confirm channel is created
 *   lazily and dropped whenever its connection or the channel itself closes.
 * - Every emitter gets an `error` listener: an unhandled `error` event would crash the process.
 */
export class AmqpConnection {
  private model?: RecoveringChannelModel;
  private connected = false;
  private lastError = 'not connected yet';
  private channel?: Promise<ConfirmChannel>;
  private readonly connectListeners: (() => void)[] = [];
  private readonly returnListeners: ((messageId: string) => void)[] = [];

  constructor(
    private readonly url: string,
    readonly exchange: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const target = redactUri(this.url);
    this.model = await amqplib.connect(this.url, {
      clientProperties: { connection_name: 'procurement-sustainability' },
      recovery: {
        waitForConnect: false,
        maxRetries: Infinity,
        initialDelay: 100,
        maxDelay: 5_000,
        setup: (model: ChannelModel) => this.setupTopology(model),
      },
    });
    const model = this.model;
    model.on('error', (err: Error) => this.logger.warn({ err: { message: err.message } }, 'rabbitmq connection error'));
    model.on('handler-error', (err: Error) => this.logger.error({ err }, 'rabbitmq listener threw'));
    model.on('connect', () => {
      this.connected = true;
      this.logger.info({ target, exchange: this.exchange }, 'rabbitmq connected');
      for (const listener of this.connectListeners) listener();
    });
    model.on('disconnect', (err: Error) => {
      this.connected = false;
      this.lastError = err.message;
      this.channel = undefined;
      this.logger.warn({ target, err: { message: err.message } }, 'rabbitmq disconnected');
    });
    model.on('connect-failed', (err: Error) => {
      this.lastError = err.message;
    });
    model.on('reconnect-scheduled', (info: { attempt: number; delay: number }) =>
      this.logger.debug({ target, ...info }, 'rabbitmq reconnect scheduled'),
    );
    model.on('blocked', (reason: string) => this.logger.warn({ reason }, 'rabbitmq blocked the connection'));
  }

  /**
   * The durable topic exchange (routing key = event type) with an alternate exchange, so that
   * events nobody is bound to yet are parked in `<exchange>.unroutable` instead of lost.
   */
  private async setupTopology(model: ChannelModel): Promise<void> {
    const ae = `${this.exchange}.unroutable`;
    let ch = await model.createChannel();
    ch.on('error', () => undefined);
    try {
      await ch.assertExchange(this.exchange, 'topic', { durable: true, alternateExchange: ae });
    } catch (err) {
      // 406 PRECONDITION_FAILED: the exchange exists with other arguments. Use it as it is; returned
      // (unroutable) events are then retried by the relay instead of being parked.
      this.logger.error({ exchange: this.exchange, err: { message: (err as Error).message } }, 'exchange exists without the alternate exchange; unroutable events will be retried');
      ch = await model.createChannel();
      ch.on('error', () => undefined);
      await ch.checkExchange(this.exchange);
    }
    await ch.assertExchange(ae, 'fanout', { durable: true });
    await ch.assertQueue(ae, { durable: true });
    await ch.bindQueue(ae, ae, '');
    await ch.close();
  }

  /** Called with the messageId of every message the broker returns as unroutable. */
  onReturn(listener: (messageId: string) => void): void {
    this.returnListeners.push(listener);
  }

  state(): DependencyState {
    return this.connected ? { up: true } : { up: false, detail: this.lastError };
  }

  /** Called after every (re)connection, once the exchange exists. */
  onConnect(listener: () => void): void {
    this.connectListeners.push(listener);
  }

  /** The shared confirm channel of the current connection, created on first use after (re)connecting. */
  confirmChannel(): Promise<ConfirmChannel> {
    if (!this.model) return Promise.reject(new Error('rabbitmq connection not started'));
    if (!this.connected) return Promise.reject(new Error(`rabbitmq unavailable: ${this.lastError}`));
    this.channel ??= this.model.createConfirmChannel().then(
      (ch) => {
        const drop = (): void => {
          if (this.channel === current) this.channel = undefined;
        };
        ch.on('error', (err: Error) => this.logger.warn({ err: { message: err.message } }, 'rabbitmq channel error'));
        ch.on('close', drop);
        ch.on('return', (msg: { properties: { messageId?: string } }) => {
          for (const listener of this.returnListeners) if (msg.properties.messageId) listener(msg.properties.messageId);
        });
        return ch;
      },
      (err: unknown) => {
        this.channel = undefined;
        throw err;
      },
    );
    const current = this.channel;
    return current;
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.model?.close();
  }
}
