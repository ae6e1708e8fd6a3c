export interface DependencyState {
  readonly up: boolean;
  readonly detail?: string;
  readonly latencyMs?: number;
}

export interface DependencyCheck {
  status: 'up' | 'down';
  detail?: string;
  latencyMs?: number;
}

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  checks: { mongodb: DependencyCheck; rabbitmq: DependencyCheck; startup?: DependencyCheck; shutdown?: DependencyCheck };
}

export interface ReadinessProbes {
  mongodb(): Promise<DependencyState> | DependencyState;
  rabbitmq(): Promise<DependencyState> | DependencyState;
  /** Until start-up has finished (the catalogue seeded), the service is not ready for traffic. */
  started(): boolean;
  shuttingDown(): boolean;
}

/**
 * Readiness is unauthenticated, so driver messages are reduced to what an operator needs (the
 * error code, "not connected", "timed out") without the hosts, ports, URLs or credentials that
 * would map our network for an anonymous caller. The full message stays in the logs.
 */
export function publicDetail(detail: string): string {
  return detail
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<address>')
    .replace(/\[[0-9a-f:.]+\](:\d+)?/gi, '<address>')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<address>')
    .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*:\d{2,5}\b/gi, '<address>')
    // DNS failures name the host without a port ("getaddrinfo ENOTFOUND mongo.internal").
    .replace(/\b(ENOTFOUND|EAI_AGAIN)\s+(?!<address>)\S+/g, '$1 <address>')
    .slice(0, 200);
}

function toCheck(state: DependencyState): DependencyCheck {
  return {
    status: state.up ? 'up' : 'down',
    ...(state.detail !== undefined ? { detail: publicDetail(state.detail) } : {}),
    ...(state.latencyMs !== undefined ? { latencyMs: state.latencyMs } : {}),
  };
}

/**
 * Ready means "can serve": MongoDB answers, start-up has finished and the service is not stopping.
 * RabbitMQ is reported but does not decide: every write stores its events in the transactional
 * outbox in MongoDB, and the relay and sweeper publish them once the broker is back. Taking every
 * replica out of the load balancer during a broker outage would refuse the very writes the outbox
 * exists to accept.
 */
export async function checkReadiness(probes: ReadinessProbes): Promise<ReadinessReport> {
  const [mongodb, rabbitmq] = await Promise.all([probes.mongodb(), probes.rabbitmq()]);
  const report: ReadinessReport = { status: 'ready', checks: { mongodb: toCheck(mongodb), rabbitmq: toCheck(rabbitmq) } };
  if (!probes.started()) report.checks.startup = { status: 'down', detail: 'the service is still starting (seeding the catalogue)' };
  if (probes.shuttingDown()) report.checks.shutdown = { status: 'down', detail: 'the service is shutting down' };
  const { rabbitmq: _informational, ...deciding } = report.checks;
  const canServe = Object.values(deciding).every((check) => check?.status === 'up');
  report.status = canServe ? 'ready' : 'unavailable';
  return report;
}
