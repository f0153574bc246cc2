// Monthly and hourly rows across replications: each row's mean and CI are those of the replications' own values.
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { runExperimentSyncWith } from '../../../src/experiment/runner/experiment.js';
import { PeriodCollector } from '../../../src/experiment/statistics/periods.js';
import { studentTQuantile } from '../../../src/experiment/statistics/tquantile.js';
import { runReplication } from '../../../src/model/run.js';
import { MONTHLY_METRICS, type PeriodResult } from '../../../src/model/results.js';
import { crossing, demand, hours, scenario, stage } from '../../helpers/scenarios.js';

const byCrossing = (a: { crossing: string }, b: { crossing: string }): number => (a.crossing < b.crossing ? -1 : a.crossing > b.crossing ? 1 : 0);
const row = (period: string, crossing: string, values: number[]): PeriodResult => ({ period, crossing, direction: 'south', vehicleClass: 'truck', values });

describe('PeriodCollector', () => {
  it('summarises each period × group × metric over the replications that define it, in period then group order', () => {
    const c = new PeriodCollector(['a', 'b']);
    c.add([row('2023-02', 'y', [1, NaN]), row('2023-01', 'y', [2, 5])]);
    c.add([row('2023-02', 'y', [3, NaN]), row('2023-01', 'x', [7, 1])]);
    const rows = c.rows(byCrossing);
    expect(rows.map((r) => [r.period, r.crossing, r.metric, r.n, r.mean])).toEqual([
      ['2023-01', 'x', 'a', 1, 7], ['2023-01', 'x', 'b', 1, 1],
      ['2023-01', 'y', 'a', 1, 2], ['2023-01', 'y', 'b', 1, 5],
      ['2023-02', 'y', 'a', 2, 2], ['2023-02', 'y', 'b', 0, null],
    ]);
  });
});

describe('monthly.csv figures against the replications (real model)', () => {
  const s = scenario(
    [crossing({ id: 'x', stages: [stage({ id: 'customs', timetable: hours('08:00', '20:00'), serviceMin: { kind: 'exponential', mean: 35 } })], demand: [demand({ id: 'd', vehiclesPerDay: 20, arrivals: 'poisson' })] })],
    { startDate: '2023-01-20', days: 20 },
  );

  it('gives each month the mean, sd and Student-t 95% CI of the replications’ values', () => {
    const R = 5;
    const res = runExperimentSyncWith(runReplication, s, { seed: 3, replications: R, days: 20, warmupDays: 0 });
    const perRep = Array.from({ length: R }, (_, i) => runReplication(s, { seed: 3, replication: i + 1, days: 20, warmupDays: 0 }).monthly);
    const m = MONTHLY_METRICS.indexOf('approach_wait_h_mean');
    for (const month of ['2023-01', '2023-02']) {
      const values = perRep.map((rows) => rows.find((r) => r.period === month && r.direction === 'all' && r.vehicleClass === 'all')!.values[m]!);
      const got = res.monthly.find((r) => r.period === month && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === 'approach_wait_h_mean')!;
      const half = (studentTQuantile(0.975, R - 1) * sampleStandardDeviation(values)) / Math.sqrt(R);
      expect(got.n).toBe(R);
      expect(got.mean).toBeCloseTo(mean(values), 12);
      expect(got.ci95Low).toBeCloseTo(mean(values) - half, 12);
      expect(got.ci95High).toBeCloseTo(mean(values) + half, 12);
      expect(new Set(values).size).toBeGreaterThan(1); // replications differ, so the interval has a width
    }
  });
});
