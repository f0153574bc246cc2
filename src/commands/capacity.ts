// `bordersim capacity <scenario> --crossing <id> --limit "<metric> <= <value>"`: the largest factor on a
// crossing's demand (of the --scale classes) that keeps the limit on a --class × --direction group (bracketing +
// bisection, same seed at every step), its CI (uncertain when it holds the limit) and the bottleneck.
import { join } from 'node:path';
import {
  CapacityInputError,
  checkCapacityOptions,
  checkCapacityTarget,
  DEFAULT_CAPACITY_OPTIONS,
  findCapacity,
  type CapacityLimit,
  type CapacityOptions,
  type CapacityResult,
} from '../experiment/studies/capacity.js';
import type { CollectedResults } from '../experiment/statistics/collect.js';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import { classListText, groupLabel, groupSummary, type ClassChoice } from '../experiment/studies/select.js';
import { stabilityWarnings } from '../experiment/statistics/stability.js';
import { METRIC_UNITS, type DirectionKey } from '../model/results.js';
import { runReplication } from '../model/run.js';
import type { CsvRow } from '../output/csvfile.js';
import { formatCount, formatFixed } from '../output/number.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import type { Scenario, VehicleClass } from '../scenario/types.js';
import { BatchRunner, scenarioEntry, checkOutput, writeBatchFolder, type BatchFlags } from './batch.js';
import { textTable } from './table.js';
import { UsageError, type CommandContext } from './context.js';
import { parseLimit } from './limit-flag.js';
import { resolveRunOptions } from './run.js';
import { plausibilityChecks, warningLine } from './warnings.js';

/** Flags of `bordersim capacity`. */
export interface CapacityFlags extends BatchFlags {
  crossing?: string;
  all?: boolean;
  limit?: string;
  tolerance?: number;
  maxFactor?: number;
  /** The group the limit is on (default all × all). */
  class?: ClassChoice;
  direction?: DirectionKey;
  /** Classes the factor multiplies (default freight: truck, train). */
  scale?: readonly VehicleClass[];
  /** `i/n`: search only shard i of the crossings, into a shard folder (capacity-shard.ts). */
  shard?: string;
}

export const CAPACITY_COLUMNS = [
  'scenario', 'crossing', 'direction', 'class', 'metric', 'unit', 'limit', 'scaled_classes', 'status', 'growth_factor', 'fail_factor', 'tolerance',
  'metric_mean', 'metric_ci95_low', 'metric_ci95_high', 'uncertain', 'plausible_factor_low', 'plausible_factor_high', 'bottleneck_stage', 'bottleneck_utilisation', 'evaluations', 'replications',
] as const;

export const STEP_COLUMNS = [
  'scenario', 'crossing', 'step', 'growth_factor', 'direction', 'class', 'metric', 'metric_mean', 'metric_ci95_low', 'metric_ci95_high', 'meets_limit',
] as const;

/** A capacity.csv row; `scaled` are the classes the factor multiplied. */
export function capacityRow(scenario: string, r: CapacityResult, opts: Pick<CapacityOptions, 'tolerance' | 'scaled'>, replications: number): CsvRow {
  return {
    scenario, crossing: r.crossing, direction: r.limit.direction, class: r.limit.vehicleClass, metric: r.limit.metric, unit: METRIC_UNITS[r.limit.metric],
    limit: formatFixed(r.limit.max), scaled_classes: classListText(opts.scaled), status: r.status,
    growth_factor: formatFixed(r.factor), fail_factor: formatFixed(r.failFactor), tolerance: formatFixed(opts.tolerance),
    metric_mean: formatFixed(r.at.mean), metric_ci95_low: formatFixed(r.at.ci95Low), metric_ci95_high: formatFixed(r.at.ci95High),
    uncertain: r.uncertain ? 'true' : 'false',
    plausible_factor_low: formatFixed(r.plausible?.low ?? null), plausible_factor_high: formatFixed(r.plausible?.high ?? null),
    bottleneck_stage: r.bottleneck?.stage ?? '', bottleneck_utilisation: formatFixed(r.bottleneck?.utilisation ?? null),
    evaluations: formatCount(r.steps.length), replications: formatCount(replications),
  };
}

