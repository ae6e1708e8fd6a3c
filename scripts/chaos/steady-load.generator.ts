import type { RequestRecord } from './chaos.types';
import type { ReplicaProcess } from './replica.process';

export interface SteadyLoadOptions {
  readonly replicas: readonly ReplicaProcess[];
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: () => string;
  readonly concurrency: number;
  /** Requests per second over all workers: modest, the machine is shared. */
  readonly ratePerSecond: number;
  readonly timeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fixed number of workers sending POSTs round-robin to the replicas, each request recorded as
 * seen by the client. It behaves as a load balancer would and no more: a replica that refuses a
 * connection is taken out of rotation until its readiness probe answers again, and a refusal by a
 * replica the harness stopped is recorded as routed away (it never reached a server). A refusal by
 * a replica nobody stopped stays a failure. Nothing is retried: every other error is reported.
 */
export class SteadyLoad {
  readonly records: RequestRecord[] = [];
  private readonly down = new Set<number>();
  private running = false;
  private workers: Promise<void>[] = [];
  private next = 0;

  constructor(private readonly options: SteadyLoadOptions) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.worker());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private pick(): ReplicaProcess | undefined {
    const { replicas } = this.options;
    for (let i = 0; i < replicas.length; i += 1) {
      const candidate = replicas[this.next++ % replicas.length]!;
      if (!this.down.has(candidate.index)) return candidate;
    }
    return undefined;
  }

  private async worker(): Promise<void> {
    const intervalMs = (this.options.concurrency * 1000) / this.options.ratePerSecond;
    while (this.running) {
      const started = Date.now();
      const replica = this.pick();
      if (replica) await this.send(replica);
      await sleep(Math.max(replica ? 0 : 50, started + intervalMs - Date.now()));
    }
  }

  private async send(replica: ReplicaProcess): Promise<void> {
    const startedAt = Date.now();
    try {
      const res = await fetch(`${replica.baseUrl}${this.options.path}`, {
        method: 'POST',
        headers: this.options.headers,
        body: this.options.body(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await res.text();
      const assessmentId = res.status === 201 ? (JSON.parse(text) as { id?: string }).id : undefined;
      this.records.push({ replica: replica.index, startedAt, endedAt: Date.now(), status: res.status, ...(assessmentId ? { assessmentId } : {}) });
    } catch (err) {
      const code = ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name) || 'error';
      const refused = code === 'ECONNREFUSED';
      if (refused) this.markDown(replica);
      this.records.push({ replica: replica.index, startedAt, endedAt: Date.now(), error: code, ...(refused && replica.stoppedByHarness ? { routedAway: true } : {}) });
    }
  }

  /** Out of rotation until /health/ready answers 200, probed as an orchestrator would. */
  private markDown(replica: ReplicaProcess): void {
    if (this.down.has(replica.index)) return;
    this.down.add(replica.index);
    void (async () => {
      while (this.running) {
        await sleep(250);
        const res = await fetch(`${replica.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
        if (res?.status === 200) break;
      }
      this.down.delete(replica.index);
    })();
  }
}
