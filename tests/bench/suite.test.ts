// The benchmark suite: the commands of a set in order, fields read from benchmark lines, sets run through an
// injected runner (no processes), medians and per-set ratios, and a clear error for output without a figure.
import { describe, expect, it } from 'vitest';
import {
  BenchOutputError,
  fieldOf,
  formatSuiteSummary,
  missingSimpyNote,
  runSuite,
  setCommands,
  simpyAvailable,
  summariseSuite,
  type BenchCommand,
  type SuiteOptions,
} from '../../src/bench/suite.js';

const OPTS: SuiteOptions = {
  sets: 3,
  node: '/usr/bin/node',
  benchCli: '/repo/dist/bench/cli.js',
  scenarioFile: 'scenarios/baseline-2023.yaml',
  replications: 10,
  mmc: { lambda: 3.6, mu: 1, servers: 4, customers: 1000, seed: 1 },
  simpy: { python: '/usr/bin/python3', script: '/repo/bench/simpy_mmc.py' },
};

describe('setCommands', () => {
  it('runs SimPy, then the engine, then the scenario, with the same M/M/c parameters', () => {
    const cmds = setCommands(OPTS);
    expect(cmds.map((c) => c.label)).toEqual(['simpy', 'engine', 'scenario']);
    expect(cmds[0]).toEqual({ label: 'simpy', program: '/usr/bin/python3', args: ['/repo/bench/simpy_mmc.py', '3.6', '1', '4', '1000', '1'] });
    expect(cmds[1]!.args).toEqual(['/repo/dist/bench/cli.js', 'mmc', '--lambda', '3.6', '--mu', '1', '--servers', '4', '--customers', '1000', '--seed', '1']);
    expect(cmds[2]!.args).toEqual(['/repo/dist/bench/cli.js', 'scenario', 'scenarios/baseline-2023.yaml', '--replications', '10']);
  });

  it('leaves SimPy out when it is not given', () => {
    expect(setCommands({ ...OPTS, simpy: null }).map((c) => c.label)).toEqual(['engine', 'scenario']);
  });
});

describe('fieldOf', () => {
  it.each([
    ['engine=simpy served=10 mean_wait=2.0 wall_s=7.646', 'wall_s', 7.646],
    ['engine=bordersim served=1 wall_s=0.248 events=2 events_per_s=8070055', 'events_per_s', 8070055],
    ['engine=bordersim served=1 wall_s=0.248 events=2 events_per_s=8070055\n', 'events', 2],
  ])('%s → %s', (line, key, want) => {
    expect(fieldOf(line, key)).toBe(want);
  });

  it('names the missing field and the line', () => {
    expect(() => fieldOf('engine=simpy served=10', 'wall_s')).toThrow(BenchOutputError);
    expect(() => fieldOf('engine=simpy served=10', 'wall_s')).toThrow(/"wall_s" in benchmark output: "engine=simpy served=10"/);
    expect(() => fieldOf('wall_s=abc', 'wall_s')).toThrow(/no number/);
  });
});

