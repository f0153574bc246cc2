// `bordersim run`: scenario file → replications → CSV files and run.json, written atomically into one folder.
// Flags override the scenario's days, warm-up, replications and seed; the default folder is output/<id>/.
import { join } from 'node:path';
import type { CollectedResults } from '../experiment/collect.js';
import { runExperimentWith, type ExperimentOptions, type ReplicationRunner } from '../experiment/experiment.js';
import type { ReplicationPool } from '../experiment/pool.js';
import { runReplication } from '../model/run.js';
import { writeResultFiles } from '../output/files.js';
import { commitUnlessAborted, createStaging, prepareDestination, discardStaging, inFolder, OutputFolderError, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion, writeRunInfo, type RunInfo } from '../output/runinfo.js';
import { openTrace, TRACE_FILE, type TraceWriter } from '../output/trace.js';
import { endsByLastDate, LAST_DATE } from '../scenario/calendar.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { UsageError, type CommandContext } from './context.js';
import { MAX_REPLICATIONS } from './options.js';
import { createProgress } from './progress.js';
import { summaryText } from './summary.js';
import { openPool, resolveWorkers } from './workers.js';

/** Flags of `bordersim run`; absent numbers fall back to the scenario's values. */
export interface RunFlags {
  replications?: number;
  seed?: number;
  days?: number;
  warmupDays?: number;
  out?: string;
  trace?: boolean;
  quiet?: boolean;
  /** Worker threads (default: see resolveWorkers); --trace runs on one thread, one replication after another. */
  workers?: number;
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

/** The experiment options from the scenario and the flags; throws UsageError naming the flag and value. */
export function resolveRunOptions(scenario: Scenario, flags: RunFlags): Omit<ExperimentOptions, 'onVehicle'> {
  const days = flags.days ?? scenario.days;
  const warmupDays = flags.warmupDays ?? scenario.warmupDays;
  if (warmupDays >= days) {
    const daysFrom = flags.days === undefined ? 'the scenario' : '--days';
    const warmFrom = flags.warmupDays === undefined ? 'the scenario' : '--warmup-days';
    throw new UsageError(`the warm-up (${warmupDays} days, from ${warmFrom}) must be shorter than the run (${days} days, from ${daysFrom})`);
  }
  if (!endsByLastDate(scenario.startDate, days)) {
    throw new UsageError(`a run of ${days} days from ${scenario.startDate} (${flags.days === undefined ? 'the scenario' : '--days'}) would go past ${LAST_DATE}`);
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
  const scenario = loadScenario(file);
  const opts = resolveRunOptions(scenario, flags);
  const folder = flags.out ?? join('output', scenario.id);
  prepareDestination(folder, ctx.tag, ctx.running);

  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const progress = createProgress(ctx, flags.quiet === true);
  const tmp = stagingFor(folder, ctx.tag);
  let trace: TraceWriter | null = null;
  let pool: ReplicationPool | null = null;
  try {
    // vehicles.csv streams vehicles in replication order as they leave: with --trace, replications run on one thread.
    pool = openPool(flags.trace ? 1 : resolveWorkers(flags.workers, opts.replications), runner);
    trace = flags.trace ? openTrace(tmp, scenario.id, scenario.startDate) : null;
    progress.start(opts.replications);
    const onVehicle = trace?.onVehicle;
    const results = await runExperimentWith(runner, scenario, onVehicle ? { ...opts, onVehicle } : opts, progress.update, ctx.signal, pool);
    progress.stop();
    await pool?.close();
    const files = writeResultFiles(tmp, scenario.id, results);
    if (trace) {
      trace.close();
      files.push(TRACE_FILE);
    }
    const info: RunInfo = {
      tool: 'bordersim',
      version: toolVersion(),
      scenario: { id: scenario.id, name: scenario.name, file, sha256: scenarioHash(scenario) },
      seed: opts.seed,
      replications: opts.replications,
      days: opts.days,
      warmupDays: opts.warmupDays,
      startDate: scenario.startDate,
      trace: trace !== null,
      workers: pool?.size ?? 1,
      commandLine: ctx.argv,
      startedAt,
      wallS: Math.round(ctx.now() - startedMs) / 1000,
      events: results.events,
      vehicles: results.vehicles,
      files: [...files, RESULT_MARKER],
      warnings: results.warnings,
    };
    writeRunInfo(inFolder(tmp, RESULT_MARKER), info);
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    if (!flags.quiet) {
      ctx.stdout(summaryText(scenario, results, { days: opts.days, seed: opts.seed, wallS: info.wallS, folder, files: info.files }));
    }
    for (const w of results.warnings) ctx.stderr(`warning: replication ${w.replication}, ${w.crossing}: ${w.check} check failed: ${w.detail}\n`);
    return { folder, files: info.files, info, results };
  } catch (err) {
    progress.stop();
    await pool?.close();
    trace?.abandon();
    discardStaging(tmp);
    throw err;
  }
}
