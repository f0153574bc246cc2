// `bordersim run`: scenario file → replications → CSV files and run.json, written atomically into one folder.
// Flags override the scenario's days, warm-up, replications and seed; the default folder is output/<id>/.
import { join } from 'node:path';
import type { CollectedResults } from '../experiment/statistics/collect.js';
import { runExperiment, type ExperimentOptions, type ReplicationRunner } from '../experiment/runner/experiment.js';
import type { ReplicationExecutor } from '../experiment/runner/executor.js';
import type { ClassChoice } from '../experiment/studies/select.js';
import { stabilityWarnings, type ResultWarning } from '../experiment/statistics/stability.js';
import type { DirectionKey } from '../model/results.js';
import { runReplication } from '../model/run.js';
import { ResultExtras, type OutputFlags } from '../output/extras.js';
import { writeResultFiles } from '../output/files.js';
import { commitUnlessAborted, createStaging, prepareDestination, discardStaging, inFolder, OutputFolderError, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion, writeRunInfo, type RunInfo } from '../output/runinfo.js';
import { openTrace, TRACE_FILE, traceRowsWarning, type TraceWriter } from '../output/trace.js';
import { endsByLastDate, isIsoDate, LAST_DATE } from '../scenario/calendar.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import { MS_PER_DAY } from '../units.js';
import type { Scenario } from '../scenario/types.js';
import { UsageError, type CommandContext } from './context.js';
import { MAX_REPLICATIONS } from './options.js';
import { createProgress } from './progress.js';
import { summaryText } from './summary.js';
import { plausibilityChecks, warningLine } from './warnings.js';
import { precisionLine, precisionRecord, precisionRule } from './precision.js';
import { openExecutor, resolveWorkers } from './workers.js';

/** Flags of `bordersim run`; absent numbers fall back to the scenario's values. */
export interface RunFlags extends OutputFlags {
  replications?: number;
  seed?: number;
  days?: number;
  warmupDays?: number;
  /** Report only this period of the run (YYYY-MM-DD, inclusive): it sets the warm-up's end and the run's last day. */
  from?: string;
  to?: string;
  out?: string;
  trace?: boolean;
  quiet?: boolean;
  /** Worker threads (default: see resolveWorkers); --trace runs on one thread, one replication after another. */
  workers?: number;
  /** The class the end-of-run table shows (default: freight and cars apart); parsed by the flag. */
  class?: ClassChoice;
  /** The direction the end-of-run table shows (default all). */
  direction?: DirectionKey;
  /** Sequential replications (see precision-flag.ts); --replications is then the most that run. */
  precision?: string;
}

/** What a finished run produced. */
export interface RunOutcome {
  folder: string;
  files: string[];
  info: RunInfo;
  results: CollectedResults;
}

