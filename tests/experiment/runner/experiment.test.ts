import { describe, expect, it } from 'vitest';
import {
  runExperiment,
  runExperimentSyncWith,
  runExperimentWith,
  type ExperimentOptions,
  type ReplicationOptions,
  type ReplicationRunner,
} from '../../../src/experiment/runner/experiment.js';
import type { ReplicationDone, ReplicationExecutor, ReplicationJob } from '../../../src/experiment/runner/executor.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { STAGE_METRICS, type CollectedResults } from '../../../src/experiment/statistics/collect.js';
import { summariseValues } from '../../../src/experiment/statistics/stats.js';
import { GROUP_METRICS, type VehicleTrace } from '../../../src/model/results.js';
import { fakeRunner, fakeScenario } from '../../helpers/fake-results.js';

const scenario = fakeScenario([
  { id: 'kyakhta', stages: ['customs'] },
  { id: 'mondy', stages: ['customs'] },
]);
const opts: ExperimentOptions = { seed: 7, replications: 3, days: 3, warmupDays: 1 };

describe('summariseValues', () => {
  it.each([
    // values, mean, sd, t(0.975, n-1)
    [[1, 2, 3], 2, 1, 4.303],
    [[10, 10, 10, 10], 10, 0, 3.182],
    [[2, 4, 4, 4, 5, 5, 7, 9], 5, Math.sqrt(32 / 7), 2.365],
  ])('summarises %j: mean, sample sd, Student-t CI, min, max', (values, mean, sd, t) => {
    const s = summariseValues(values);
    expect(s.n).toBe(values.length);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.sd).toBeCloseTo(sd, 12);
    const half = (t * sd) / Math.sqrt(values.length);
    expect(s.ci95Low).toBeCloseTo(mean - half, 2);
    expect(s.ci95High).toBeCloseTo(mean + half, 2);
    expect(s.min).toBe(Math.min(...values));
    expect(s.max).toBe(Math.max(...values));
  });

  it('leaves sd and CI empty for a single replication', () => {
    expect(summariseValues([4.5])).toEqual({ n: 1, mean: 4.5, sd: null, ci95Low: null, ci95High: null, min: 4.5, max: 4.5 });
  });

  it('skips non-finite values and reports how many were used', () => {
    const s = summariseValues([1, Number.NaN, 3]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(summariseValues([Number.NaN]).mean).toBeNull();
  });
});

