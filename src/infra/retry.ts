export interface RetryOptions {
  /** Give up once this much time has passed since the first attempt. */
  readonly deadlineMs: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly shouldStop?: () => boolean;
  readonly onRetry?: (err: Error, attempt: number, delayMs: number) => void;
}

/** Runs `attempt` until it resolves, with exponential backoff, or rejects with the last error. */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now();
  let delay = options.initialDelayMs ?? 200;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (caught) {
      const err = caught instanceof Error ? caught : new Error(String(caught));
      const remaining = options.deadlineMs - (Date.now() - started);
      if (options.shouldStop?.() || remaining <= 0) throw err;
      const wait = Math.min(delay, remaining);
      options.onRetry?.(err, n, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
}
