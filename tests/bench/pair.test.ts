// The Kyakhta pair: its two commands (both under cputime.py, the same work), the CPU and wall figures read
// from cputime.py's last line, per-set ratios and medians, the verdict against the target, and bad output;
// and its scenario, bench/kyakhta-only.yaml: it loads, and it is still the baseline's Kyakhta but for two timetables.
import { crossingAlone } from '../../src/scenario/alone.js';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import {
  describePairSummary,
  formatPairSummary,
  KYAKHTA_STRETCH_RATIO,
  KYAKHTA_TARGET_RATIO,
  pairCommands,
  runPairs,
  summarisePairs,
  type PairOptions,
  type PairSummary,
} from '../../src/bench/pair.js';
import type { BenchCommand } from '../../src/bench/suite.js';

const OPTS: PairOptions = {
  sets: 3,
  python: '/usr/bin/python3',
  cputimeScript: '/repo/bench/cputime.py',
  simpyScript: '/repo/bench/simpy_kyakhta.py',
  node: '/usr/bin/node',
  bordersimCli: '/repo/dist/cli.js',
  scenarioFile: '/repo/bench/kyakhta-only.yaml',
  replications: 10,
  days: 365,
  outDir: '/tmp/b/kyakhta-only',
};

describe('pairCommands', () => {
  it('runs bordersim then SimPy, each under cputime.py, with the same replications and days', () => {
    const [b, s] = pairCommands(OPTS);
    expect(b).toEqual({
      label: 'kyakhta-bordersim',
      program: '/usr/bin/python3',
      args: ['/repo/bench/cputime.py', '/usr/bin/node', '/repo/dist/cli.js', 'run', '/repo/bench/kyakhta-only.yaml', '--replications', '10', '--days', '365', '--workers', '1', '--no-report', '--no-workbook', '--quiet', '--out', '/tmp/b/kyakhta-only'],
    });
    expect(s).toEqual({
      label: 'kyakhta-simpy',
      program: '/usr/bin/python3',
      args: ['/repo/bench/cputime.py', '/usr/bin/python3', '/repo/bench/simpy_kyakhta.py', '--replications', '10', '--days', '365'],
    });
    expect(pairCommands({ ...OPTS, replications: 2, days: 30 })[1]!.args.slice(-4)).toEqual(['--replications', '2', '--days', '30']);
  });
});

/** A fake runner: bordersim takes 3, 2.5, 4 CPU-s in sets 1–3; SimPy 54 CPU-s each time (after its metric lines). */
function fakeRunner(calls: string[]): (cmd: BenchCommand) => string {
  let set = 0;
  return (cmd) => {
    calls.push(cmd.label);
    if (cmd.label === 'kyakhta-bordersim') {
      const cpu = [3, 2.5, 4][set]!;
      return `cpu_s=${cpu.toFixed(3)} user_s=${(cpu - 0.1).toFixed(3)} sys_s=0.100 wall_s=${(cpu + 0.5).toFixed(3)} max_rss_mb=120.0\n`;
    }
    set++;
    return 'simpy twin: kyakhta-only, 10 replications x 365 days\nmetric all/all arrivals mean=1 half=0 low=1 high=1 n=10\nwall_s=53.100\ncpu_s=54.000 user_s=53.800 sys_s=0.200 wall_s=54.500 max_rss_mb=15.0\n';
  };
}

describe('runPairs', () => {
  it('alternates the two sides set after set and reads CPU and wall seconds from the last line', () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const pairs = runPairs(OPTS, fakeRunner(calls), (l) => lines.push(l));
    expect(calls).toEqual(['kyakhta-bordersim', 'kyakhta-simpy', 'kyakhta-bordersim', 'kyakhta-simpy', 'kyakhta-bordersim', 'kyakhta-simpy']);
    expect(pairs).toEqual([
      { bordersimCpuS: 3, bordersimWallS: 3.5, simpyCpuS: 54, simpyWallS: 54.5 },
      { bordersimCpuS: 2.5, bordersimWallS: 3, simpyCpuS: 54, simpyWallS: 54.5 },
      { bordersimCpuS: 4, bordersimWallS: 4.5, simpyCpuS: 54, simpyWallS: 54.5 },
    ]);
    // The SimPy script's own wall_s line is not the one read: cputime.py's comes last.
    expect(lines[0]).toBe('kyakhta engine=bordersim cpu_s=3.000 user_s=2.900 sys_s=0.100 wall_s=3.500 max_rss_mb=120.0');
    expect(lines[1]).toBe('kyakhta engine=simpy cpu_s=54.000 user_s=53.800 sys_s=0.200 wall_s=54.500 max_rss_mb=15.0');
  });

  it('runs nothing for zero sets and refuses a negative or fractional count', () => {
    const calls: string[] = [];
    expect(runPairs({ ...OPTS, sets: 0 }, fakeRunner(calls))).toEqual([]);
    expect(calls).toEqual([]);
    expect(() => runPairs({ ...OPTS, sets: -1 }, fakeRunner([]))).toThrow(/Kyakhta sets must be an integer >= 0, got -1/);
    expect(() => runPairs({ ...OPTS, sets: 2.5 }, fakeRunner([]))).toThrow(RangeError);
  });

  it('stops with a clear error when a side prints no CPU figure', () => {
    // e.g. a cputime.py that is not the one expected, or a command that printed after it
    expect(() => runPairs(OPTS, () => 'wall_s=53.100')).toThrow(/"cpu_s" in benchmark output: "wall_s=53.100"/);
    expect(() => runPairs(OPTS, () => 'cpu_s=1.000 user_s=1.000')).toThrow(/"wall_s"/);
  });
});