describe('runExperimentWith', () => {
  it('passes (seed, replication 1..R, days, warm-up) and a daily-row sink to every replication, nothing else', async () => {
    const seen: ReplicationOptions[] = [];
    const inner = fakeRunner(['kyakhta']);
    await runExperimentWith((s, o) => (seen.push(o), inner(s, o)), scenario, opts);
    expect(seen.map(({ onDay, ...rest }) => rest)).toEqual([1, 2, 3].map((replication) => ({ seed: 7, replication, days: 3, warmupDays: 1 })));
    expect(seen.every((o) => typeof o.onDay === 'function')).toBe(true);
  });

  it('reports progress after each replication with the running event count', async () => {
    const progress: Array<[number, number, number]> = [];
    await runExperimentWith(fakeRunner(['kyakhta']), scenario, opts, (p) => progress.push([p.done, p.total, p.events]));
    expect(progress).toEqual([
      [1, 3, 1001],
      [2, 3, 2003],
      [3, 3, 3006],
    ]);
  });

  it('produces one summary row per group × metric in scenario, direction, class and metric order', async () => {
    const res = await runExperimentWith(fakeRunner(['mondy', 'kyakhta'], { groupOrderReversed: true }), scenario, opts);
    expect(res.summary).toHaveLength(2 * 7 * GROUP_METRICS.length);
    const groupKeys = [...new Set(res.summary.map((r) => `${r.crossing}/${r.direction}/${r.vehicleClass}`))];
    expect(groupKeys.slice(0, 7)).toEqual([
      'kyakhta/south/truck', 'kyakhta/south/car', 'kyakhta/south/all',
      'kyakhta/north/truck', 'kyakhta/north/car', 'kyakhta/north/all', 'kyakhta/all/all',
    ].sort((a, b) => order(a) - order(b)));
    expect(res.summary.slice(0, GROUP_METRICS.length).map((r) => r.metric)).toEqual([...GROUP_METRICS]);
    expect(res.rows).toHaveLength(3 * 2 * 7 * GROUP_METRICS.length);
    expect(res.rows.map((r) => r.replication)).toEqual([...res.rows.map((r) => r.replication)].sort((a, b) => a - b));
  });

  it('summary means equal the mean of the per-replication rows, with the CI around them', async () => {
    const res = await runExperimentWith(fakeRunner(['kyakhta']), scenario, opts);
    for (const s of res.summary) {
      const vals = res.rows.filter((r) => r.crossing === s.crossing && r.direction === s.direction && r.vehicleClass === s.vehicleClass && r.metric === s.metric).map((r) => r.value);
      expect(vals).toHaveLength(3);
      expect(s.mean).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / 3, 9);
      expect(s.ci95Low!).toBeLessThanOrEqual(s.mean!);
      expect(s.ci95High!).toBeGreaterThanOrEqual(s.mean!);
    }
  });

  it('averages daily rows over replications and sorts them by date then crossing', async () => {
    const res = await runExperimentWith(fakeRunner(['mondy', 'kyakhta']), scenario, opts);
    const daily = [...res.daily];
    expect(daily.map((d) => `${d.date} ${d.crossing}`)).toEqual([
      '2023-01-02 kyakhta', '2023-01-02 mondy', '2023-01-03 kyakhta', '2023-01-03 mondy',
    ]);
    expect(daily[0]).toMatchObject({ replications: 3, arrivals: 7, completed: 4, tonnes: 80.25 });
  });

  it('summarises stage metrics and turns broken invariants into warnings', async () => {
    const res = await runExperimentWith(fakeRunner(['kyakhta'], { brokenInvariant: 2 }), scenario, opts);
    const util = res.stages.find((s) => s.metric === 'utilisation');
    expect(util?.mean).toBeCloseTo(0.52, 12);
    expect(res.stages.map((s) => s.metric)).toEqual([...STAGE_METRICS]);
    expect(res.warnings).toEqual([{ replication: 2, check: 'conservation', crossing: 'kyakhta', detail: 'arrived 10 = completed 8 + in system 2' }]);
    expect(res.events).toBe(1001 + 1002 + 1003);
  });

  it('gives the same result synchronously', async () => {
    const a = await runExperimentWith(fakeRunner(['kyakhta']), scenario, opts);
    expect(runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, opts)).toEqual(a);
  });

  it.each([
    [{ replications: 0 }, /replications must be an integer >= 1, got 0/],
    [{ replications: 1.5 }, /replications/],
    [{ seed: 0.5 }, /seed must be an integer, got 0.5/],
    [{ days: 0 }, /days/],
    [{ warmupDays: 3 }, /warmupDays \(3\) must be less than days \(3\)/],
  ])('rejects %j', async (bad, message) => {
    await expect(runExperimentWith(fakeRunner(['kyakhta']), scenario, { ...opts, ...bad })).rejects.toThrow(message);
  });
});

/**
 * A stand-in for the worker pool: runs `runner` after `delayMs(replication)` (never, for null), hands back the
 * daily rows beside the result as the worker does, and records how many replications were outstanding at most.
 */
