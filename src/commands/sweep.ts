// `bordersim sweep <scenario> --set <path>=<values>...`: the full factorial grid of the values, every point run
// with the same seed and replications; sweep.csv in long format with one column per swept path; the terminal
// table shows one group (--class, --direction).
import { join } from 'node:path';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import type { SweepAxis } from '../experiment/studies/grid.js';
import { ALL_GROUP, groupLabel, groupSummary, type ClassChoice, type GroupChoice } from '../experiment/studies/select.js';
import { resolveSweep, runSweep, type SweepResult } from '../experiment/studies/sweep.js';
import { loadRawScenario } from '../experiment/studies/variant.js';
import { METRIC_UNITS, type DirectionKey } from '../model/results.js';
import { runReplication } from '../model/run.js';
import type { CsvRow } from '../output/csvfile.js';
import { CORRIDOR_COLUMNS, corridorRow } from '../output/tables.js';
import { formatCount, formatFixed } from '../output/number.js';
import { resolveScenario } from '../scenario/resolve.js';
import { BatchRunner, checkOutput, scenarioEntry, writeBatchFolder, type BatchFlags } from './batch.js';
import { textTable } from './table.js';
import { UsageError, type CommandContext } from './context.js';
import { resolveRunOptions } from './run.js';
import { checkAxes, checkGridSize, parseSetFlag, SweepFlagError } from './set-flag.js';
import { plausibilityChecks, warningLine } from './warnings.js';
import { plausibilityWarnings } from '../scenario/plausibility.js';

/** Flags of `bordersim sweep`. */
export interface SweepFlags extends BatchFlags {
  set?: string[];
  /** The group the table shows (default all × all). */
  class?: ClassChoice;
  direction?: DirectionKey;
}

const SUMMARY_TAIL = ['crossing', 'direction', 'class', 'metric', 'unit', 'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max', 'replications'] as const;

/** sweep.csv columns: scenario, point, one per swept path (named by the path), then the summary columns. */
export function sweepColumns(axes: readonly SweepAxis[]): string[] {
  return ['scenario', 'point', ...axes.map((a) => a.path), ...SUMMARY_TAIL];
}

