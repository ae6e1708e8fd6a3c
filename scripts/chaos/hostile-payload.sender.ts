import { rawRequest } from '../../test/support/raw-http';
import type { HostileOutcome } from './chaos.types';
import type { ReplicaProcess } from './replica.process';

/** `{"offers":[0,0,…]}` with `n` zeros: 2 bytes per element. */
const zeros = (n: number): Buffer => Buffer.concat([Buffer.from('{"offers":['), Buffer.from('0,'.repeat(n - 1)), Buffer.from('0]}')]);
/** `[[[…]]]`, `depth` levels. */
const deepArray = (depth: number): Buffer => Buffer.concat([Buffer.alloc(depth, '['), Buffer.alloc(depth, ']')]);

interface Payload {
  readonly name: string;
  readonly path: string;
  readonly authorised: boolean;
  readonly body: Buffer;
  readonly expectedStatus: number;
}

/** A replica that never answers or never closes must not hang the run: that is a failure too. */
const ANSWER_TIMEOUT_MS = 30_000;

const PAYLOADS: readonly Payload[] = [
  { name: 'unauthenticated 6 MB batch of 3 million zeros', path: '/api/v1/compliance-checks/batch', authorised: false, body: zeros(3_000_000), expectedStatus: 401 },
  { name: 'authenticated 16 MB [[[…]]] to an odd-cased unknown path', path: '/API/V1/Compliance-Checks/Batch/zzz', authorised: true, body: deepArray(8_000_000), expectedStatus: 404 },
];

/**
 * Sends each hostile payload to each replica as a client that writes its whole body without
 * reading (most do): the answer must come, and the connection must close cleanly, not reset,
 * while the replica keeps serving the steady load under the image's heap limit.
 */
export async function sendHostilePayloads(replicas: readonly ReplicaProcess[], authorization: string): Promise<HostileOutcome[]> {
  const outcomes: HostileOutcome[] = [];
  for (const replica of replicas) {
    for (const p of PAYLOADS) {
      const headers = { 'Content-Type': 'application/json', ...(p.authorised ? { Authorization: authorization } : {}) };
      const started = Date.now();
      const base = { name: p.name, replica: replica.index, expectedStatus: p.expectedStatus };
      try {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no clean answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS)));
        const res = await Promise.race([rawRequest(replica.port, { path: p.path, headers, body: p.body, untilClosed: true }), timeout]).finally(() => clearTimeout(timer));
        outcomes.push({ ...base, status: res.status, ms: Date.now() - started });
      } catch (err) {
        outcomes.push({ ...base, error: (err as Error).message, ms: Date.now() - started });
      }
    }
  }
  return outcomes;
}