/** A staging folder next to `folder`; a folder that cannot be made is bad input (OutputFolderError). */
function stagingFor(folder: string, tag: string): string {
  try {
    return createStaging(folder, tag);
  } catch (err) {
    throw new OutputFolderError(folder, `cannot create the output folder ${folder}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Days from `start` to `date` (both YYYY-MM-DD); throws UsageError naming the flag unless it is a real date. */
function dayIndex(flag: string, start: string, date: string): number {
  if (!isIsoDate(date)) throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${date}"`);
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * The warm-up and length implied by --from/--to: the run goes from the scenario's start to the end of --to, and
 * statistics cover --from to --to (the days before --from warm the crossings up). Throws UsageError for dates
 * outside the run, in the wrong order, or given with the flag they replace.
 */
function periodDays(scenario: Scenario, flags: RunFlags): { days?: number; warmupDays?: number } {
  const out: { days?: number; warmupDays?: number } = {};
  const start = scenario.startDate;
  if (flags.from !== undefined) {
    if (flags.warmupDays !== undefined) throw new UsageError('--from sets the warm-up (the days before it): give --from or --warmup-days, not both');
    const i = dayIndex('--from', start, flags.from);
    if (i < 0) throw new UsageError(`--from ${flags.from} is before the scenario's start date ${start}`);
    out.warmupDays = i;
  }
  if (flags.to !== undefined) {
    if (flags.days !== undefined) throw new UsageError('--to sets the run\'s last day: give --to or --days, not both');
    const i = dayIndex('--to', start, flags.to);
    if (i < 0) throw new UsageError(`--to ${flags.to} is before the scenario's start date ${start}`);
    out.days = i + 1;
  }
  if (flags.from !== undefined && flags.to !== undefined && flags.to < flags.from) {
    throw new UsageError(`--to ${flags.to} is before --from ${flags.from}`);
  }
  return out;
}

/** The experiment options from the scenario and the flags; throws UsageError naming the flag and value. */
export function resolveRunOptions(scenario: Scenario, flags: RunFlags): Omit<ExperimentOptions, 'onVehicle'> {
  const period = periodDays(scenario, flags);
  const days = period.days ?? flags.days ?? scenario.days;
  const warmupDays = period.warmupDays ?? flags.warmupDays ?? scenario.warmupDays;
  if (flags.from !== undefined && warmupDays >= days) {
    throw new UsageError(`--from ${flags.from} is after the run's last day (${days} days from ${scenario.startDate}; set --to or --days)`);
  }
  if (warmupDays >= days) {
    const daysFrom = flags.to !== undefined ? '--to' : flags.days === undefined ? 'the scenario' : '--days';
    const warmFrom = flags.warmupDays === undefined ? 'the scenario' : '--warmup-days';
    throw new UsageError(`the warm-up (${warmupDays} days, from ${warmFrom}) must be shorter than the run (${days} days, from ${daysFrom})`);
  }
  if (!endsByLastDate(scenario.startDate, days)) {
    const daysFrom = flags.to !== undefined ? '--to' : flags.days === undefined ? 'the scenario' : '--days';
    throw new UsageError(`a run of ${days} days from ${scenario.startDate} (${daysFrom}) would go past ${LAST_DATE}`);
  }
  const replications = flags.replications ?? scenario.replications;
  if (replications > MAX_REPLICATIONS) throw new UsageError(`${replications} replications (from the scenario) is more than the ${MAX_REPLICATIONS} a run may have`);
  return { days, warmupDays, replications, seed: flags.seed ?? scenario.seed };
}

/**
 * Runs `file` as `bordersim run` does and moves the finished folder into place; prints progress and a summary
 * through ctx. Throws ScenarioError / UsageError / OutputFolderError for bad input (before anything is
 * written) and any other error for a failure while running (the previous results stay untouched).
 */
export async function runCommand(file: string, flags: RunFlags, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<RunOutcome> {
  const loaded = loadScenarioWithWarnings(file);
  const scenario = loaded.scenario;
  const opts = resolveRunOptions(scenario, flags);
  const rule = flags.precision === undefined ? null : precisionRule(flags.precision, scenario, flags.trace === true);
  const folder = flags.out ?? join('output', scenario.id);
  prepareDestination(folder, ctx.tag, ctx.running);
  // Likely unit mistakes are said before the run (it may be long) and again, with the rest, at the end.
  const inputChecks = plausibilityChecks(loaded.warnings);
  for (const w of inputChecks) ctx.stderr(warningLine(w));

  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const progress = createProgress(ctx, flags.quiet === true);
  const tmp = stagingFor(folder, ctx.tag);
  let trace: TraceWriter | null = null;
  let executor: ReplicationExecutor | null = null;
  try {
    // vehicles.csv streams vehicles in replication order as they leave: with --trace, replications run on one thread.
    executor = openExecutor(flags.trace ? 1 : resolveWorkers(flags.workers, opts.replications), runner);
    trace = flags.trace ? openTrace(tmp, scenario.id, scenario.startDate, flags.decimal) : null;
    progress.start(opts.replications);
    const onVehicle = trace?.onVehicle;
    const stopWhen = rule ? { stopWhen: rule.add.bind(rule) } : {};
    const results = await runExperiment(executor, scenario, { ...opts, ...stopWhen, ...(onVehicle ? { onVehicle } : {}) }, progress.update, ctx.signal);
    progress.stop();
    await executor?.close();
    const extras = await ResultExtras.open(tmp, flags);
    const files = writeResultFiles(tmp, scenario.id, results, extras.decimal, extras.sink);
    const runChecks: ResultWarning[] = [...inputChecks, ...stabilityWarnings(results, opts)];
    if (trace) {
      const tooLong = traceRowsWarning(trace.close());
      if (tooLong) runChecks.push(tooLong);
      files.push(TRACE_FILE);
    }
    const warnings = [...results.warnings, ...runChecks];
    files.push(...(await extras.finish({
      command: 'run', version: toolVersion(), scenarios: [{ label: scenario.id, file, scenario }], ...opts, replications: results.replications,
      warnings: warnings.map((w) => warningLine(w)), traced: trace !== null,
    })));
    const info: RunInfo = {
      tool: 'bordersim',
      version: toolVersion(),
      scenario: { id: scenario.id, name: scenario.name, file, sha256: scenarioHash(scenario) },
      seed: opts.seed,
      replications: results.replications,
      days: opts.days,
      warmupDays: opts.warmupDays,
      startDate: scenario.startDate,
      trace: trace !== null,
      workers: executor.size,
      commandLine: ctx.argv,
      startedAt,
      wallS: Math.round(ctx.now() - startedMs) / 1000,
      events: results.events,
      vehicles: results.vehicles,
      files: [...files, RESULT_MARKER],
      ...(rule ? { precision: precisionRecord(rule, opts.replications) } : {}),
      warnings,
    };
    writeRunInfo(inFolder(tmp, RESULT_MARKER), info);
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    if (!flags.quiet) {
      const choice = { direction: flags.direction ?? 'all', ...(flags.class !== undefined ? { vehicleClass: flags.class } : {}) };
      ctx.stdout(summaryText(scenario, results, { days: opts.days, seed: opts.seed, wallS: info.wallS, folder, files: info.files }, choice, runChecks));
    }
    for (const w of info.warnings) ctx.stderr(warningLine(w));
    if (rule) ctx.stderr(precisionLine(rule, opts.replications));
    return { folder, files: info.files, info, results };
  } catch (err) {
    progress.stop();
    await executor?.close();
    trace?.abandon();
    discardStaging(tmp);
    throw err;
  }
}