/** sweep-corridors.csv columns: scenario, point, one per swept path, then corridors.csv's columns. */
export function sweepCorridorColumns(axes: readonly SweepAxis[]): string[] {
  return ['scenario', 'point', ...axes.map((a) => a.path), ...CORRIDOR_COLUMNS.filter((c) => c !== 'scenario')];
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** A --set value as a sweep.csv cell: text a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading '. */
export function valueCell(v: unknown): string {
  const text = valueText(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The sweep.csv rows of all points, in grid order then summary order. */
export function* sweepRows(scenarioId: string, results: readonly SweepResult[]): Iterable<CsvRow> {
  for (const { point, summary } of results) {
    const grid: CsvRow = Object.fromEntries(point.settings.map((s) => [s.path, valueCell(s.value)]));
    for (const r of summary) {
      yield {
        scenario: scenarioId, point: formatCount(point.index), ...grid,
        crossing: r.crossing, direction: r.direction, class: r.vehicleClass, metric: r.metric, unit: METRIC_UNITS[r.metric],
        mean: formatFixed(r.mean), sd: formatFixed(r.sd), ci95_low: formatFixed(r.ci95Low), ci95_high: formatFixed(r.ci95High),
        min: formatFixed(r.min), max: formatFixed(r.max), replications: formatCount(r.n),
      };
    }
  }
}

/** The sweep-corridors.csv rows of all points (corridors.csv's, each with its point), in grid order then corridor order. */
export function* sweepCorridorRows(scenarioId: string, results: readonly SweepResult[]): Iterable<CsvRow> {
  for (const { point, corridors } of results) {
    const grid: CsvRow = Object.fromEntries(point.settings.map((s) => [s.path, valueCell(s.value)]));
    for (const r of corridors) yield { ...corridorRow(scenarioId, r), point: formatCount(point.index), ...grid };
  }
}

/** sweep.csv and sweep-corridors.csv (written also without corridors, header only, as a run's corridors.csv). */
export function sweepTables(scenarioId: string, axes: readonly SweepAxis[], results: readonly SweepResult[]) {
  return [
    { file: 'sweep.csv', columns: sweepColumns(axes), rows: sweepRows(scenarioId, results) },
    { file: 'sweep-corridors.csv', columns: sweepCorridorColumns(axes), rows: sweepCorridorRows(scenarioId, results) },
  ];
}

/** The terminal table: per point, each crossing's mean approach wait (h) for `group` (default all × all); crossings without the group are left out. */
export function sweepText(axes: readonly SweepAxis[], results: readonly SweepResult[], group: GroupChoice = ALL_GROUP): string {
  const crossings = [...new Set(results.flatMap((r) => r.summary.filter((s) => s.direction === group.direction && s.vehicleClass === group.vehicleClass).map((s) => s.crossing)))];
  const cell = (res: SweepResult, c: string): string => {
    const wait = groupSummary(res.summary, c, group, 'approach_wait_h_mean')?.mean;
    return wait === undefined || wait === null ? '-' : wait.toFixed(2);
  };
  const header = ['point', ...axes.map((a) => a.path), ...crossings.map((c) => `${c} wait h`)];
  const rows = results.map((r) => [String(r.point.index), ...r.point.settings.map((s) => valueText(s.value)), ...crossings.map((c) => cell(r, c))]);
  const none = crossings.length === 0 ? `(no crossing has ${groupLabel(group)})\n` : '';
  return `mean approach wait per grid point (${groupLabel(group)}):\n${textTable(header, rows)}\n${none}`;
}

/** What a finished sweep produced. */
export interface SweepOutcome {
  folder: string;
  files: string[];
  results: SweepResult[];
}

/**
 * Parses the --set flags, resolves every grid point (bad paths or values fail here, before any run), runs
 * them, writes sweep.csv and sweep-corridors.csv atomically and prints a table. Throws SweepFlagError / ScenarioError / UsageError /
 * OutputFolderError for bad input, any other error for a failure while running.
 */
/** The grid's axes from the --set flags; throws UsageError for none or a bad one (before anything runs). */
export function sweepAxes(flags: Pick<SweepFlags, 'set'>): SweepAxis[] {
  const setFlags = flags.set ?? [];
  if (setFlags.length === 0) throw new UsageError('sweep needs at least one --set <path>=<values>, e.g. --set demand.growth.south=1..1.5:0.1');
  let axes: SweepAxis[];
  try {
    axes = setFlags.map(parseSetFlag);
    checkAxes(axes);
  } catch (err) {
    throw err instanceof SweepFlagError ? new UsageError(err.message) : err;
  }
  return axes;
}

export async function sweepCommand(file: string, flags: SweepFlags, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<SweepOutcome> {
  const axes = sweepAxes(flags);
  const raw = loadRawScenario(file);
  const base = resolveScenario(raw, file);
  const opts = resolveRunOptions(base, flags);
  const folder = flags.out ?? join('output', `sweep-${base.id}`);
  checkOutput(folder, ctx);
  try {
    checkGridSize(axes, opts.replications); // before resolving a point: an absurd grid costs nothing
  } catch (err) {
    throw err instanceof SweepFlagError ? new UsageError(err.message) : err;
  }
  const points = resolveSweep(raw, axes);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();

  const batch = new BatchRunner(ctx, opts, points.length, flags.quiet === true, runner, flags.workers, true, flags.reuse !== false);
  batch.plan(points.map((p) => p.scenario));
  // Likely unit mistakes in the base file (the grid's values are the user's own choice), before and after.
  const inputChecks = plausibilityChecks(plausibilityWarnings(base, raw));
  for (const w of inputChecks) ctx.stderr(warningLine(w));
  batch.warnings.push(...inputChecks.map((w) => ({ ...w, scenario: base.id })));
  let results: SweepResult[];
  try {
    results = await runSweep(points, (s, p) => batch.run(s, `${base.id} point ${p.index}`));
  } finally {
    await batch.stop();
  }
  const group = { direction: flags.direction ?? 'all', vehicleClass: flags.class ?? 'all' };
  const files = await writeBatchFolder(
    folder,
    sweepTables(base.id, axes, results),
    {
      command: 'sweep',
      scenarios: [scenarioEntry(base, file)],
      opts, startedMs, startedAt, workers: batch.workers, reuse: batch.reuseCounts,
      extra: { grid: axes.map((a) => ({ path: a.path, values: a.values })), points: points.length },
      warnings: batch.warnings, output: flags,
      report: { scenarios: [{ label: base.id, file, scenario: base }], group, sweptPaths: axes.map((a) => a.path) },
    },
    ctx,
  );
  if (!flags.quiet) ctx.stdout(`${sweepText(axes, results, group)}results in ${folder}/ (${files.join(', ')})\n`);
  for (const w of batch.warnings) ctx.stderr(warningLine(w));
  return { folder, files, results };
}

