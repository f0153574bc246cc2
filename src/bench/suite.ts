// The same-minute benchmark suite: alternates the SimPy reference (optional), the engine benchmark and the
// scenario benchmark, each in a fresh process, for several sets; summarises medians and the two target ratios.
// The Kyakhta pair (pair.ts) runs through the same kind of runner; simpyAvailable says whether SimPy is there.
import { max, median, min } from 'simple-statistics';

/** One benchmark process to start: a program and its arguments. */
export interface BenchCommand {
  label: 'simpy' | 'engine' | 'scenario' | 'kyakhta-bordersim' | 'kyakhta-simpy' | 'probe';
  program: string;
  args: string[];
}

/** Runs a command and returns its standard output; throws when it fails (the suite stops). */
export type CommandRunner = (cmd: BenchCommand) => string;

export interface SuiteOptions {
  sets: number;
  /** The node binary and the compiled bench CLI (dist/bench/cli.js) that run the bordersim benchmarks. */
  node: string;
  benchCli: string;
  scenarioFile: string;
  replications: number;
  /** M/M/c parameters shared by SimPy and the engine benchmark. */
  mmc: { lambda: number; mu: number; servers: number; customers: number; seed: number };
  /** The SimPy reference (python interpreter and bench/simpy_mmc.py), or null to leave it out. */
  simpy: { python: string; script: string } | null;
}

/** What one set measured (null for SimPy when it was left out). */
export interface SetResult {
  simpyWallS: number | null;
  engineWallS: number;
  engineEventsPerS: number;
  scenarioEventsPerS: number;
  /** The scenario's replications after the first (null with a single replication). */
  scenarioWarmEventsPerS: number | null;
}

/** Thrown when a benchmark's output lacks the field the suite needs. */
export class BenchOutputError extends Error {}

/** The commands of one set, in the order they run. */
export function setCommands(o: SuiteOptions): BenchCommand[] {
  const m = o.mmc;
  const cmds: BenchCommand[] = [];
  if (o.simpy) {
    cmds.push({ label: 'simpy', program: o.simpy.python, args: [o.simpy.script, String(m.lambda), String(m.mu), String(m.servers), String(m.customers), String(m.seed)] });
  }
  cmds.push({
    label: 'engine',
    program: o.node,
    args: [o.benchCli, 'mmc', '--lambda', String(m.lambda), '--mu', String(m.mu), '--servers', String(m.servers), '--customers', String(m.customers), '--seed', String(m.seed)],
  });
  cmds.push({ label: 'scenario', program: o.node, args: [o.benchCli, 'scenario', o.scenarioFile, '--replications', String(o.replications)] });
  return cmds;
}

/** The number after `key=` in a benchmark line; throws BenchOutputError when absent or not a number. */
export function fieldOf(line: string, key: string): number {
  const m = new RegExp(`(?:^|\\s)${key}=([0-9.eE+-]+)(?:\\s|$)`).exec(line.trim());
  const x = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(x)) throw new BenchOutputError(`no number for "${key}" in benchmark output: ${JSON.stringify(line.trim())}`);
  return x;
}

/** Whether `python` imports simpy (a failed or missing interpreter is a no, not an error). */
export function simpyAvailable(python: string, run: CommandRunner): boolean {
  try {
    run({ label: 'probe', program: python, args: ['-c', 'import simpy'] });
    return true;
  } catch {
    return false;
  }
}

/** What the suite says when SimPy is missing: what it leaves out and how to get it. */
export function missingSimpyNote(python: string): string {
  return (
    `SimPy is not importable by ${python}: the SimPy M/M/c run and the Kyakhta pair are left out ` +
    `(Debian: apt-get install python3-simpy3; another interpreter: --python <exe>)`
  );
}

