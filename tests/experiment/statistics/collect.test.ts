// The statistics collector fed hand-made replication results in any order: rows and summaries in the stable
// output order (scenario order of crossings and stages, then south, north, all; truck, car, train, all), the
// bottleneck stage, daily and period means, warnings from failed invariants, event and vehicle counts.
import { describe, expect, it } from 'vitest';
import { ResultCollector, type CorridorReplicationRow, type CorridorSummaryRow } from '../../../src/experiment/statistics/collect.js';
import { summariseValues } from '../../../src/experiment/statistics/stats.js';
import {
  CORRIDOR_METRICS, GROUP_METRICS, MONTHLY_METRICS, type ClassKey, type CorridorResult, type DirectionKey, type GroupMetric, type GroupResult, type ReplicationResult, type StageResult,
} from '../../../src/model/results.js';
import type { Direction, Scenario } from '../../../src/scenario/types.js';
import { fakeScenario } from '../../helpers/fake-results.js';
import { corridor, demand } from '../../helpers/scenarios.js';

/** Crossings in scenario order: `zeta` before `alpha`, so text order would be wrong. */
const SCENARIO = fakeScenario([
  { id: 'zeta', stages: ['ru-customs', 'mn-customs'] },
  { id: 'alpha', stages: ['yard'] },
]);

function group(crossing: string, direction: DirectionKey, vehicleClass: ClassKey, base: number): GroupResult {
  const values = Object.fromEntries(GROUP_METRICS.map((m, i) => [m, base + i])) as Record<GroupMetric, number>;
  return { crossing, direction, vehicleClass, values };
}

function stage(crossing: string, name: string, utilisation: number): StageResult {
  return {
    crossing, stage: name, directions: 'south+north', utilisation, overtimeH: 0, queueMean: 1, served: 10, openServerH: 24,
    serversMean: 1, busyMean: utilisation, fullShare: 0, queueWaitHMean: 0.5, queueWaitHP95: 1,
  };
}

/** One replication: groups, stages and invariants listed in reverse of the output order. */
function replication(r: number, opts: { utilisation?: [number, number]; brokenCrossing?: string } = {}): ReplicationResult {
  const [ru, mn] = opts.utilisation ?? [0.4, 0.6];
  return {
    replication: r,
    groups: [
      group('alpha', 'all', 'all', 100 * r),
      group('zeta', 'all', 'all', 10 * r),
      group('zeta', 'all', 'truck', 10 * r),
      group('zeta', 'north', 'car', r),
      group('zeta', 'south', 'train', r),
      group('zeta', 'south', 'truck', r),
    ],
    stages: [stage('alpha', 'yard', 0.1), stage('zeta', 'mn-customs', mn), stage('zeta', 'ru-customs', ru)],
    daily: [],
    monthly: [{ period: '2023-02', crossing: 'zeta', direction: 'south', vehicleClass: 'truck', values: MONTHLY_METRICS.map(() => r) },
      { period: '2023-01', crossing: 'zeta', direction: 'south', vehicleClass: 'truck', values: MONTHLY_METRICS.map(() => 2 * r) }],
    hourly: [],
    invariants: [
      { name: 'littles_law', crossing: 'zeta', ok: opts.brokenCrossing !== 'zeta', detail: 'area 10 = waits 12' },
      { name: 'conservation', crossing: 'zeta', ok: opts.brokenCrossing !== 'zeta', detail: 'arrived 5 = completed 3' },
      { name: 'conservation', crossing: 'alpha', ok: opts.brokenCrossing !== 'alpha', detail: 'arrived 2 = completed 1' },
    ],
    corridors: [],
    events: 1000 * r,
  };
}

