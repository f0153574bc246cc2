// `bordersim capacity <scenario> --crossing <id> --limit "<metric> <= <value>"`: the largest factor on a
// crossing's demand that keeps the limit (bracketing + bisection, same seed at every step), its CI and bottleneck.
import { join } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import {
  CapacityInputError,
  checkCapacityOptions,
  crossingOnly,
  DEFAULT_CAPACITY_OPTIONS,
  findCapacity,
  MAX_EVALUATIONS,
  MIN_TOLERANCE,
  parseLimit,
  type CapacityLimit,
  type CapacityOptions,
  type CapacityResult,
} from '../experiment/capacity.js';
import type { ReplicationRunner } from '../experiment/experiment.js';
import { METRIC_UNITS } from '../model/results.js';
import { runReplication } from '../model/run.js';
import type { CsvRow } from '../output/csvfile.js';
import { formatCount, formatFixed } from '../output/number.js';
import { loadScenario } from '../scenario/load.js';
import { addBatchOptions, BatchRunner, checkOutput, scenarioEntry, textTable, writeBatchFolder, type BatchFlags } from './batch.js';
import { UsageError, type CommandContext } from './context.js';
import { resolveRunOptions } from './run.js';

/** Flags of `bordersim capacity`. */
export interface CapacityFlags extends BatchFlags {
  crossing?: string;
  all?: boolean;
  limit?: string;
  tolerance?: number;
  maxFactor?: number;
}

export const CAPACITY_COLUMNS = [
  'scenario', 'crossing', 'metric', 'unit', 'limit', 'status', 'growth_factor', 'fail_factor', 'tolerance',
  'metric_mean', 'metric_ci95_low', 'metric_ci95_high', 'bottleneck_stage', 'bottleneck_utilisation', 'evaluations', 'replications',
] as const;

export const STEP_COLUMNS = ['scenario', 'crossing', 'step', 'growth_factor', 'metric', 'metric_mean', 'metric_ci95_low', 'metric_ci95_high', 'meets_limit'] as const;

/** A capacity.csv row. */
export function capacityRow(scenario: string, r: CapacityResult, tolerance: number, replications: number): CsvRow {
  return {
    scenario, crossing: r.crossing, metric: r.limit.metric, unit: METRIC_UNITS[r.limit.metric], limit: formatFixed(r.limit.max), status: r.status,
    growth_factor: formatFixed(r.factor), fail_factor: formatFixed(r.failFactor), tolerance: formatFixed(tolerance),
    metric_mean: formatFixed(r.at.mean), metric_ci95_low: formatFixed(r.at.ci95Low), metric_ci95_high: formatFixed(r.at.ci95High),
    bottleneck_stage: r.bottleneck?.stage ?? '', bottleneck_utilisation: formatFixed(r.bottleneck?.utilisation ?? null),
    evaluations: formatCount(r.steps.length), replications: formatCount(replications),
  };
}

/** The capacity-steps.csv rows of one search, in the order evaluated. */
export function stepRows(scenario: string, r: CapacityResult): CsvRow[] {
  return r.steps.map((s, i) => ({
    scenario, crossing: r.crossing, step: formatCount(i + 1), growth_factor: formatFixed(s.factor), metric: r.limit.metric,
    metric_mean: formatFixed(s.mean), metric_ci95_low: formatFixed(s.ci95Low), metric_ci95_high: formatFixed(s.ci95High), meets_limit: s.ok ? 'true' : 'false',
  }));
}

function factorText(r: CapacityResult, maxFactor: number, minFactor: number): string {
  if (r.status === 'above-max') return `>= ${maxFactor}`;
  if (r.status === 'below-min') return `< ${minFactor.toPrecision(3)}`;
  return `${(r.factor ?? 0).toFixed(2)}–${(r.failFactor ?? 0).toFixed(2)}`;
}

/** The terminal table: per crossing the factor bracket, the metric there with its CI, and the bottleneck. */
export function capacityText(limit: CapacityLimit, results: readonly CapacityResult[], opts: CapacityOptions): string {
  const rows = results.map((r) => [
    r.crossing,
    factorText(r, opts.maxFactor, opts.minFactor),
    r.at.mean === null ? '-' : `${r.at.mean.toFixed(2)}${r.at.ci95Low !== null && r.at.ci95High !== null ? ` [${r.at.ci95Low.toFixed(2)}, ${r.at.ci95High.toFixed(2)}]` : ''}`,
    r.bottleneck ? `${r.bottleneck.stage} (${(100 * r.bottleneck.utilisation).toFixed(0)}%)` : '-',
  ]);
  const head = `largest demand factor with ${limit.metric} <= ${limit.max} (mean over replications, all directions and classes):`;
  return `${head}\n${textTable(['crossing', 'factor (meets–fails)', `${limit.metric} [95% CI]`, 'bottleneck (utilisation)'], rows)}\n`;
}

/** What a finished capacity search produced. */
export interface CapacityOutcome {
  folder: string;
  files: string[];
  results: CapacityResult[];
}

/**
 * Searches every requested crossing (each simulated alone: crossings share nothing), writes capacity.csv and
 * capacity-steps.csv atomically and prints a table. Throws UsageError / ScenarioError / OutputFolderError for
 * bad input before running, any other error for a failure while running.
 */
