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
  checks: { mongodb: DependencyCheck; rabbitmq: DependencyCheck; shutdown?: DependencyCheck };
}

export interface ReadinessProbes {
  mongodb(): Promise<DependencyState> | DependencyState;
  rabbitmq(): Promise<DependencyState> | DependencyState;
  shuttingDown(): boolean;
}

function toCheck(state: DependencyState): DependencyCheck {
  return {
    status: state.up ? 'up' : 'down',
    ...(state.detail !== undefined ? { detail: state.detail } : {}),
    ...(state.latencyMs !== undefined ? { latencyMs: state.latencyMs } : {}),
  };
}

/** Ready only when every dependency is up and the service is not shutting down. */
export async function checkReadiness(probes: ReadinessProbes): Promise<ReadinessReport> {
  const [mongodb, rabbitmq] = await Promise.all([probes.mongodb(), probes.rabbitmq()]);
  const report: ReadinessReport = { status: 'ready', checks: { mongodb: toCheck(mongodb), rabbitmq: toCheck(rabbitmq) } };
  if (probes.shuttingDown()) report.checks.shutdown = { status: 'down', detail: 'the service is shutting down' };
  const allUp = Object.values(report.checks).every((check) => check.status === 'up');
  report.status = allUp ? 'ready' : 'unavailable';
  return report;
}
