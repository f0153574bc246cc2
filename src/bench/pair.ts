// The Kyakhta pair: `bordersim run bench/kyakhta-only.yaml` against its SimPy twin (bench/simpy_kyakhta.py),
// the same replications and days, each in a fresh process under bench/cputime.py (the kernel's user+sys
// seconds of the child), one after the other for several sets; medians and the per-set SimPy/bordersim ratio.
import { max, median, min } from 'simple-statistics';
import { fieldOf, type BenchCommand, type CommandRunner } from './suite.js';

/** The aim for the CPU ratio SimPy/bordersim on this pair, and its stretch. */
export const KYAKHTA_TARGET_RATIO = 30;
export const KYAKHTA_STRETCH_RATIO = 50;

export interface PairOptions {
  sets: number;
  /** The python interpreter that imports simpy; it also runs cputime.py around both sides. */
  python: string;
  /** bench/cputime.py, bench/simpy_kyakhta.py. */
  cputimeScript: string;
  simpyScript: string;
  /** The node binary and bordersim's compiled command line (dist/cli.js). */
  node: string;
  bordersimCli: string;
  /** bench/kyakhta-only.yaml. */
  scenarioFile: string;
  replications: number;
  days: number;
  /** Where `bordersim run` writes its results (each run replaces the previous one's). */
  outDir: string;
}

/** What one set measured: CPU seconds (user + sys) and wall seconds of each whole process. */
export interface PairResult {
  bordersimCpuS: number;
  bordersimWallS: number;
  simpyCpuS: number;
  simpyWallS: number;
}

/**
 * The two commands of a set, bordersim first: each is cputime.py running one side. bordersim writes its CSV files
 * (the figures SimPy prints, and more) but not report.html or results.xlsx, which SimPy has no counterpart of.
 */
export function pairCommands(o: PairOptions): BenchCommand[] {
  const work = ['--replications', String(o.replications), '--days', String(o.days)];
  return [
    {
      label: 'kyakhta-bordersim',
      program: o.python,
      args: [o.cputimeScript, o.node, o.bordersimCli, 'run', o.scenarioFile, ...work, '--workers', '1', '--no-report', '--no-workbook', '--quiet', '--out', o.outDir],
    },
    { label: 'kyakhta-simpy', program: o.python, args: [o.cputimeScript, o.python, o.simpyScript, ...work] },
  ];
}

/** Runs `o.sets` sets through `run`, handing each side's line (`kyakhta engine=<side> cpu_s=...`) to `onLine`. */
export function runPairs(o: PairOptions, run: CommandRunner, onLine: (line: string) => void = () => {}): PairResult[] {
  if (!(Number.isSafeInteger(o.sets) && o.sets >= 0)) throw new RangeError(`Kyakhta sets must be an integer >= 0, got ${o.sets}`);
  const results: PairResult[] = [];
  for (let s = 0; s < o.sets; s++) {
    const set: PairResult = { bordersimCpuS: NaN, bordersimWallS: NaN, simpyCpuS: NaN, simpyWallS: NaN };
    for (const cmd of pairCommands(o)) {
      // cputime.py's line comes last, after whatever the command printed.
      const line = run(cmd).trim().split('\n').pop() ?? '';
      const side = cmd.label === 'kyakhta-simpy' ? 'simpy' : 'bordersim';
      onLine(`kyakhta engine=${side} ${line.trim()}`);
      const cpuS = fieldOf(line, 'cpu_s');
      const wallS = fieldOf(line, 'wall_s');
      if (side === 'simpy') [set.simpyCpuS, set.simpyWallS] = [cpuS, wallS];
      else [set.bordersimCpuS, set.bordersimWallS] = [cpuS, wallS];
    }
    results.push(set);
  }
  return results;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PairSummary {
  sets: number;
  replications: number;
  days: number;
  bordersimCpuS: Spread;
  simpyCpuS: Spread;
  bordersimWallS: Spread;
  simpyWallS: Spread;
  /** Per set: SimPy CPU seconds ÷ bordersim CPU seconds (the figure the target is about). */
  cpuRatio: Spread;
  /** Per set: SimPy wall seconds ÷ bordersim wall seconds. */
  wallRatio: Spread;
}

/** Summarises the sets; throws RangeError for none. */
export function summarisePairs(pairs: PairResult[], work: { replications: number; days: number }): PairSummary {
  if (pairs.length === 0) throw new RangeError('no Kyakhta sets to summarise');
  const spread = (xs: number[]): Spread => ({ median: median(xs), min: min(xs), max: max(xs) });
  return {
    sets: pairs.length,
    replications: work.replications,
    days: work.days,
    bordersimCpuS: spread(pairs.map((p) => p.bordersimCpuS)),
    simpyCpuS: spread(pairs.map((p) => p.simpyCpuS)),
    bordersimWallS: spread(pairs.map((p) => p.bordersimWallS)),
    simpyWallS: spread(pairs.map((p) => p.simpyWallS)),
    cpuRatio: spread(pairs.map((p) => p.simpyCpuS / p.bordersimCpuS)),
    wallRatio: spread(pairs.map((p) => p.simpyWallS / p.bordersimWallS)),
  };
}

/** The summary as one line in the benchmarks' key=value style. */
export function formatPairSummary(s: PairSummary): string {
  const kv = (key: string, x: Spread, digits: number): string =>
    `${key}_median=${x.median.toFixed(digits)} ${key}_min=${x.min.toFixed(digits)} ${key}_max=${x.max.toFixed(digits)}`;
  return [
    `kyakhta sets=${s.sets} replications=${s.replications} days=${s.days}`,
    kv('bordersim_cpu_s', s.bordersimCpuS, 3),
    kv('simpy_cpu_s', s.simpyCpuS, 3),
    kv('bordersim_wall_s', s.bordersimWallS, 3),
    kv('simpy_wall_s', s.simpyWallS, 3),
    kv('cpu_ratio', s.cpuRatio, 2),
    kv('wall_ratio', s.wallRatio, 2),
    `target_ratio=${KYAKHTA_TARGET_RATIO} stretch_ratio=${KYAKHTA_STRETCH_RATIO}`,
  ].join(' ');
}

/** The summary as a sentence, with where the median CPU ratio stands against the target and the stretch. */
export function describePairSummary(s: PairSummary): string {
  const sec = (x: Spread): string => `${x.median.toFixed(2)} s (${x.min.toFixed(2)}–${x.max.toFixed(2)})`;
  const r = s.cpuRatio.median;
  const verdict =
    r >= KYAKHTA_STRETCH_RATIO
      ? `target ${KYAKHTA_TARGET_RATIO}× and stretch ${KYAKHTA_STRETCH_RATIO}× met`
      : r >= KYAKHTA_TARGET_RATIO
        ? `target ${KYAKHTA_TARGET_RATIO}× met, stretch ${KYAKHTA_STRETCH_RATIO}× not`
        : `target ${KYAKHTA_TARGET_RATIO}× not met (stretch ${KYAKHTA_STRETCH_RATIO}×)`;
  return (
    `Kyakhta, ${s.replications} replications × ${s.days} days, one process each: CPU seconds SimPy ${sec(s.simpyCpuS)}, ` +
    `bordersim ${sec(s.bordersimCpuS)}; SimPy/bordersim ${r.toFixed(1)}× (median of ${s.sets} sets, ` +
    `${s.cpuRatio.min.toFixed(1)}–${s.cpuRatio.max.toFixed(1)}×; wall ${s.wallRatio.median.toFixed(1)}×): ${verdict}`
  );
}