describe('summarisePairs', () => {
  it('takes per-set ratios SimPy/bordersim and the medians of each side', () => {
    const s = summarisePairs(runPairs(OPTS, fakeRunner([])), OPTS);
    expect(s.sets).toBe(3);
    expect(s.bordersimCpuS).toEqual({ median: 3, min: 2.5, max: 4 });
    expect(s.simpyCpuS).toEqual({ median: 54, min: 54, max: 54 });
    // 54 over 3, 2.5 and 4 CPU-s: 18, 21.6 and 13.5 times
    expect(s.cpuRatio.median).toBeCloseTo(18, 12);
    expect(s.cpuRatio.min).toBeCloseTo(13.5, 12);
    expect(s.cpuRatio.max).toBeCloseTo(21.6, 12);
    // 54.5 over 3.5, 3 and 4.5 wall-s
    expect(s.wallRatio.median).toBeCloseTo(54.5 / 3.5, 12);
    expect(formatPairSummary(s)).toBe(
      'kyakhta sets=3 replications=10 days=365 ' +
        'bordersim_cpu_s_median=3.000 bordersim_cpu_s_min=2.500 bordersim_cpu_s_max=4.000 ' +
        'simpy_cpu_s_median=54.000 simpy_cpu_s_min=54.000 simpy_cpu_s_max=54.000 ' +
        'bordersim_wall_s_median=3.500 bordersim_wall_s_min=3.000 bordersim_wall_s_max=4.500 ' +
        'simpy_wall_s_median=54.500 simpy_wall_s_min=54.500 simpy_wall_s_max=54.500 ' +
        'cpu_ratio_median=18.00 cpu_ratio_min=13.50 cpu_ratio_max=21.60 ' +
        'wall_ratio_median=15.57 wall_ratio_min=12.11 wall_ratio_max=18.17 target_ratio=30 stretch_ratio=50',
    );
    expect(describePairSummary(s)).toBe(
      'Kyakhta, 10 replications × 365 days, one process each: CPU seconds SimPy 54.00 s (54.00–54.00), ' +
        'bordersim 3.00 s (2.50–4.00); SimPy/bordersim 18.0× (median of 3 sets, 13.5–21.6×; wall 15.6×): ' +
        'target 30× not met (stretch 50×)',
    );
  });

  it('refuses no sets', () => {
    expect(() => summarisePairs([], OPTS)).toThrow(RangeError);
  });
});

describe('describePairSummary', () => {
  /** A summary whose median CPU ratio is `ratio` (the rest as measured in a set of one). */
  function withRatio(ratio: number): PairSummary {
    return summarisePairs([{ bordersimCpuS: 1, bordersimWallS: 1, simpyCpuS: ratio, simpyWallS: ratio }], OPTS);
  }

  it.each([
    [KYAKHTA_TARGET_RATIO - 0.01, 'target 30× not met (stretch 50×)'],
    [KYAKHTA_TARGET_RATIO, 'target 30× met, stretch 50× not'],
    [KYAKHTA_STRETCH_RATIO - 0.01, 'target 30× met, stretch 50× not'],
    [KYAKHTA_STRETCH_RATIO, 'target 30× and stretch 50× met'],
  ])('a median ratio of %s: %s', (ratio, verdict) => {
    expect(describePairSummary(withRatio(ratio)).endsWith(`: ${verdict}`)).toBe(true);
  });
});

describe('bench/kyakhta-only.yaml, the bordersim side of the pair', () => {
  const root = new URL('../../', import.meta.url).pathname;

  it("is the baseline's Kyakhta alone, with the same dates and seed, but for X-ray's and inspection's hours", () => {
    const twin = loadScenario(root + 'bench/kyakhta-only.yaml');
    const baseline = loadScenario(root + 'scenarios/baseline-2023.yaml');
    expect([twin.startDate, twin.days, twin.warmupDays, twin.seed]).toEqual([baseline.startDate, baseline.days, baseline.warmupDays, baseline.seed]);
    expect(twin.crossings.map((c) => c.id)).toEqual(['kyakhta']);
    const kyakhta = twin.crossings[0]!;
    // The baseline's Kyakhta with the freight its corridor brings (ids corridor:source), in the twin's order.
    const alone = crossingAlone(baseline, 'kyakhta')!.crossings[0]!;
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const original = { ...alone, demand: alone.demand.map((d) => ({ ...d, id: d.id.replace(/^[^:]*:/, '') })).sort(byId) };
    // Kyakhta keeps working on holidays, so dropping the baseline's holidays changes nothing.
    expect(original.closesOnHolidays).toBe(false);
    const own = (id: string): unknown => kyakhta.stages.find((s) => s.id === id)!.timetable;
    expect(own('xray')).toEqual({ windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 540, closeMin: 1140 }], closedDates: [] });
    expect(own('inspection')).toEqual({ windows: [{ weekdays: [1, 2, 3, 4, 5], openMin: 540, closeMin: 1080 }], closedDates: [] });
    const withoutOwnHours = (c: typeof kyakhta): unknown => ({
      ...c,
      stages: c.stages.map((s) => (s.id === 'xray' || s.id === 'inspection' ? { ...s, timetable: null } : s)),
    });
    expect(withoutOwnHours({ ...kyakhta, demand: [...kyakhta.demand].sort(byId) })).toEqual(withoutOwnHours(original));
  });
});