/** The capacity-steps.csv rows of one search, in the order evaluated. */
export function stepRows(scenario: string, r: CapacityResult): CsvRow[] {
  return r.steps.map((s, i) => ({
    scenario, crossing: r.crossing, step: formatCount(i + 1), growth_factor: formatFixed(s.factor),
    direction: r.limit.direction, class: r.limit.vehicleClass, metric: r.limit.metric,
    metric_mean: formatFixed(s.mean), metric_ci95_low: formatFixed(s.ci95Low), metric_ci95_high: formatFixed(s.ci95High), meets_limit: s.ok ? 'true' : 'false',
  }));
}

function factorText(r: CapacityResult, maxFactor: number, minFactor: number): string {
  if (r.status === 'above-max') return `>= ${maxFactor}`;
  if (r.status === 'below-min') return `< ${minFactor.toPrecision(3)}`;
  return `${(r.factor ?? 0).toFixed(2)}–${(r.failFactor ?? 0).toFixed(2)}`;
}

/**
 * The terminal table: per crossing the factor bracket, the metric there with its CI, whether the CI holds the
 * limit (uncertain, with the advice to add replications) and the bottleneck.
 */
export function capacityText(limit: CapacityLimit, results: readonly CapacityResult[], opts: CapacityOptions, replications: number): string {
  const rows = results.map((r) => [
    r.crossing,
    factorText(r, opts.maxFactor, opts.minFactor),
    r.at.mean === null ? '-' : `${r.at.mean.toFixed(2)}${r.at.ci95Low !== null && r.at.ci95High !== null ? ` [${r.at.ci95Low.toFixed(2)}, ${r.at.ci95High.toFixed(2)}]` : ''}`,
    !r.uncertain ? 'clear' : r.plausible ? `uncertain: ${r.plausible.low.toFixed(2)}–${r.plausible.high.toFixed(2)}` : 'uncertain',
    r.bottleneck ? `${r.bottleneck.stage} (${(100 * r.bottleneck.utilisation).toFixed(0)}%)` : '-',
  ]);
  const head =
    `largest factor on ${classListText(opts.scaled)} demand with ${limit.metric} <= ${limit.max} for ${groupLabel(limit)} ` +
    '(mean over replications):';
  const out = [head, textTable(['crossing', 'factor (meets–fails)', `${limit.metric} [95% CI]`, 'CI vs limit', 'bottleneck (utilisation)'], rows)];
  if (results.some((r) => r.uncertain)) {
    out.push(
      `uncertain: the 95% CI at the factor found holds the limit ${limit.max} (or there is no CI), so the answer could move ` +
        '(within the factors shown, as far as the CIs of the factors tried tell); ' +
        `add replications (now ${replications}; e.g. --replications ${Math.max(2 * replications, 10)}) to settle it`,
    );
  }
  return `${out.join('\n')}\n`;
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
  const loaded = loadScenarioWithWarnings(file);
  const scenario = loaded.scenario;
  const inputChecks = plausibilityChecks(loaded.warnings);
  for (const w of inputChecks) ctx.stderr(warningLine(w));
  const options: CapacityOptions = {
    ...DEFAULT_CAPACITY_OPTIONS,
    ...(flags.tolerance !== undefined ? { tolerance: flags.tolerance } : {}),
    ...(flags.maxFactor !== undefined ? { maxFactor: flags.maxFactor } : {}),
    ...(flags.scale !== undefined ? { scaled: flags.scale } : {}),
  };
  let limit: CapacityLimit;
  let ids: string[];
  try {
    limit = parseLimit(flags.limit, { direction: flags.direction ?? 'all', vehicleClass: flags.class ?? 'freight' });
    checkCapacityOptions(options);
    ids = flags.all ? searchable(scenario, limit, options, ctx) : [flags.crossing!];
    for (const id of ids) checkCapacityTarget(scenario, id, limit, options.scaled);
  } catch (err) {
    throw err instanceof CapacityInputError ? new UsageError(err.message) : err;
  }
  const opts = resolveRunOptions(scenario, flags);
  const shard = flags.shard === undefined ? null : await import('./capacity-shard.js').then((m) => m.capacityShard(flags.shard!, scenario, ids));
  const folder = flags.out ?? join('output', `capacity-${scenario.id}${shard ? shard.folderSuffix : ''}`);
  checkOutput(folder, ctx);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();

  const results: CapacityResult[] = [];
  // Each crossing's warnings (a shard keeps them with its result).
  const warningsOf: Array<typeof batch.warnings> = [];
  // Steps are not known in advance: progress is one line per evaluated factor instead of a bar. The search
  // overloads crossings on purpose: stability is checked only at the factor found, the answer.
  const batch = new BatchRunner(ctx, opts, 1, true, runner, flags.workers, false, flags.reuse !== false);
  batch.warnings.push(...inputChecks.map((w) => ({ ...w, scenario: scenario.id })));
  try {
    for (const id of shard?.ids ?? ids) {
      const before = batch.warnings.length;
      const byFactor = new Map<number, CollectedResults>();
      const label = (factor: number): string => `${scenario.id} ${id} ×${factor}`;
      const result = await findCapacity(scenario, id, limit, options, async (s, factor) => {
        const res = await batch.run(s, label(factor));
        byFactor.set(factor, res);
        if (!flags.quiet) {
          const mean = groupSummary(res.summary, id, limit, limit.metric)?.mean;
          ctx.stderr(`${id}: demand ×${factor.toFixed(4)} → ${limit.metric} ${mean === undefined || mean === null ? '-' : mean.toFixed(3)} (${mean !== undefined && mean !== null && mean <= limit.max ? 'meets' : 'breaks'} the limit ${limit.max})\n`);
        }
        return res;
      }).catch((err: unknown) => {
        // The results lack the chosen group (found after the first factor): still bad input, exit 2.
        throw err instanceof CapacityInputError ? new UsageError(err.message) : err;
      });
      const found = result.at.factor;
      const atFound = byFactor.get(found);
      if (atFound) batch.warnings.push(...stabilityWarnings(atFound, opts).map((w) => ({ ...w, scenario: label(found) })));
      results.push(result);
      warningsOf.push(batch.warnings.slice(before));
    }
  } finally {
    await batch.stop();
  }
  const extra = { limit, scaledClasses: options.scaled, search: { tolerance: options.tolerance, minFactor: options.minFactor, maxFactor: options.maxFactor } };
  if (shard) {
    const written = await shard.write(folder, { file, opts, startedMs, startedAt, workers: batch.workers, reuse: batch.reuseCounts, extra, inputWarnings: inputChecks.map((w) => ({ ...w, scenario: scenario.id })), results, warningsOf }, ctx);
    return { folder, files: written, results };
  }
  const files = await writeBatchFolder(
    folder,
    [
      { file: 'capacity.csv', columns: CAPACITY_COLUMNS, rows: results.map((r) => capacityRow(scenario.id, r, options, opts.replications)) },
      { file: 'capacity-steps.csv', columns: STEP_COLUMNS, rows: results.flatMap((r) => stepRows(scenario.id, r)) },
    ],
    { command: 'capacity', scenarios: [scenarioEntry(scenario, file)], opts, startedMs, startedAt, workers: batch.workers, reuse: batch.reuseCounts, extra, warnings: batch.warnings,
      output: flags, report: { scenarios: [{ label: scenario.id, file, scenario }], limit: { metric: limit.metric, max: limit.max, direction: limit.direction, vehicleClass: limit.vehicleClass } } },
    ctx,
  );
  if (!flags.quiet) ctx.stdout(`${capacityText(limit, results, options, opts.replications)}results in ${folder}/ (${files.join(', ')})\n`);
  for (const w of batch.warnings) ctx.stderr(warningLine(w));
  return { folder, files, results };
}

/**
 * With --all: the crossings that have demand in the limit's group and in the scaled classes; the others are named
 * on stderr and skipped. Throws CapacityInputError when none is left.
 */
function searchable(scenario: Scenario, limit: CapacityLimit, options: CapacityOptions, ctx: CommandContext): string[] {
  const ids: string[] = [];
  const reasons: string[] = [];
  for (const c of scenario.crossings) {
    try {
      checkCapacityTarget(scenario, c.id, limit, options.scaled);
      ids.push(c.id);
    } catch (err) {
      if (!(err instanceof CapacityInputError)) throw err;
      reasons.push(err.message);
    }
  }
  if (ids.length === 0) throw new CapacityInputError(`--all: no crossing of ${scenario.id} can be searched (${reasons.join('; ')})`);
  for (const r of reasons) ctx.stderr(`capacity: skipped, ${r}\n`);
  return ids;
}

