import { Gauge, type Registry } from 'prom-client';
import type { DependencyState } from '../../domain/health/readiness';

export type DependencyProbes = Readonly<Record<'mongodb' | 'rabbitmq', () => Promise<DependencyState> | DependencyState>>;

/**
 * `dependency_up{dependency}`: 1 while a dependency answers, 0 while it does not. Readiness no
 * longer turns 503 for a broker outage (the outbox takes the writes), so this gauge, and the
 * chart's PrometheusRule built on it, is how an operator learns that RabbitMQ is gone. Sampled on
 * every scrape with the same checks readiness uses, so the two never disagree.
 */
export function registerDependencyGauge(registry: Registry, probes: DependencyProbes): Gauge<'dependency'> {
  return new Gauge({
    name: 'dependency_up',
    help: 'Whether a dependency answers (1) or not (0), as readiness sees it; RabbitMQ down does not make the service unready',
    labelNames: ['dependency'] as const,
    registers: [registry],
    async collect() {
      const names = Object.keys(probes) as (keyof DependencyProbes)[];
      const states = await Promise.all(names.map((name) => Promise.resolve(probes[name]()).catch(() => ({ up: false }))));
      names.forEach((name, i) => this.set({ dependency: name }, states[i]?.up ? 1 : 0));
    },
  });
}
