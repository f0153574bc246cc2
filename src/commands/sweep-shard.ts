// `bordersim sweep --shard i/n`: one slice of a sweep's grid points (contiguous, as a run's replications are cut),
// each point run in full; written as a shard folder (shard.jsonl.gz: every point's settings, summary rows and
// warnings; run.json) that `bordersim merge` joins into the sweep.csv of the whole grid.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import { shardRange } from '../experiment/runner/shard.js';
import { resolveSweep, runSweep } from '../experiment/studies/sweep.js';
import { loadRawScenario } from '../experiment/studies/variant.js';
import { runReplication } from '../model/run.js';
import { commitUnlessAborted, createStaging, discardStaging, inFolder, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion } from '../output/runinfo.js';
import { SHARD_FILE, SHARD_FORMAT, ShardWriter, type ShardHeader } from '../output/shard.js';
import { plausibilityWarnings } from '../scenario/plausibility.js';
import { resolveScenario } from '../scenario/resolve.js';
import { BatchRunner, checkOutput } from './batch.js';
import { UsageError, type CommandContext } from './context.js';
import { resolveRunOptions } from './run.js';
import { checkGridSize, SweepFlagError } from './set-flag.js';
import { parseShard } from './shard-flag.js';
import { sweepAxes, type SweepFlags } from './sweep.js';
import { plausibilityChecks, warningLine } from './warnings.js';

/** What a finished sweep shard produced. */
export interface SweepShardOutcome {
  folder: string;
  files: string[];
  header: ShardHeader;
}

/**
 * Resolves the whole grid (as sweep does: bad flags fail before anything runs), runs the points of shard
 * `flags.shard` and writes them to a shard folder (default output/sweep-<id>-shard-<i>-of-<n>). Throws
 * UsageError / ScenarioError / OutputFolderError for bad input, any other error for a failure while running.
 */
export async function sweepShardCommand(file: string, flags: SweepFlags & { shard: string }, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<SweepShardOutcome> {
  const spec = parseShard(flags.shard);
  const axes = sweepAxes(flags);
  const raw = loadRawScenario(file);
  const base = resolveScenario(raw, file);
  const opts = resolveRunOptions(base, flags);
  const folder = flags.out ?? join('output', `sweep-${base.id}-shard-${spec.index}-of-${spec.count}`);
  checkOutput(folder, ctx);
  try {
    checkGridSize(axes, opts.replications);
  } catch (err) {
    throw err instanceof SweepFlagError ? new UsageError(err.message) : err;
  }
  const points = resolveSweep(raw, axes);
  let range: { first: number; count: number };
  try {
    range = shardRange(spec, points.length);
  } catch (err) {
    throw err instanceof RangeError ? new UsageError(`--shard ${flags.shard}: ${err.message.replace('replications', 'grid points')}`) : err;
  }
  const mine = points.slice(range.first - 1, range.first - 1 + range.count);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const inputChecks = plausibilityChecks(plausibilityWarnings(base, raw)).map((w) => ({ ...w, scenario: base.id }));
  for (const w of inputChecks) ctx.stderr(warningLine(w));
  const grid = axes.map((a) => ({ path: a.path, values: a.values }));
  const header: ShardHeader = {
    format: SHARD_FORMAT, kind: 'sweep', version: toolVersion(), scenarioSha256: scenarioHash(base), scenario: base, file,
    seed: opts.seed, days: opts.days, warmupDays: opts.warmupDays, replications: opts.replications, grid, points: points.length,
    shard: { index: spec.index, count: spec.count, first: range.first, last: range.first + range.count - 1 },
  };
  const batch = new BatchRunner(ctx, opts, mine.length, flags.quiet === true, runner, flags.workers, true, flags.reuse !== false);
  batch.plan(mine.map((p) => p.scenario));
  let tmp: string | null = null;
  let running = true;
  try {
    const results = await runSweep(mine, (s, p) => batch.run(s, `${base.id} point ${p.index}`));
    running = false;
    await batch.stop();
    tmp = createStaging(folder, ctx.tag);
    const writer = new ShardWriter(inFolder(tmp, SHARD_FILE), header);
    for (const r of results) {
      const label = `${base.id} point ${r.point.index}`;
      writer.addRecord({ point: r.point.index, settings: r.point.settings, summary: r.summary, corridors: r.corridors, warnings: batch.warnings.filter((w) => w.scenario === label) });
    }
    const files = [SHARD_FILE, RESULT_MARKER];
    const info = {
      tool: 'bordersim', version: header.version, command: 'sweep', scenarios: [{ id: base.id, file, sha256: header.scenarioSha256 }],
      seed: opts.seed, replications: opts.replications, days: opts.days, warmupDays: opts.warmupDays, workers: batch.workers,
      ...(batch.reuseCounts ? { crossingReplications: batch.reuseCounts } : {}),
      grid, points: points.length, shard: header.shard,
      commandLine: ctx.argv, startedAt, wallS: Math.round(ctx.now() - startedMs) / 1000, files,
      // The base scenario's checks; each point's warnings are in its record, merge lists them all.
      inputWarnings: inputChecks,
    };
    writeFileSync(inFolder(tmp, RESULT_MARKER), `${JSON.stringify(info, null, 2)}\n`, 'utf8');
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    if (!flags.quiet) ctx.stdout(`shard ${spec.index}/${spec.count} of the sweep of ${base.id}: points ${header.shard.first}–${header.shard.last} of ${points.length} in ${folder}/ (${files.join(', ')}); join the shards with bordersim merge\n`);
    return { folder, files, header };
  } catch (err) {
    if (running) await batch.stop();
    if (tmp) discardStaging(tmp);
    throw err;
  }
}