describe('runSuite and summariseSuite', () => {
  /** A fake runner: set k's engine runs at 8e6·(1 + k/10) events/s in 0.25, 0.3, 0.2 s; the scenario at 3e6; SimPy takes 7.5 s. */
  function fakeRunner(calls: string[]): (cmd: BenchCommand) => string {
    let set = 0;
    return (cmd) => {
      calls.push(cmd.label);
      if (cmd.label === 'simpy') return 'engine=simpy served=1000 mean_wait=2.0 wall_s=7.5\n';
      if (cmd.label === 'engine') {
        const eps = 8e6 * (1 + set / 10);
        return `engine=bordersim served=1000 mean_wait=1.9 wall_s=${[0.25, 0.3, 0.2][set]} events=2000 events_per_s=${eps}\n`;
      }
      set++;
      return 'some progress\nengine=bordersim scenario=x replications=10 vehicles=5 events=9 wall_s=1.5 events_per_s=3000000 first_replication_s=0.300 warm_events_per_s=4000000\n';
    };
  }

  it('alternates the benchmarks set after set and reads each last line', () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const sets = runSuite(OPTS, fakeRunner(calls), (l) => lines.push(l));
    expect(calls).toEqual(['simpy', 'engine', 'scenario', 'simpy', 'engine', 'scenario', 'simpy', 'engine', 'scenario']);
    expect(lines).toHaveLength(9);
    expect(lines[2]).toMatch(/^engine=bordersim scenario=x/);
    expect(sets.map((s) => s.engineEventsPerS)).toEqual([8e6, 8.8e6, 9.6e6]);
    expect(sets.every((s) => s.simpyWallS === 7.5 && s.scenarioEventsPerS === 3e6 && s.scenarioWarmEventsPerS === 4e6)).toBe(true);
  });

  it('takes medians and per-set ratios', () => {
    const s = summariseSuite(runSuite(OPTS, fakeRunner([])));
    expect(s.sets).toBe(3);
    expect(s.engineEventsPerS).toBe(8.8e6);
    expect(s.modelToEngine.median).toBeCloseTo(3 / 8.8, 12);
    expect(s.modelToEngine.min).toBeCloseTo(3 / 9.6, 12);
    expect(s.modelToEngine.max).toBeCloseTo(3 / 8, 12);
    expect(s.modelWarmToEngine!.median).toBeCloseTo(4 / 8.8, 12);
    // SimPy 7.5 s over engine walls of 0.25, 0.3 and 0.2 s: 30, 25 and 37.5 times
    expect(s.engineSpeedupVsSimpy).toEqual({ median: 30, min: 25, max: 37.5 });
    expect(formatSuiteSummary(s)).toBe(
      'suite sets=3 engine_events_per_s_median=8800000 scenario_events_per_s_median=3000000 ' +
        'model_to_engine_median=0.34 model_to_engine_min=0.31 model_to_engine_max=0.38 ' +
        'model_warm_to_engine_median=0.45 model_warm_to_engine_min=0.42 model_warm_to_engine_max=0.50 ' +
        'engine_vs_simpy_median=30.00 engine_vs_simpy_min=25.00 engine_vs_simpy_max=37.50',
    );
  });

  it('has no SimPy figure without SimPy, and refuses no sets', () => {
    const s = summariseSuite(runSuite({ ...OPTS, simpy: null, sets: 1 }, fakeRunner([])));
    expect(s.engineSpeedupVsSimpy).toBeNull();
    expect(formatSuiteSummary(s)).not.toMatch(/simpy/);
    expect(() => runSuite({ ...OPTS, sets: -1 }, fakeRunner([]))).toThrow(/sets must be an integer >= 0/);
    expect(() => runSuite({ ...OPTS, sets: 1.5 }, fakeRunner([]))).toThrow(RangeError);
    expect(() => summariseSuite([])).toThrow(RangeError);
  });

  it('has no warm ratio when the scenario ran a single replication', () => {
    const one = (cmd: BenchCommand): string =>
      cmd.label === 'engine'
        ? 'engine=bordersim served=1 mean_wait=1 wall_s=0.2 events=2 events_per_s=10'
        : 'engine=bordersim scenario=x replications=1 vehicles=1 events=4 wall_s=1.000 events_per_s=4 first_replication_s=1.000 warm_events_per_s=NaN';
    const s = summariseSuite(runSuite({ ...OPTS, simpy: null, sets: 2 }, one));
    expect(s.modelWarmToEngine).toBeNull();
    expect(s.modelToEngine.median).toBeCloseTo(0.4, 12);
    expect(formatSuiteSummary(s)).not.toMatch(/warm/);
  });

  it('stops with a clear error when a benchmark prints no figure', () => {
    expect(() => runSuite(OPTS, () => 'Traceback: ModuleNotFoundError: simpy')).toThrow(/"wall_s" in benchmark output/);
  });
});

describe('no sets', () => {
  it('runs nothing when the sets are zero (the Kyakhta pair alone)', () => {
    const calls: string[] = [];
    expect(runSuite({ ...OPTS, sets: 0 }, (cmd) => (calls.push(cmd.label), ''))).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('simpyAvailable', () => {
  it('asks the interpreter to import simpy', () => {
    const calls: BenchCommand[] = [];
    expect(simpyAvailable('/usr/bin/python3', (cmd) => (calls.push(cmd), ''))).toBe(true);
    expect(calls).toEqual([{ label: 'probe', program: '/usr/bin/python3', args: ['-c', 'import simpy'] }]);
  });

  it('is false, not an error, when the import fails or the interpreter is missing', () => {
    const failing = (): string => {
      throw new Error("python3 -c import simpy failed (exit 1):\nModuleNotFoundError: No module named 'simpy'");
    };
    expect(simpyAvailable('python3', failing)).toBe(false);
    const missing = (): string => {
      throw new Error('cannot run /nonexistent/python: spawnSync /nonexistent/python ENOENT');
    };
    expect(simpyAvailable('/nonexistent/python', missing)).toBe(false);
  });

  it('says what is left out and how to get SimPy', () => {
    const note = missingSimpyNote('python3');
    expect(note).toMatch(/^SimPy is not importable by python3: /);
    expect(note).toMatch(/the SimPy M\/M\/c run and the Kyakhta pair are left out/);
    expect(note).toMatch(/python3-simpy3/);
    expect(note).toMatch(/--python <exe>/);
  });
});
