import type { HostileOutcome, PhaseFigures, Verdict } from './chaos.types';

const ms = (n: number | undefined): string => (n === undefined ? '—' : n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`);

/** The per-phase figures as the Markdown table docs/reliability.md carries. */
export function phaseTable(figures: readonly PhaseFigures[]): string {
  const head = ['Phase', 'Sent', 'Failed (counted)', 'Failed in DB outage', 'In flight at kill', 'Routed away', 'Slowest 2xx', 'Recovery', 'Accepted (201)', 'Events lost', 'Duplicated', 'Events caught up'];
  const rows = figures.map((f) => [
    f.phase,
    f.sent,
    f.failed,
    f.failedInDbOutage,
    f.inFlightAtKill,
    f.routedAway,
    ms(f.slowestSuccessMs),
    ms(f.recoveryMs),
    f.accepted,
    f.eventsLost,
    f.eventsDuplicated,
    ms(f.eventsCaughtUpMs),
  ]);
  const sum = (k: keyof PhaseFigures) => figures.reduce((n, f) => n + (f[k] as number), 0);
  rows.push(['**total**', sum('sent'), sum('failed'), sum('failedInDbOutage'), sum('inFlightAtKill'), sum('routedAway'), '', '', sum('accepted'), sum('eventsLost'), sum('eventsDuplicated'), '']);
  const line = (cells: readonly unknown[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function hostileTable(outcomes: readonly HostileOutcome[]): string {
  const lines = ['| Hostile payload | Replica | Expected | Answer | Time |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const h of outcomes) lines.push(`| ${h.name} | ${h.replica} | ${h.expectedStatus} | ${h.status ?? h.error ?? '—'} | ${ms(h.ms)} |`);
  return lines.join('\n');
}

export function verdictText(v: Verdict): string {
  return v.pass ? 'PASS: 0 events lost, 0 failed requests outside the excused windows' : `FAIL:\n${v.reasons.map((r) => `  - ${r}`).join('\n')}`;
}