/** Runs `o.sets` sets (none is allowed) through `run`, handing each output line to `onLine` as it comes; returns every set's figures. */
export function runSuite(o: SuiteOptions, run: CommandRunner, onLine: (line: string) => void = () => {}): SetResult[] {
  if (!(Number.isSafeInteger(o.sets) && o.sets >= 0)) throw new RangeError(`sets must be an integer >= 0, got ${o.sets}`);
  const results: SetResult[] = [];
  for (let s = 0; s < o.sets; s++) {
    const set: SetResult = { simpyWallS: null, engineWallS: NaN, engineEventsPerS: NaN, scenarioEventsPerS: NaN, scenarioWarmEventsPerS: null };
    for (const cmd of setCommands(o)) {
      const line = run(cmd).trim().split('\n').pop() ?? '';
      onLine(line);
      if (cmd.label === 'simpy') set.simpyWallS = fieldOf(line, 'wall_s');
      else if (cmd.label === 'engine') {
        set.engineWallS = fieldOf(line, 'wall_s');
        set.engineEventsPerS = fieldOf(line, 'events_per_s');
      }
      else {
        set.scenarioEventsPerS = fieldOf(line, 'events_per_s');
        set.scenarioWarmEventsPerS = /\bwarm_events_per_s=NaN\b/.test(line) ? null : fieldOf(line, 'warm_events_per_s');
      }
    }
    results.push(set);
  }
  return results;
}

/** Medians over the sets, and the per-set ratios the targets are about. */
export interface SuiteSummary {
  sets: number;
  engineEventsPerS: number;
  scenarioEventsPerS: number;
  /** Per set: scenario events/s ÷ engine events/s (target ≥ 0.5). */
  modelToEngine: { median: number; min: number; max: number };
  /** Per set: the scenario's replications after the first, events/s ÷ engine events/s (null with one replication). */
  modelWarmToEngine: { median: number; min: number; max: number } | null;
  /** Per set: SimPy wall ÷ engine wall on the same M/M/c (null without SimPy). */
  engineSpeedupVsSimpy: { median: number; min: number; max: number } | null;
}

/** Summarises the sets; throws RangeError for none. */
export function summariseSuite(sets: SetResult[]): SuiteSummary {
  if (sets.length === 0) throw new RangeError('no sets to summarise');
  const spread = (xs: number[]): { median: number; min: number; max: number } => ({ median: median(xs), min: min(xs), max: max(xs) });
  const ratios = sets.map((s) => s.scenarioEventsPerS / s.engineEventsPerS);
  const withSimpy = sets.filter((s) => s.simpyWallS !== null);
  const warm = sets.filter((s) => s.scenarioWarmEventsPerS !== null);
  return {
    sets: sets.length,
    engineEventsPerS: median(sets.map((s) => s.engineEventsPerS)),
    scenarioEventsPerS: median(sets.map((s) => s.scenarioEventsPerS)),
    modelToEngine: spread(ratios),
    modelWarmToEngine: warm.length > 0 ? spread(warm.map((s) => s.scenarioWarmEventsPerS! / s.engineEventsPerS)) : null,
    engineSpeedupVsSimpy:
      withSimpy.length > 0 ? spread(withSimpy.map((s) => s.simpyWallS! / s.engineWallS)) : null,
  };
}

/** The summary as one line in the benchmarks' key=value style. */
export function formatSuiteSummary(s: SuiteSummary): string {
  const r = (x: number): string => x.toFixed(2);
  const parts = [
    `suite sets=${s.sets}`,
    `engine_events_per_s_median=${Math.round(s.engineEventsPerS)}`,
    `scenario_events_per_s_median=${Math.round(s.scenarioEventsPerS)}`,
    `model_to_engine_median=${r(s.modelToEngine.median)} model_to_engine_min=${r(s.modelToEngine.min)} model_to_engine_max=${r(s.modelToEngine.max)}`,
  ];
  if (s.modelWarmToEngine) {
    const w = s.modelWarmToEngine;
    parts.push(`model_warm_to_engine_median=${r(w.median)} model_warm_to_engine_min=${r(w.min)} model_warm_to_engine_max=${r(w.max)}`);
  }
  if (s.engineSpeedupVsSimpy) {
    const v = s.engineSpeedupVsSimpy;
    parts.push(`engine_vs_simpy_median=${r(v.median)} engine_vs_simpy_min=${r(v.min)} engine_vs_simpy_max=${r(v.max)}`);
  }
  return parts.join(' ');
}