describe('ResultCollector', () => {
  it('sorts the per-replication rows by replication, crossing in scenario order, direction, class and metric', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(2));
    c.add(replication(1));
    const { rows, replications } = c.finish();
    expect(replications).toBe(2);
    expect(rows).toHaveLength(2 * 6 * GROUP_METRICS.length);
    const groupsOf = (r: number): string[] => [...new Set(rows.filter((x) => x.replication === r).map((x) => `${x.crossing} ${x.direction}/${x.vehicleClass}`))];
    expect(groupsOf(1)).toEqual(['zeta south/truck', 'zeta south/train', 'zeta north/car', 'zeta all/truck', 'zeta all/all', 'alpha all/all']);
    expect(rows.slice(0, GROUP_METRICS.length).map((x) => x.metric)).toEqual([...GROUP_METRICS]);
    expect(rows[0]).toEqual({ replication: 1, crossing: 'zeta', direction: 'south', vehicleClass: 'truck', metric: GROUP_METRICS[0], value: 1 });
  });

  it('summarises each group metric over the replications, whatever order they came in', () => {
    const c = new ResultCollector(SCENARIO);
    for (const r of [3, 1, 2]) c.add(replication(r));
    const { summary } = c.finish();
    expect(summary).toHaveLength(6 * GROUP_METRICS.length);
    const arrivals = summary.find((s) => s.crossing === 'alpha' && s.metric === 'arrivals')!;
    const index = GROUP_METRICS.indexOf('arrivals');
    expect(arrivals).toEqual({ crossing: 'alpha', direction: 'all', vehicleClass: 'all', metric: 'arrivals', ...summariseValues([100 + index, 200 + index, 300 + index]) });
    expect(summary.map((s) => s.crossing).indexOf('alpha')).toBe(5 * GROUP_METRICS.length);
  });

  it('orders stages as the scenario lists them and marks every row of each crossing\'s busiest stage', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(1, { utilisation: [0.9, 0.2] }));
    c.add(replication(2, { utilisation: [0.5, 0.3] }));
    const { stages } = c.finish();
    expect([...new Set(stages.map((s) => `${s.crossing}/${s.stage}`))]).toEqual(['zeta/ru-customs', 'zeta/mn-customs', 'alpha/yard']);
    const busiest = [...new Set(stages.filter((s) => s.bottleneck).map((s) => `${s.crossing}/${s.stage}`))];
    expect(busiest).toEqual(['zeta/ru-customs', 'alpha/yard']);
    expect(stages.filter((s) => s.stage === 'ru-customs' && s.bottleneck)).toHaveLength(stages.filter((s) => s.stage === 'ru-customs').length);
    const utilisation = stages.find((s) => s.stage === 'ru-customs' && s.metric === 'utilisation')!;
    expect(utilisation.mean).toBeCloseTo(0.7, 12);
    expect(utilisation.n).toBe(2);
  });

  it('breaks a tie for the busiest stage by stage order', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(1, { utilisation: [0.5, 0.5] }));
    const marked = c.finish().stages.filter((s) => s.crossing === 'zeta' && s.bottleneck).map((s) => s.stage);
    expect([...new Set(marked)]).toEqual(['ru-customs']);
  });

  it('puts a crossing the scenario does not list after those it does', () => {
    const c = new ResultCollector(SCENARIO);
    const extra = replication(1);
    extra.groups.unshift(group('beta', 'all', 'all', 7));
    c.add(extra);
    const crossings = [...new Set(c.finish().rows.map((r) => r.crossing))];
    expect(crossings).toEqual(['zeta', 'alpha', 'beta']);
  });

  it('summarises months in time order, and streams daily means of the days added', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(1));
    c.add(replication(3));
    const day = { crossing: 'zeta', direction: 'south', vehicleClass: 'truck', completed: 1, tonnes: 0, railcars: 0, approachQueueMean: 0, approachQueueMax: 0, approachWaitHMean: NaN, entered: 0, approachWaitH: 0, divertedIn: 0, divertedOut: 0 } as const;
    c.addDay({ ...day, date: '2023-01-02', arrivals: 4 });
    c.addDay({ ...day, date: '2023-01-01', arrivals: 2 });
    c.addDay({ ...day, date: '2023-01-01', arrivals: 6 });
    const { monthly, daily } = c.finish();
    expect([...new Set(monthly.map((m) => m.period))]).toEqual(['2023-01', '2023-02']);
    expect(monthly.filter((m) => m.metric === 'arrivals').map((m) => [m.period, m.mean])).toEqual([['2023-01', 4], ['2023-02', 2]]);
    expect([...daily].map((d) => [d.date, d.replications, d.arrivals])).toEqual([['2023-01-01', 2, 4], ['2023-01-02', 1, 4]]);
  });

  it('turns failed invariants into warnings, sorted by replication, crossing and check', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(2, { brokenCrossing: 'alpha' }));
    c.add(replication(1, { brokenCrossing: 'zeta' }));
    c.add(replication(3));
    expect(c.finish().warnings).toEqual([
      { replication: 1, check: 'conservation', crossing: 'zeta', detail: 'arrived 5 = completed 3' },
      { replication: 1, check: 'littles_law', crossing: 'zeta', detail: 'area 10 = waits 12' },
      { replication: 2, check: 'conservation', crossing: 'alpha', detail: 'arrived 2 = completed 1' },
    ]);
  });

  it('adds up events, and vehicles as the crossings\' all × all arrivals (skipping a non-finite one)', () => {
    const c = new ResultCollector(SCENARIO);
    c.add(replication(1));
    const odd = replication(2);
    odd.groups.find((g) => g.crossing === 'alpha' && g.direction === 'all')!.values.arrivals = NaN;
    c.add(odd);
    const index = GROUP_METRICS.indexOf('arrivals');
    const { events, vehicles } = c.finish();
    expect(events).toBe(3000);
    // Replication 1: zeta 10 + alpha 100; replication 2: zeta 20 (alpha's is NaN); not the per-class groups.
    expect(vehicles).toBe(10 + index + (100 + index) + (20 + index));
  });
});

