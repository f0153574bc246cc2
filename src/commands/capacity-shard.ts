// `bordersim capacity --shard i/n`: the crossings to search cut into n contiguous slices (in search order), each
// crossing searched whole in its shard; a shard folder holds each crossing's result and warnings, and `merge`
// joins the shards into the capacity.csv and capacity-steps.csv of the whole search.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardRange } from '../experiment/runner/shard.js';
import type { ReuseCounts } from '../experiment/runner/reuse.js';
import type { CapacityLimit, CapacityOptions, CapacityResult } from '../experiment/studies/capacity.js';
import type { ResultWarning } from '../experiment/statistics/stability.js';
import type { ExperimentOptions } from '../experiment/runner/experiment.js';
import type { VehicleClass } from '../scenario/types.js';
import { commitUnlessAborted, createStaging, discardStaging, inFolder, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion } from '../output/runinfo.js';
import { SHARD_FILE, SHARD_FORMAT, ShardFileError, ShardWriter, type ShardHeader } from '../output/shard.js';
import type { Scenario } from '../scenario/types.js';
import { checkOutput, writeBatchFolder } from './batch.js';
import { CAPACITY_COLUMNS, capacityRow, capacityText, STEP_COLUMNS, stepRows } from './capacity.js';
import { UsageError, type CommandContext } from './context.js';
import { shardReuse, ShardMergeError, type MergeFlags, type MergeOutcome, type Shard } from './merge.js';
import { parseShard } from './shard-flag.js';
import { warningLine } from './warnings.js';

type Warning = ResultWarning & { scenario?: string };

/** What capacityCommand hands over when a shard's crossings are searched. */
export interface CapacityShardData {
  file: string;
  opts: Omit<ExperimentOptions, 'onVehicle'>;
  startedMs: number;
  startedAt: string;
  workers: number;
  reuse: ReuseCounts | null;
  extra: { limit: CapacityLimit; scaledClasses: readonly VehicleClass[]; search: { tolerance: number; minFactor: number; maxFactor: number } };
  inputWarnings: Warning[];
  results: CapacityResult[];
  /** Each searched crossing's warnings, in the order of `results`. */
  warningsOf: Warning[][];
}

/**
 * Shard `text` of the crossings `ids` (in search order): the crossings it searches, its default folder's suffix and
 * the writer of its shard folder. Throws UsageError for a bad flag or more shards than crossings.
 */
export function capacityShard(text: string, scenario: Scenario, ids: readonly string[]) {
  const spec = parseShard(text);
  let range: { first: number; count: number };
  try {
    range = shardRange(spec, ids.length);
  } catch (err) {
    throw err instanceof RangeError ? new UsageError(`--shard ${text}: ${err.message.replace('replications', 'crossings to search')}`) : err;
  }
  const mine = ids.slice(range.first - 1, range.first - 1 + range.count);
  const write = async (folder: string, d: CapacityShardData, ctx: CommandContext): Promise<string[]> => {
    const header: ShardHeader = {
      format: SHARD_FORMAT, kind: 'capacity', version: toolVersion(), scenarioSha256: scenarioHash(scenario), scenario, file: d.file,
      seed: d.opts.seed, days: d.opts.days, warmupDays: d.opts.warmupDays, replications: d.opts.replications,
      crossings: [...ids], capacity: d.extra,
      shard: { index: spec.index, count: spec.count, first: range.first, last: range.first + range.count - 1 },
    };
    const tmp = createStaging(folder, ctx.tag);
    try {
      const writer = new ShardWriter(inFolder(tmp, SHARD_FILE), header);
      d.results.forEach((r, k) => writer.addRecord({ crossing: range.first + k, id: r.crossing, result: r, warnings: d.warningsOf[k] ?? [] }));
      const files = [SHARD_FILE, RESULT_MARKER];
      const info = {
        tool: 'bordersim', version: header.version, command: 'capacity', scenarios: [{ id: scenario.id, file: d.file, sha256: header.scenarioSha256 }],
        seed: d.opts.seed, replications: d.opts.replications, days: d.opts.days, warmupDays: d.opts.warmupDays, workers: d.workers,
        ...(d.reuse ? { crossingReplications: d.reuse } : {}),
        ...d.extra, crossings: header.crossings, shard: header.shard,
        commandLine: ctx.argv, startedAt: d.startedAt, wallS: Math.round(ctx.now() - d.startedMs) / 1000, files,
        inputWarnings: d.inputWarnings,
      };
      writeFileSync(inFolder(tmp, RESULT_MARKER), `${JSON.stringify(info, null, 2)}\n`, 'utf8');
      await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
      ctx.stderr(`shard ${spec.index}/${spec.count} of the capacity search of ${scenario.id}: ${mine.join(', ')} in ${folder}/; join the shards with bordersim merge\n`);
      return files;
    } catch (err) {
      discardStaging(tmp);
      throw err;
    }
  };
  return { ids: mine, folderSuffix: `-shard-${spec.index}-of-${spec.count}`, write };
}