function fakePool(size: number, runner: ReplicationRunner, delayMs: (replication: number) => number | null): ReplicationExecutor & { maxOutstanding: number } {
  let outstanding = 0;
  const pool = {
    size,
    maxOutstanding: 0,
    close: async (): Promise<void> => undefined,
    run: (scenario: Scenario, task: ReplicationJob, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone> => {
      outstanding += 1;
      pool.maxOutstanding = Math.max(pool.maxOutstanding, outstanding);
      const delay = delayMs(task.replication);
      return new Promise<ReplicationDone>((resolve, reject) => {
        if (delay === null) return;
        setTimeout(() => {
          outstanding -= 1;
          try {
            const sink = onVehicle ? { onVehicle } : {};
            const { daily, ...result } = runner(scenario, { seed: task.seed, replication: task.replication, days: task.days, warmupDays: task.warmupDays, ...sink });
            resolve({ result: { ...result, daily: [] }, daily });
          } catch (err) {
            reject(err as Error);
          }
        }, delay);
      });
    },
  };
  return pool;
}

/** The results with the daily rows read out, for comparing two runs. */
const plain = (res: CollectedResults): unknown => ({ ...res, daily: [...res.daily] });

describe('runExperiment on a pool', () => {
  const many: ExperimentOptions = { ...opts, replications: 7 };
  const runner = fakeRunner(['kyakhta', 'mondy'], { brokenInvariant: 4 });

  it('gives exactly the sequential results when replications finish in reverse order', async () => {
    const sequential = plain(await runExperimentWith(runner, scenario, many)); // daily can be read only once
    const pooled = await runExperiment(fakePool(3, runner, (r) => 2 * (8 - r)), scenario, many);
    expect(plain(pooled)).toEqual(sequential);
    const two = await runExperiment(fakePool(2, runner, (r) => r % 3), scenario, many);
    expect(plain(two)).toEqual(sequential);
  });

  it('counts finished replications in progress, in whatever order they finish, and keeps at most 2 × size outstanding', async () => {
    const progress: Array<[number, number]> = [];
    const pool = fakePool(2, runner, (r) => (r % 2 === 1 ? 12 : 1));
    const res = await runExperiment(pool, scenario, many, (p) => progress.push([p.done, p.total]));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => [d, 7]));
    expect(res.events).toBe([1, 2, 3, 4, 5, 6, 7].reduce((s, r) => s + 1000 + r, 0));
    expect(pool.maxOutstanding).toBe(4);
  });

  it('rejects with what a replication threw', async () => {
    const failing: ReplicationRunner = (s, o) => {
      if (o.replication === 3) throw new Error('replication 3 broke');
      return runner(s, o);
    };
    await expect(runExperiment(fakePool(2, failing, () => 1), scenario, many)).rejects.toThrow('replication 3 broke');
  });

  it('rejects with the interrupt as soon as the signal aborts, without waiting for a running replication', async () => {
    const interrupt = new AbortController();
    const pool = fakePool(2, runner, (r) => (r === 2 ? null : 1));
    const run = runExperiment(pool, scenario, many, (p) => p.done === 3 && interrupt.abort(new Error('interrupted')), interrupt.signal);
    await expect(run).rejects.toThrow('interrupted');
    const already = new AbortController();
    already.abort(new Error('before the start'));
    await expect(runExperiment(pool, scenario, many, undefined, already.signal)).rejects.toThrow('before the start');
  });

  it('refuses a vehicle sink on more than one thread (traces must stream in replication order)', async () => {
    await expect(runExperiment(fakePool(2, runner, () => 1), scenario, { ...many, onVehicle: () => undefined })).rejects.toThrow(/onVehicle/);
  });

  it('streams every vehicle of a one-thread pool in the order of the in-process loop', async () => {
    const inProcess: VehicleTrace[] = [];
    await runExperimentWith(runner, scenario, { ...many, onVehicle: (t) => void inProcess.push(t) });
    const pooled: VehicleTrace[] = [];
    // one thread runs its tasks in turn (as the fake's equal delays do): the tasks ask for traces, the sink gets them
    await runExperiment(fakePool(1, runner, () => 1), scenario, { ...many, onVehicle: (t) => void pooled.push(t) });
    expect(inProcess.length).toBeGreaterThan(0);
    expect(pooled).toEqual(inProcess);
  });
});

function order(key: string): number {
  const [, d, c] = key.split('/');
  return ({ south: 0, north: 10, all: 20 }[d!] ?? 0) + ({ truck: 0, car: 1, all: 3 }[c!] ?? 0);
}
