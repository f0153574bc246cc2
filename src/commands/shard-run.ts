// `bordersim run --shard i/n`: one slice of a run's replications (see experiment/runner/shard.ts), written as a
// shard folder: shard.jsonl.gz (every replication's results, for `bordersim merge`) and run.json, atomically.
import { join } from 'node:path';
import { runExperiment, type ReplicationRunner } from '../experiment/runner/experiment.js';
import type { ReplicationExecutor } from '../experiment/runner/executor.js';
import { shardRange } from '../experiment/runner/shard.js';
import { runReplication } from '../model/run.js';
import { commitUnlessAborted, createStaging, discardStaging, inFolder, OutputFolderError, prepareDestination, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion } from '../output/runinfo.js';
import { SHARD_FILE, SHARD_FORMAT, ShardWriter, type ShardHeader } from '../output/shard.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import { writeFileSync } from 'node:fs';
import { UsageError, type CommandContext } from './context.js';
import { createProgress } from './progress.js';
import { resolveRunOptions, type RunFlags } from './run.js';
import { parseShard } from './shard-flag.js';
import { plausibilityChecks, warningLine } from './warnings.js';
import { openExecutor, resolveWorkers } from './workers.js';

/** What a finished shard produced. */
export interface ShardOutcome {
  folder: string;
  files: string[];
  header: ShardHeader;
}

/**
 * Runs shard `flags.shard` of `file`'s replications into a shard folder (default output/<id>-shard-<i>-of-<n>).
 * Throws ScenarioError / UsageError / OutputFolderError for bad input before anything runs, any other error for a
 * failure while running (nothing is left behind).
 */
export async function runShardCommand(file: string, flags: RunFlags & { shard: string }, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<ShardOutcome> {
  const spec = parseShard(flags.shard);
  if (flags.trace) throw new UsageError('--shard with --trace: trace a run on one machine (a shard keeps results, not vehicles)');
  if (flags.precision !== undefined) throw new UsageError('--shard with --precision: a sequential run cannot be cut in advance; give --replications');
  const loaded = loadScenarioWithWarnings(file);
  const scenario = loaded.scenario;
  const opts = resolveRunOptions(scenario, flags);
  let range: { first: number; count: number };
  try {
    range = shardRange(spec, opts.replications);
  } catch (err) {
    throw err instanceof RangeError ? new UsageError(`--shard ${flags.shard}: ${err.message}`) : err;
  }
  const folder = flags.out ?? join('output', `${scenario.id}-shard-${spec.index}-of-${spec.count}`);
  prepareDestination(folder, ctx.tag, ctx.running);
  const inputChecks = plausibilityChecks(loaded.warnings);
  for (const w of inputChecks) ctx.stderr(warningLine(w));
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const header: ShardHeader = {
    format: SHARD_FORMAT, kind: 'run', version: toolVersion(), scenarioSha256: scenarioHash(scenario), scenario, file,
    seed: opts.seed, days: opts.days, warmupDays: opts.warmupDays, replications: opts.replications,
    shard: { index: spec.index, count: spec.count, first: range.first, last: range.first + range.count - 1 },
  };
  let tmp: string;
  try {
    tmp = createStaging(folder, ctx.tag);
  } catch (err) {
    throw new OutputFolderError(folder, `cannot create the output folder ${folder}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const progress = createProgress(ctx, flags.quiet === true);
  let executor: ReplicationExecutor | null = null;
  try {
    const writer = new ShardWriter(inFolder(tmp, SHARD_FILE), header);
    executor = openExecutor(resolveWorkers(flags.workers, range.count), runner);
    progress.start(range.count);
    const results = await runExperiment(
      executor, scenario, { ...opts, replications: range.count, firstReplication: range.first, onReplication: (d) => writer.add(d) }, progress.update, ctx.signal,
    );
    progress.stop();
    await executor.close();
    const files = [SHARD_FILE, RESULT_MARKER];
    const info = {
      tool: 'bordersim',
      version: header.version,
      command: 'run',
      scenario: { id: scenario.id, name: scenario.name, file, sha256: header.scenarioSha256 },
      seed: opts.seed,
      replications: opts.replications,
      days: opts.days,
      warmupDays: opts.warmupDays,
      startDate: scenario.startDate,
      shard: header.shard,
      workers: executor.size,
      commandLine: ctx.argv,
      startedAt,
      wallS: Math.round(ctx.now() - startedMs) / 1000,
      events: results.events,
      files,
      // The scenario's own checks; merge adds the invariant failures and the run-level checks of the whole run.
      inputWarnings: inputChecks,
    };
    writeFileSync(inFolder(tmp, RESULT_MARKER), `${JSON.stringify(info, null, 2)}\n`, 'utf8');
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    if (!flags.quiet) {
      ctx.stdout(`shard ${spec.index}/${spec.count} of ${scenario.id}: replications ${header.shard.first}–${header.shard.last} of ${opts.replications} in ${folder}/ (${files.join(', ')}); join the shards with bordersim merge\n`);
    }
    return { folder, files, header };
  } catch (err) {
    progress.stop();
    await executor?.close();
    discardStaging(tmp);
    throw err;
  }
}