/** Joins checked capacity shards (in shard order) into the search's result folder (default output/capacity-<id>). Throws ShardMergeError / OutputFolderError. */
export async function mergeCapacity(shards: readonly Shard[], flags: MergeFlags, ctx: CommandContext): Promise<MergeOutcome> {
  const { header } = shards[0]!;
  const scenario = header.scenario;
  const settings = header.capacity as unknown as CapacityShardData['extra'];
  const options: CapacityOptions = { ...settings.search, scaled: settings.scaledClasses };
  const folder = flags.out ?? join('output', `capacity-${scenario.id}`);
  checkOutput(folder, ctx);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const results: CapacityResult[] = [];
  const warnings: Warning[] = [...(shards[0]!.info.inputWarnings ?? [])];
  try {
    for (const s of shards) {
      for (const r of s.contents.records()) {
        results.push(r.result as CapacityResult);
        warnings.push(...(r.warnings as Warning[]));
      }
    }
  } catch (err) {
    throw err instanceof ShardFileError ? new ShardMergeError(err.message) : err;
  }
  const reuse = shardReuse(shards);
  const files = await writeBatchFolder(
    folder,
    [
      { file: 'capacity.csv', columns: CAPACITY_COLUMNS, rows: results.map((r) => capacityRow(scenario.id, r, options, header.replications)) },
      { file: 'capacity-steps.csv', columns: STEP_COLUMNS, rows: results.flatMap((r) => stepRows(scenario.id, r)) },
    ],
    {
      command: 'capacity',
      scenarios: [{ id: scenario.id, file: header.file ?? '', sha256: header.scenarioSha256 }],
      opts: { seed: header.seed, replications: header.replications, days: header.days, warmupDays: header.warmupDays },
      startedMs, startedAt, workers: Math.max(...shards.map((s) => s.info.workers ?? 1)), reuse,
      extra: { ...settings, shards: shards.map((s) => ({ folder: s.dir, index: s.header.shard.index, crossings: (header.crossings ?? []).slice(s.header.shard.first - 1, s.header.shard.last), workers: s.info.workers, wallS: s.info.wallS })) },
      warnings,
      // report.html and results.xlsx as one capacity search writes them.
      output: {},
      report: { scenarios: [{ label: scenario.id, file: header.file ?? '', scenario }], limit: { metric: settings.limit.metric, max: settings.limit.max, direction: settings.limit.direction, vehicleClass: settings.limit.vehicleClass } },
    },
    ctx,
  );
  if (!flags.quiet) ctx.stdout(`merged ${shards.length} capacity shards (${results.length} crossings)\n${capacityText(settings.limit, results, options, header.replications)}results in ${folder}/ (${files.join(', ')})\n`);
  for (const w of warnings) ctx.stderr(warningLine(w));
  return { folder, files, info: { command: 'capacity', crossings: results.map((r) => r.crossing) } };
}
