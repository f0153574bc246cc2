// `bordersim merge` of sweep shards (`sweep --shard i/n`): every point's summary in grid order, written as the
// sweep.csv of the whole grid (the same bytes: each point's summary is its own replications', whichever shard
// ran it), with the warnings in the order one sweep gives them (the base scenario's checks, then point by point).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultWarning } from '../experiment/statistics/stability.js';
import type { CorridorSummaryRow, SummaryRow } from '../experiment/statistics/collect.js';
import type { SweepAxis } from '../experiment/studies/grid.js';
import type { PathSetting } from '../experiment/studies/variant.js';
import type { SweepResult } from '../experiment/studies/sweep.js';
import { RESULT_MARKER } from '../output/folder.js';
import { ShardFileError } from '../output/shard.js';
import { checkOutput, writeBatchFolder } from './batch.js';
import type { CommandContext } from './context.js';
import { shardReuse, ShardMergeError, type MergeFlags, type MergeOutcome, type Shard } from './merge.js';
import { sweepTables, sweepText } from './sweep.js';
import { warningLine } from './warnings.js';

/** Joins checked sweep shards (in shard order) into the sweep's result folder (default output/sweep-<id>). Throws ShardMergeError / OutputFolderError. */
export async function mergeSweep(shards: readonly Shard[], flags: MergeFlags, ctx: CommandContext): Promise<MergeOutcome> {
  const { header } = shards[0]!;
  const base = header.scenario;
  const axes = (header.grid ?? []) as SweepAxis[];
  const folder = flags.out ?? join('output', `sweep-${base.id}`);
  checkOutput(folder, ctx);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const results: SweepResult[] = [];
  const warnings: Array<ResultWarning & { scenario?: string }> = [...(shards[0]!.info.inputWarnings ?? [])];
  try {
    for (const s of shards) {
      for (const r of s.contents.records()) {
        // sweepRows reads a point's index and settings; its scenario is the base (the points' own are not kept).
        // corridors: [] from a shard written before sweeps kept them (its sweep-corridors.csv has only the header)
        const corridors = (r.corridors ?? []) as CorridorSummaryRow[];
        results.push({ point: { index: r.point as number, settings: r.settings as PathSetting[], scenario: base }, summary: r.summary as SummaryRow[], corridors });
        warnings.push(...(r.warnings as ResultWarning[]));
      }
    }
  } catch (err) {
    throw err instanceof ShardFileError ? new ShardMergeError(err.message) : err;
  }
  const reuse = shardReuse(shards);
  const files = await writeBatchFolder(
    folder,
    sweepTables(base.id, axes, results),
    {
      command: 'sweep',
      scenarios: [{ id: base.id, file: header.file ?? '', sha256: header.scenarioSha256 }],
      opts: { seed: header.seed, replications: header.replications, days: header.days, warmupDays: header.warmupDays },
      startedMs, startedAt, workers: Math.max(...shards.map((s) => s.info.workers ?? 1)), reuse,
      extra: {
        grid: axes, points: header.points,
        shards: shards.map((s) => ({ folder: s.dir, index: s.header.shard.index, first: s.header.shard.first, last: s.header.shard.last, workers: s.info.workers, wallS: s.info.wallS })),
      },
      warnings,
      // report.html and results.xlsx as a sweep writes them (its table's group: the shards do not record
      // --class/--direction, so the default, all vehicles both ways).
      output: {},
      report: { scenarios: [{ label: base.id, file: header.file ?? '', scenario: base }], group: { direction: 'all', vehicleClass: 'all' }, sweptPaths: axes.map((a) => a.path) },
    },
    ctx,
  );
  if (!flags.quiet) ctx.stdout(`merged ${shards.length} sweep shards (${results.length} points)\n${sweepText(axes, results)}results in ${folder}/ (${files.join(', ')})\n`);
  for (const w of warnings) ctx.stderr(warningLine(w));
  return { folder, files, info: JSON.parse(readFileSync(join(folder, RESULT_MARKER), 'utf8')) as Record<string, unknown> };
}
