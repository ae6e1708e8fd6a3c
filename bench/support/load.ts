import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { round } from './bench-env';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssMiB?: number;
  /**
   * CPU time (user + system) the target process spent per request. Unlike requests/s it barely
   * moves when other processes compete for the machine, so it is the steadier figure to compare.
   */
  cpuUsPerRequest?: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Fixed total rate (requests/s) instead of as fast as possible. */
  overallRate?: number;
  /** PID whose resident memory is sampled during the run. */
  pid?: number;
}

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

/** utime + stime of a process, in microseconds (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuUs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** autocannon in-process, after a short warm-up, with the target's peak RSS sampled. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const base = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body ? { body: options.body } : {}),
    connections: options.connections,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  };
  await autocannon({ ...base, duration: 2 });
  let peak = 0;
  const sampler = options.pid ? setInterval(() => (peak = Math.max(peak, rssMiB(options.pid!) ?? 0)), 100) : undefined;
  const cpuBefore = options.pid ? cpuUs(options.pid) : undefined;
  const result = await autocannon({ ...base, duration: options.seconds });
  const cpuAfter = options.pid ? cpuUs(options.pid) : undefined;
  clearInterval(sampler);
  const total = result.requests.total;
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ...(options.pid ? { peakRssMiB: round(peak) } : {}),
    ...(cpuBefore !== undefined && cpuAfter !== undefined && total > 0 ? { cpuUsPerRequest: round((cpuAfter - cpuBefore) / total) } : {}),
  };
}
