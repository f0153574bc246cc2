// Sweeps: variants resolved from id-based paths, every point checked before running, problems naming the flag.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSweep, runSweep } from '../../../src/experiment/studies/sweep.js';
import { loadRawScenario, resolveVariant } from '../../../src/experiment/studies/variant.js';
import { runExperimentSync } from '../../../src/experiment/runner/run.js';
import { ScenarioError } from '../../../src/scenario/errors.js';
import { DECIDE } from '../../helpers/paths.js';

const raw = loadRawScenario(join(DECIDE, 'small.yaml'));
const SERVERS = 'crossings.road.stages.customs.servers';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems.map((p) => `${p.file} | ${p.path} | ${p.message}${'value' in p ? ` | ${JSON.stringify(p.value)}` : ''}`);
    throw err;
  }
  return [];
}

describe('resolveVariant', () => {
  it('sets values at id paths and resolves (growth reaches the freight sources)', () => {
    const s = resolveVariant(raw, [
      { path: SERVERS, value: 5 },
      { path: 'demand.growth.south', value: 1.25 },
    ]);
    expect(s.crossings[0]!.stages.find((x) => x.id === 'customs')!.servers).toBe(5);
    expect(s.crossings[0]!.demand.map((d) => [d.id, d.growth])).toEqual([['trucks-south', 1.25], ['trucks-north', 1], ['cars', 1]]);
    expect(s.crossings[1]!.demand[0]!.growth).toBe(1.25);
  });

  it.each([
    [{ path: SERVERS, value: 2.5 }, `--set ${SERVERS}=2.5 | crossings[0].stages[1].servers | expected a positive integer | 2.5`],
    [{ path: 'crossings.road.stages.nope.servers', value: 1 }, '--set crossings.road.stages.nope.servers=1 | crossings.road.stages.nope.servers | no id "nope" in crossings.road.stages (known: passport, customs)'],
    [{ path: 'crossings.roadd.zone.places', value: 3 }, '--set crossings.roadd.zone.places=3 | crossings.roadd.zone.places | no id "roadd" in crossings (known: road, rail)'],
    [{ path: 'demand.growth.south', value: -1 }, '--set demand.growth.south=-1 | demand.growth.south | expected a number > 0 | -1'],
  ])('names the flag and the bad value: %o', (setting, expected) => {
    expect(problemsOf(() => resolveVariant(raw, [setting]))).toEqual([expected]);
  });

  it('leaves the raw scenario unchanged', () => {
    const before = JSON.stringify(raw);
    resolveVariant(raw, [{ path: SERVERS, value: 7 }]);
    expect(JSON.stringify(raw)).toBe(before);
  });
});

describe('resolveSweep and runSweep', () => {
  it('resolves every point of the grid in order', () => {
    const points = resolveSweep(raw, [
      { path: SERVERS, values: [1, 2, 3] },
      { path: 'demand.growth.north', values: [1, 2] },
    ]);
    expect(points.map((p) => [p.index, p.scenario.crossings[0]!.stages[1]!.servers, p.scenario.crossings[0]!.demand[1]!.growth])).toEqual([
      [1, 1, 1], [2, 1, 2], [3, 2, 1], [4, 2, 2], [5, 3, 1], [6, 3, 2],
    ]);
  });

  it('fails on the first bad value before anything runs, naming only that flag', () => {
    const problems = problemsOf(() => resolveSweep(raw, [{ path: 'demand.growth.north', values: [1, 2] }, { path: SERVERS, values: [2, 0] }]));
    expect(problems).toEqual([`--set ${SERVERS}=0 | crossings[0].stages[1].servers | expected a positive integer | 0`]);
  });

  it('runs each point with the same options: more customs lanes, shorter crossing times, same arrivals', async () => {
    const points = resolveSweep(raw, [{ path: SERVERS, values: [2, 3, 4] }]);
    const opts = { seed: 3, replications: 3, days: 8, warmupDays: 1 };
    const results = await runSweep(points, (s) => runExperimentSync(s, opts));
    const get = (i: number, metric: string) =>
      results[i]!.summary.find((r) => r.crossing === 'road' && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === metric)!.mean!;
    expect(get(0, 'arrivals')).toBe(get(1, 'arrivals'));
    expect(get(1, 'arrivals')).toBe(get(2, 'arrivals'));
    expect(get(0, 'crossing_time_h_mean')).toBeGreaterThan(get(1, 'crossing_time_h_mean'));
    expect(get(1, 'crossing_time_h_mean')).toBeGreaterThan(get(2, 'crossing_time_h_mean'));
  });
});
