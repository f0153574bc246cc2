// Shared by compare, sweep and capacity: their common run flags, progress over several experiments, and
// an atomic result folder holding the command's CSV files and a run.json that marks it as a bordersim result.
import type { CollectedResults } from '../experiment/statistics/collect.js';
import { runExperiment, type ExperimentOptions, type ReplicationRunner } from '../experiment/runner/experiment.js';
import type { ReplicationExecutor } from '../experiment/runner/executor.js';
import { writeCsv, type CsvRow } from '../output/csvfile.js';
import { ResultExtras, type OutputFlags } from '../output/extras.js';
import type { ReportMeta } from '../report/meta.js';
import { checkDestination, commitUnlessAborted, createStaging, discardStaging, inFolder, prepareDestination, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion } from '../output/runinfo.js';
import type { Scenario } from '../scenario/types.js';
import type { CommandContext } from './context.js';
import { createProgress, type ProgressReporter } from './progress.js';
import type { RunFlags } from './run.js';
import { openExecutor, resolveWorkers } from './workers.js';
import { stabilityWarnings, type ResultWarning } from '../experiment/statistics/stability.js';
import { writeFileSync } from 'node:fs';
import { warningLine } from './warnings.js';

/** Flags every decision command shares with `run` (no --trace). */
export type BatchFlags = Omit<RunFlags, 'trace'>;

/** Runs experiments one after another (each one's replications on a shared executor) with one progress display over all of them. */
export class BatchRunner {
  private readonly progress: ProgressReporter;
  private readonly executor: ReplicationExecutor;
  /** Worker threads running the replications (1: in-process). */
  readonly workers: number;
  private done = 0;
  private events = 0;
  /** Invariant failures, run-level checks and the command's own warnings, each with the experiment's label. */
  readonly warnings: Array<ResultWarning & { scenario: string }> = [];

  constructor(
    private readonly ctx: CommandContext,
    private readonly opts: Omit<ExperimentOptions, 'onVehicle'>,
    private readonly total: number,
    quiet: boolean,
    runner: ReplicationRunner,
    workers?: number,
    /** Add each experiment's unstable/closed warnings (capacity checks only the answer, so it says false). */
    private readonly checkStability = true,
  ) {
    this.executor = openExecutor(resolveWorkers(workers, opts.replications), runner);
    this.workers = this.executor.size;
    this.progress = createProgress(ctx, quiet);
    this.progress.start(total * opts.replications);
  }

  /** Runs the replications of one scenario; `label` tags its warnings. Throws what the model throws or the interrupt. */
  async run(scenario: Scenario, label = scenario.id): Promise<CollectedResults> {
    const offset = this.done * this.opts.replications;
    const before = this.events;
    const res = await runExperiment(
      this.executor,
      scenario,
      this.opts,
      (p) => this.progress.update({ done: offset + p.done, total: this.total * this.opts.replications, events: before + p.events }),
      this.ctx.signal,
    );
    this.done += 1;
    this.events += res.events;
    this.warnings.push(...res.warnings.map((w) => ({ ...w, scenario: label })));
    if (this.checkStability) this.warnings.push(...stabilityWarnings(res, this.opts).map((w) => ({ ...w, scenario: label })));
    return res;
  }

  /** Ends the progress display and stops the worker threads. */
  async stop(): Promise<void> {
    this.progress.stop();
    await this.executor.close();
  }
}

/** One CSV table of a result folder. */
export interface Table {
  file: string;
  columns: readonly string[];
  rows: Iterable<CsvRow>;
}

/** What run.json of a decision command records. */
export interface BatchInfo {
  command: 'compare' | 'sweep' | 'capacity';
  scenarios: Array<{ id: string; file: string; sha256: string }>;
  opts: Omit<ExperimentOptions, 'onVehicle'>;
  startedMs: number;
  startedAt: string;
  /** Worker threads that ran the replications. */
  workers: number;
  extra?: Record<string, unknown>;
  warnings: ReadonlyArray<ResultWarning & { scenario?: string }>;
  /** What report.html and results.xlsx show: the scenarios with their labels, and the command's group, paths or limit. */
  report: Pick<ReportMeta, 'scenarios' | 'group' | 'sweptPaths' | 'limit'>;
  /** --no-report, --no-workbook, --decimal. */
  output: OutputFlags;
}

/**
 * Writes the tables and run.json into a staging folder next to `folder` and moves it into place; an earlier
 * result there is replaced only when all is written, and not after an interrupt. Returns the file names. Throws
 * OutputFolderError / fs errors / the interrupt.
 */
export async function writeBatchFolder(folder: string, tables: readonly Table[], info: BatchInfo, ctx: CommandContext): Promise<string[]> {
  checkDestination(folder);
  const tmp = createStaging(folder, ctx.tag);
  try {
    const extras = await ResultExtras.open(tmp, info.output);
    const sink = extras.sink;
    const files = tables.map((t) => {
      writeCsv(inFolder(tmp, t.file), t.columns, t.rows, extras.decimal, sink?.table(t.file, t.columns) ?? null);
      return t.file;
    });
    files.push(...(await extras.finish({
      command: info.command, version: toolVersion(), ...info.report,
      seed: info.opts.seed, replications: info.opts.replications, days: info.opts.days, warmupDays: info.opts.warmupDays,
      warnings: info.warnings.map((w) => warningLine(w)),
    })));
    files.push(RESULT_MARKER);
    const json = {
      tool: 'bordersim',
      version: toolVersion(),
      command: info.command,
      scenarios: info.scenarios,
      seed: info.opts.seed,
      replications: info.opts.replications,
      days: info.opts.days,
      warmupDays: info.opts.warmupDays,
      workers: info.workers,
      ...info.extra,
      commandLine: ctx.argv,
      startedAt: info.startedAt,
      wallS: Math.round(ctx.now() - info.startedMs) / 1000,
      files,
      warnings: info.warnings,
    };
    writeFileSync(inFolder(tmp, RESULT_MARKER), `${JSON.stringify(json, null, 2)}\n`, 'utf8');
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    return files;
  } catch (err) {
    discardStaging(tmp);
    throw err;
  }
}

/**
 * Before simulating: cleans a killed run's leftovers, checks that `folder` may be replaced and can be written.
 * Throws OutputFolderError (exit 2) so a bad --out costs no simulation.
 */
export function checkOutput(folder: string, ctx: CommandContext): void {
  prepareDestination(folder, ctx.tag, ctx.running);
}

/** The run.json entry of a scenario. */
export function scenarioEntry(scenario: Scenario, file: string): { id: string; file: string; sha256: string } {
  return { id: scenario.id, file, sha256: scenarioHash(scenario) };
}