describe('ResultCollector: corridors', () => {
  // Corridor `zk` before `ak`, its north pair before south (its first demand source is northbound), crossings
  // zeta before alpha: text order would get every level wrong.
  const withCorridors: Scenario = {
    ...SCENARIO,
    corridors: [
      corridor({ id: 'zk', via: [['zeta', 0], ['alpha', 5]], demand: [demand({ id: 'n', direction: 'north' }), demand({ id: 's', direction: 'south' })] }),
      corridor({ id: 'ak', via: [['alpha', 4], ['zeta', 2]], demand: [demand({ id: 't' })] }),
    ],
  };
  const row = (corridor: string, direction: Direction, crossing: string, vehicles: number, foreseen = vehicles / 10): CorridorResult => ({
    corridor, crossing, direction, vehicleClass: 'truck',
    values: { vehicles, share: vehicles / 100, diverted: vehicles / 2, detour_h: 5, foreseen_wait_h_mean: vehicles > 0 ? foreseen : Number.NaN, foreseen_time_h_mean: foreseen + 5, completed: vehicles, wait_h_mean: vehicles > 0 ? foreseen * 2 : Number.NaN },
  });
  /** Replication r's rows, listed in reverse of the output order. */
  const corridorsOf = (r: number): CorridorResult[] => [
    row('ak', 'south', 'zeta', r === 2 ? 0 : 3 * r), row('ak', 'south', 'alpha', 90),
    row('zk', 'south', 'alpha', r), row('zk', 'south', 'zeta', 2 * r), row('zk', 'north', 'alpha', 4 * r), row('zk', 'north', 'zeta', 80 + r),
  ];
  const withRows = (r: number): ReplicationResult => ({ ...replication(r), corridors: corridorsOf(r) });

  it('summarises each corridor × direction × class × crossing metric in the scenario\'s order, whatever order replications came in', () => {
    const c = new ResultCollector(withCorridors);
    for (const r of [3, 1, 2]) c.add(withRows(r));
    const { corridors } = c.finish();
    expect(corridors).toHaveLength(6 * CORRIDOR_METRICS.length);
    const keys = [...new Set(corridors.map((k) => `${k.corridor} ${k.direction}/${k.vehicleClass} ${k.crossing}`))];
    expect(keys).toEqual(['zk north/truck zeta', 'zk north/truck alpha', 'zk south/truck zeta', 'zk south/truck alpha', 'ak south/truck alpha', 'ak south/truck zeta']);
    expect(corridors.slice(0, CORRIDOR_METRICS.length).map((k) => k.metric)).toEqual([...CORRIDOR_METRICS]);
    const get = (corridor: string, crossing: string, metric: string) => corridors.find((k) => k.corridor === corridor && k.crossing === crossing && k.metric === metric);
    expect(corridors.find((k) => k.corridor === 'zk' && k.direction === 'north' && k.crossing === 'zeta' && k.metric === 'vehicles'))
      .toEqual({ corridor: 'zk', direction: 'north', vehicleClass: 'truck', crossing: 'zeta', fixedRoute: true, metric: 'vehicles', ...summariseValues([81, 82, 83]) });
    // the fixed route: the least detour (zeta for zk, listed first; zeta for ak, listed second)
    expect(corridors.filter((k) => k.fixedRoute && k.metric === 'share').map((k) => `${k.corridor} ${k.direction} ${k.crossing}`)).toEqual(['zk north zeta', 'zk south zeta', 'ak south zeta']);
    // a mean foreseen wait over no vehicles (replication 2 chose no zeta) is left out, not counted as 0
    const wait = get('ak', 'zeta', 'foreseen_wait_h_mean')!;
    expect(wait).toMatchObject({ n: 2, mean: (0.3 + 0.9) / 2 });
    expect(get('ak', 'zeta', 'vehicles')).toMatchObject({ n: 3, mean: 4, min: 0, max: 9 });
  });

  it('keeps the per-replication values behind them, by replication then in the same order', () => {
    const c = new ResultCollector(withCorridors);
    for (const r of [2, 1]) c.add(withRows(r));
    const { corridorRows, corridors } = c.finish();
    expect(corridorRows).toHaveLength(2 * 6 * CORRIDOR_METRICS.length);
    const perReplication = 6 * CORRIDOR_METRICS.length;
    expect(corridorRows.map((k) => k.replication)).toEqual([...Array(perReplication).fill(1), ...Array(perReplication).fill(2)]);
    const strip = ({ corridor, direction, vehicleClass, crossing, metric }: CorridorReplicationRow | CorridorSummaryRow) => ({ corridor, direction, vehicleClass, crossing, metric });
    expect(corridorRows.slice(0, perReplication).map(strip)).toEqual(corridors.map(strip));
    expect(corridorRows[0]).toEqual({ replication: 1, corridor: 'zk', direction: 'north', vehicleClass: 'truck', crossing: 'zeta', metric: 'vehicles', value: 81 });
  });

  it('puts a corridor row the scenario does not name after those it does, and gives none without corridors', () => {
    const c = new ResultCollector(withCorridors);
    c.add({ ...replication(1), corridors: [row('other', 'south', 'zeta', 1), ...corridorsOf(1)] });
    expect(c.finish().corridors.at(-1)).toMatchObject({ corridor: 'other', metric: CORRIDOR_METRICS.at(-1) });
    const plain = new ResultCollector(SCENARIO);
    plain.add(replication(1));
    expect(plain.finish()).toMatchObject({ corridors: [], corridorRows: [] });
  });
});
