// The reusing executor against the plain one on the real model: the same replications (rows, daily order, events)
// whether a crossing was simulated or handed back, kept only for planned scenarios that share it, bounded.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessExecutor, type ReplicationDone, type ReplicationExecutor, type ReplicationJob } from '../../../src/experiment/runner/executor.js';
import { canonicalJson, crossingInputKey, ReusingExecutor } from '../../../src/experiment/runner/reuse.js';
import { ResultCollector } from '../../../src/experiment/statistics/collect.js';
import { loadScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';
import type { VehicleTrace } from '../../../src/model/results.js';
import { corridor, crossing, demand, scenario, stage } from '../../helpers/scenarios.js';

const DECIDE = join(import.meta.dirname, '..', '..', 'fixtures', 'decide');
const base = loadScenario(join(DECIDE, 'small.yaml'));
const plan = loadScenario(join(DECIDE, 'small-plan.yaml'));
const jobs = (n: number): ReplicationJob[] => Array.from({ length: n }, (_, i) => ({ seed: 3, replication: i + 1, days: 6, warmupDays: 1 }));

async function runAll(executor: ReplicationExecutor, scenarios: readonly Scenario[], n: number, after?: (s: Scenario) => void): Promise<ReplicationDone[]> {
  const out: ReplicationDone[] = [];
  for (const s of scenarios) {
    for (const job of jobs(n)) out.push(await executor.run(s, job));
    after?.(s);
  }
  return out;
}

describe('ReusingExecutor', () => {
  it('gives the replications of a plain executor, simulating a crossing once per set of inputs', async () => {
    const scenarios = [base, plan, base];
    const plain = await runAll(new InProcessExecutor(), scenarios, 3);
    const reuse = new ReusingExecutor(new InProcessExecutor());
    reuse.plan(scenarios);
    const reused = await runAll(reuse, scenarios, 3, (s) => reuse.finished(s));
    expect(reused).toEqual(plain);
    expect(plain[0]!.daily.length).toBeGreaterThan(0);
    // base: road and rail; plan: road (a third customs lane), rail reused; base again: both reused
    expect(reuse.counts).toEqual({ simulated: 2 * 3 + 3, reused: 3 + 2 * 3 });
    // nothing planned is left to run: nothing is kept
    expect(reuse.bytesKept).toBe(0);
  });

  it('keeps nothing for scenarios it was not told about, and still gives the same results', async () => {
    const reuse = new ReusingExecutor(new InProcessExecutor());
    const reused = await runAll(reuse, [base, base], 2);
    expect(reused).toEqual(await runAll(new InProcessExecutor(), [base, base], 2));
    expect(reuse.counts).toEqual({ simulated: 8, reused: 0 });
    expect(reuse.bytesKept).toBe(0);
  });

  it('simulates again what its bound let go, with the same results', async () => {
    const reuse = new ReusingExecutor(new InProcessExecutor(), 1);
    reuse.plan([base, base]);
    const reused = await runAll(reuse, [base, base], 2, (s) => reuse.finished(s));
    expect(reused).toEqual(await runAll(new InProcessExecutor(), [base, base], 2));
    expect(reuse.counts).toEqual({ simulated: 8, reused: 0 });
  });

  it('keeps a planned part while a later planned scenario shares it', async () => {
    const reuse = new ReusingExecutor(new InProcessExecutor());
    reuse.plan([base, plan]);
    await runAll(reuse, [base], 1, (s) => reuse.finished(s));
    // rail is shared with the plan (kept); road is not
    expect(reuse.bytesKept).toBeGreaterThan(0);
    await runAll(reuse, [plan], 1, (s) => reuse.finished(s));
    expect(reuse.bytesKept).toBe(0);
    expect(reuse.counts).toEqual({ simulated: 3, reused: 1 });
  });

  it('runs traced replications whole (vehicle ids count across crossings)', async () => {
    const reuse = new ReusingExecutor(new InProcessExecutor());
    reuse.plan([base, base]);
    const traced: VehicleTrace[] = [];
    const plainTraced: VehicleTrace[] = [];
    const [job] = jobs(1);
    const a = await reuse.run(base, job!, (t) => void traced.push(t));
    const b = await new InProcessExecutor().run(base, job!, (t) => void plainTraced.push(t));
    expect(a).toEqual(b);
    expect(traced).toEqual(plainTraced);
    expect(reuse.counts).toEqual({ simulated: 0, reused: 0 });
  });
});

describe('crossing input keys', () => {
  it('depend on the crossing and the start date, not on key order or other crossings', () => {
    const [road, rail] = base.crossings;
    const planRoad = plan.crossings[0]!;
    expect(crossingInputKey(rail!, base.startDate)).toBe(crossingInputKey(plan.crossings[1]!, plan.startDate));
    expect(crossingInputKey(road!, base.startDate)).not.toBe(crossingInputKey(planRoad, plan.startDate));
    expect(crossingInputKey(rail!, base.startDate)).not.toBe(crossingInputKey(rail!, '2023-06-06'));
    const reordered = Object.fromEntries(Object.entries(rail!).reverse()) as typeof rail;
    expect(crossingInputKey(reordered!, base.startDate)).toBe(crossingInputKey(rail!, base.startDate));
  });

  it('tells apart numbers that JSON would write alike', () => {
    expect(canonicalJson({ a: Infinity })).not.toBe(canonicalJson({ a: null }));
    expect(canonicalJson({ a: NaN })).not.toBe(canonicalJson({ a: -Infinity }));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
});

describe('ReusingExecutor with corridors', () => {
  // a and c joined by a corridor (one unit), b alone between them; the plan changes b only, then a only.
  const lane = (id: string, servers = 1) =>
    crossing({ id, stages: [stage({ id: 'customs', servers, serviceMin: { kind: 'exponential', mean: 20 } })], demand: [demand({ id: 'own', vehiclesPerDay: 40, arrivals: 'poisson' })] });
  const linked = (b: number, a: number): Scenario =>
    scenario([lane('a', a), lane('b', b), lane('c')], { corridors: [corridor({ id: 'k', via: [['c', 0], ['a', 2]], demand: [demand({ id: 't', vehiclesPerDay: 60, arrivals: 'poisson' })] })] });
  it('keeps linked crossings together as one part, spliced back in crossing order', async () => {
    const scenarios = [linked(1, 1), linked(2, 1), linked(2, 2)];
    const plain = await runAll(new InProcessExecutor(), scenarios, 2);
    const reuse = new ReusingExecutor(new InProcessExecutor());
    reuse.plan(scenarios);
    const reused = await runAll(reuse, scenarios, 2, (s) => reuse.finished(s));
    expect(reused).toEqual(plain);
    expect(plain[0]!.result.corridors.length).toBeGreaterThan(0);
    expect(plain[0]!.result.groups.map((g) => g.crossing).filter((c, i, all) => all.indexOf(c) === i)).toEqual(['a', 'b', 'c']);
    // first: units {a,c} and {b}; second: b new, {a,c} reused; third: {a,c} new, b reused
    expect(reuse.counts).toEqual({ simulated: 2 * 2 + 2 + 2, reused: 2 + 2 });
  });
});

describe('ReusingExecutor with corridors in units of another order', () => {
  // k1 (listed first) joins b and d, k2 joins a and c: the units are {a, c} then {b, d}, so the spliced parts hold
  // k2's rows before k1's; the plan changes d only, so {a, c} and k2's rows are handed back.
  const lane = (id: string, servers = 1) =>
    crossing({ id, stages: [stage({ id: 'customs', servers, serviceMin: { kind: 'exponential', mean: 25 } })], demand: [demand({ id: 'own', vehiclesPerDay: 30, arrivals: 'poisson' })] });
  const two = (d: number): Scenario =>
    scenario([lane('a'), lane('b'), lane('c'), lane('d', d)], {
      corridors: [
        corridor({ id: 'k1', via: [['b', 0], ['d', 1]], demand: [demand({ id: 't', vehiclesPerDay: 50, arrivals: 'poisson' }), demand({ id: 'r', direction: 'north', vehiclesPerDay: 20, arrivals: 'poisson' })] }),
        corridor({ id: 'k2', via: [['c', 0], ['a', 2]], demand: [demand({ id: 't', vehiclesPerDay: 50, arrivals: 'poisson' })] }),
      ],
    });
  it('gives the corridor rows of one run, in corridor order, for simulated and reused units alike', async () => {
    const scenarios = [two(1), two(2)];
    const plain = await runAll(new InProcessExecutor(), scenarios, 2);
    const reuse = new ReusingExecutor(new InProcessExecutor());
    reuse.plan(scenarios);
    const reused = await runAll(reuse, scenarios, 2, (s) => reuse.finished(s));
    expect(reused.map((d) => d.result.corridors)).toEqual(plain.map((d) => d.result.corridors));
    expect(reused).toEqual(plain);
    // the plan's second lane at d shifts k1's choices, not k2's (its unit was reused)
    expect(reuse.counts).toEqual({ simulated: 2 * 2 + 2, reused: 2 });
    const keys = (d: ReplicationDone) => [...new Set(d.result.corridors.map((c) => `${c.corridor} ${c.direction} ${c.crossing}`))];
    expect(keys(reused[2]!)).toEqual(['k1 south b', 'k1 south d', 'k1 north b', 'k1 north d', 'k2 south c', 'k2 south a']);
    const k2 = (d: ReplicationDone) => d.result.corridors.filter((c) => c.corridor === 'k2');
    expect(k2(reused[2]!)).toEqual(k2(reused[0]!));
    // and what corridors.csv is made of: equal summaries either way
    const collect = (ds: ReplicationDone[]) => {
      const c = new ResultCollector(scenarios[1]!);
      for (const d of ds) c.add(d.result);
      return c.finish().corridors;
    };
    expect(collect(reused.slice(2))).toEqual(collect(plain.slice(2)));
  });
});