export async function capacityCommand(file: string, flags: CapacityFlags, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<CapacityOutcome> {
  if (flags.limit === undefined) throw new UsageError('capacity needs --limit "<metric> <= <value>", e.g. --limit "approach_wait_h_p95 <= 4"');
  if ((flags.crossing === undefined) === (flags.all !== true)) throw new UsageError('capacity needs either --crossing <id> or --all (not both)');
  const scenario = loadScenario(file);
  const options: CapacityOptions = {
    ...DEFAULT_CAPACITY_OPTIONS,
    ...(flags.tolerance !== undefined ? { tolerance: flags.tolerance } : {}),
    ...(flags.maxFactor !== undefined ? { maxFactor: flags.maxFactor } : {}),
  };
  let limit: CapacityLimit;
  const ids = flags.all ? scenario.crossings.map((c) => c.id) : [flags.crossing!];
  try {
    limit = parseLimit(flags.limit);
    checkCapacityOptions(options);
    for (const id of ids) crossingOnly(scenario, id);
  } catch (err) {
    throw err instanceof CapacityInputError ? new UsageError(err.message) : err;
  }
  const opts = resolveRunOptions(scenario, flags);
  const folder = flags.out ?? join('output', `capacity-${scenario.id}`);
  checkOutput(folder, ctx);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();

  const results: CapacityResult[] = [];
  // Steps are not known in advance: progress is one line per evaluated factor instead of a bar.
  const batch = new BatchRunner(ctx, opts, 1, true, runner, flags.workers);
  try {
    for (const id of ids) {
      const result = await findCapacity(scenario, id, limit, options, async (s, factor) => {
        const res = await batch.run(s, `${scenario.id} ${id} ×${factor}`);
        if (!flags.quiet) {
          const row = res.summary.find((r) => r.crossing === id && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === limit.metric);
          const mean = row?.mean;
          ctx.stderr(`${id}: demand ×${factor.toFixed(4)} → ${limit.metric} ${mean === undefined || mean === null ? '-' : mean.toFixed(3)} (${mean !== undefined && mean !== null && mean <= limit.max ? 'meets' : 'breaks'} the limit ${limit.max})\n`);
        }
        return res;
      });
      results.push(result);
    }
  } finally {
    await batch.stop();
  }
  const files = await writeBatchFolder(
    folder,
    [
      { file: 'capacity.csv', columns: CAPACITY_COLUMNS, rows: results.map((r) => capacityRow(scenario.id, r, options.tolerance, opts.replications)) },
      { file: 'capacity-steps.csv', columns: STEP_COLUMNS, rows: results.flatMap((r) => stepRows(scenario.id, r)) },
    ],
    { command: 'capacity', scenarios: [scenarioEntry(scenario, file)], opts, startedMs, startedAt, workers: batch.workers, extra: { limit, search: options }, warnings: batch.warnings },
    ctx,
  );
  if (!flags.quiet) ctx.stdout(`${capacityText(limit, results, options)}results in ${folder}/ (${files.join(', ')})\n`);
  for (const w of batch.warnings) ctx.stderr(`warning: ${w.scenario}, replication ${w.replication}, ${w.crossing}: ${w.check} check failed: ${w.detail}\n`);
  return { folder, files, results };
}

function positiveNumber(text: string): number {
  const value = Number(text.trim());
  if (!/^\s*(\d+\.?\d*|\.\d+)\s*$/.test(text) || !(value > 0)) throw new InvalidArgumentError('expected a number > 0.');
  return value;
}

const EXAMPLES = `
Examples:
  $ bordersim capacity scenarios/agreement-2027.yaml --crossing kyakhta --limit "approach_wait_h_p95 <= 4"
  $ bordersim capacity scenarios/agreement-2027.yaml --all --limit "approach_wait_h_mean <= 2" --replications 5

The factor multiplies all of the crossing's demand (every direction and class) on top of the scenario's own
growth; 1 = the scenario as written. The crossing is simulated alone (crossings share nothing) with the same
seed at every factor (common random numbers). The limit is on the mean over replications of the crossing's
all-directions, all-classes metric. capacity.csv: the factor found (largest tested meeting the limit), the
smallest tested breaking it, the metric's 95% CI there, and the stage with the highest utilisation
(the bottleneck); capacity-steps.csv: every factor tried.`;

/** Registers `capacity` on the program; sets exit code 0 when done (errors propagate to cli.ts). */
export function registerCapacity(program: Command, ctx: CommandContext, setExit: (code: number) => void, runner: ReplicationRunner = runReplication): void {
  const cmd = program
    .command('capacity')
    .description('largest demand growth a crossing can take within a limit (bisection with replications)')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-c, --crossing <id>', 'crossing to search')
    .option('-a, --all', 'search every crossing')
    .option('-l, --limit <text>', 'the limit, "<metric> <= <value>", e.g. "approach_wait_h_p95 <= 4"')
    .option('--tolerance <f>', `stop when the factor is known within this width (default ${DEFAULT_CAPACITY_OPTIONS.tolerance}, at least ${MIN_TOLERANCE}; at most ${MAX_EVALUATIONS} evaluations)`, positiveNumber)
    .option('--max-factor <f>', `largest factor tried (default ${DEFAULT_CAPACITY_OPTIONS.maxFactor})`, positiveNumber);
  addBatchOptions(cmd, 'output/capacity-<scenario id>')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, opts: CapacityFlags) => {
      await capacityCommand(file, opts, ctx, runner);
      setExit(0);
    });
}
