import { DenialAggregator, type DenialEntry } from '../../../../src/infra/audit/denial-aggregator';

const denial = (actor: string, clientAddress: string, action = 'authentication.failed'): DenialEntry => ({
  action,
  outcome: action === 'authentication.failed' ? 'failure' : 'denied',
  actor,
  clientAddress,
  requestId: `${actor}-${clientAddress}`,
});

describe('denial aggregation', () => {
  const t0 = Date.parse('2026-12-06T10:00:00Z');

  it('counts refusals per action, client and window, keeping the latest as the sample', () => {
    const agg = new DenialAggregator(60_000, 100);
    for (let i = 0; i < 500; i++) agg.add({ ...denial('anonymous', '10.0.0.1'), requestId: `r${i}` }, t0 + i);
    for (let i = 0; i < 300; i++) agg.add(denial('anonymous', '10.0.0.1', 'rate-limit.exceeded'), t0 + i);
    agg.add(denial('anonymous', '10.0.0.1'), t0 + 60_000); // the next window
    const out = agg.drain();
    expect(out.map((a) => [a.sample.action, a.count, new Date(a.windowStart).toISOString()])).toEqual([
      ['authentication.failed', 500, '2026-12-06T10:00:00.000Z'],
      ['rate-limit.exceeded', 300, '2026-12-06T10:00:00.000Z'],
      ['authentication.failed', 1, '2026-12-06T10:01:00.000Z'],
    ]);
    expect(out[0]?.sample.requestId).toBe('r499');
    expect(out[0]?.lastAt).toBe(t0 + 499);
    expect(agg.drain()).toEqual([]);
  });

  it('gives the same record id to the same client and window on every flush, so counts add up in storage', () => {
    const agg = new DenialAggregator(60_000, 100);
    agg.add(denial('anonymous', '10.0.0.1'), t0);
    const [first] = agg.drain();
    agg.add(denial('anonymous', '10.0.0.1'), t0 + 30_000);
    agg.add(denial('anonymous', '10.0.0.2'), t0 + 30_000);
    const [again, other] = agg.drain();
    expect(again?.id).toBe(first?.id);
    expect(other?.id).not.toBe(first?.id);
  });

  it('stays bounded however many clients (or forged addresses) are refused: the rest share one overflow record', () => {
    const agg = new DenialAggregator(60_000, 10);
    for (let i = 0; i < 5_000; i++) agg.add(denial('anonymous', `10.0.${i >> 8}.${i & 255}`), t0 + i);
    expect(agg.size).toBe(11);
    const out = agg.drain();
    expect(out.reduce((n, a) => n + a.count, 0)).toBe(5_000);
    expect(out.find((a) => a.sample.actor === '*')).toMatchObject({ count: 4_990, sample: { detail: expect.stringContaining('AUDIT_DENIAL_MAX_CLIENTS') } });
  });

  it('gives counts a failed write could not store back to the next flush', () => {
    const agg = new DenialAggregator(60_000, 10);
    agg.add(denial('anonymous', '10.0.0.1'), t0);
    agg.add(denial('anonymous', '10.0.0.1'), t0 + 1);
    const failed = agg.drain();
    agg.add(denial('anonymous', '10.0.0.1'), t0 + 2);
    agg.restore(failed);
    expect(agg.drain().map((a) => a.count)).toEqual([3]);
  });
});
