/** What the chaos run records; the figures and the verdict are computed from these alone. */

/** One request of the steady load (a compliance check), as the load generator saw it. */
export interface RequestRecord {
  readonly replica: number;
  readonly startedAt: number;
  readonly endedAt: number;
  /** HTTP status; absent for a network error or a client-side timeout. */
  readonly status?: number;
  readonly error?: string;
  /** The assessment id of a 201 answer: the `subject` its event must carry. */
  readonly assessmentId?: string;
  /**
   * The connection was refused by a replica the harness had stopped: a load balancer sends such a
   * request to another replica, so it is routed away and not counted as sent.
   */
  readonly routedAway?: boolean;
}

export type FaultKind = 'none' | 'broker' | 'database' | 'replica' | 'hostile';

/** A phase of the run: a window of steady load, with the fault injected inside it. */
export interface PhaseWindow {
  readonly name: string;
  readonly kind: FaultKind;
  readonly startedAt: number;
  readonly endedAt: number;
  /** When the fault was injected. */
  readonly faultAt?: number;
  /** When the dependency was given back: proxy listening again, database READY, replica re-spawned. */
  readonly restoredAt?: number;
  /** The replica killed (kind `replica`). */
  readonly replica?: number;
  /** When the killed replica's process had exited: until then its sockets may still take connections. */
  readonly exitedAt?: number;
}

/** One delivery of an event to the run's own queue. */
export interface EventDelivery {
  /** The CloudEvent id (AMQP messageId). */
  readonly id: string;
  /** The CloudEvent subject: the assessment id. */
  readonly subject: string;
  readonly at: number;
}

/** The answer to one hostile payload. */
export interface HostileOutcome {
  readonly name: string;
  readonly replica: number;
  readonly expectedStatus: number;
  readonly status?: number;
  readonly error?: string;
  readonly ms: number;
}

export interface PhaseFigures {
  readonly phase: string;
  /** Requests started in the phase (routed-away ones excluded). */
  readonly sent: number;
  /** Failures that count against the verdict. */
  readonly failed: number;
  /** Failures of requests that overlapped a database outage window (reported, not counted). */
  readonly failedInDbOutage: number;
  /** Failures of requests in flight on a replica when it was killed (reported, not counted). */
  readonly inFlightAtKill: number;
  readonly routedAway: number;
  /** The longest a successful request took: how long the outage held requests that still succeeded. */
  readonly slowestSuccessMs?: number;
  /** Checks answered 201. */
  readonly accepted: number;
  /** Accepted checks whose event never arrived. */
  readonly eventsLost: number;
  /** Deliveries of an event id already delivered before. */
  readonly eventsDuplicated: number;
  /** From the restore to the first success of the faulty part (see recoveryMs in the figures). */
  readonly recoveryMs?: number;
  /** From the restore until every event of a check accepted before it had arrived. */
  readonly eventsCaughtUpMs?: number;
}

export interface Verdict {
  readonly pass: boolean;
  readonly reasons: readonly string[];
}
