// `bordersim merge <dir>...`: joins the shard folders of one run (`bordersim run --shard i/n`) into the result
// folder one unsharded run writes: the same CSV bytes, since the replications reach the collector exactly as they
// would in one run (in order, each with its daily rows as emitted). Refuses shards of different scenarios, seeds,
// horizons, replications, shard counts or versions, and incomplete or missing shards, naming the folders.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultCollector } from '../experiment/statistics/collect.js';
import { stabilityWarnings, type ResultWarning } from '../experiment/statistics/stability.js';
import { InputError } from '../errors.js';
import { ResultExtras } from '../output/extras.js';
import { writeResultFiles } from '../output/files.js';
import { commitUnlessAborted, createStaging, discardStaging, inFolder, prepareDestination, RESULT_MARKER } from '../output/folder.js';
import { scenarioHash, toolVersion, writeRunInfo, type RunInfo } from '../output/runinfo.js';
import { readShardFile, SHARD_FILE, ShardFileError, type ShardContents, type ShardHeader } from '../output/shard.js';
import type { CommandContext } from './context.js';
import { summaryText } from './summary.js';
import { warningLine } from './warnings.js';

/** The crossing-replications simulated and reused over every shard, or null when a shard did not count them. */
export function shardReuse(shards: readonly Shard[]): { simulated: number; reused: number } | null {
  const counts = shards.map((s) => s.info.crossingReplications);
  if (!counts.every((c) => c !== undefined)) return null;
  return { simulated: counts.reduce((n, c) => n + c!.simulated, 0), reused: counts.reduce((n, c) => n + c!.reused, 0) };
}

/** Shard folders that cannot be merged (exit 2): the message names the folders and what differs or is missing. */
export class ShardMergeError extends InputError {}

/** Flags of `bordersim merge`. */
export interface MergeFlags {
  out?: string;
  quiet?: boolean;
}

/** One shard folder read back. */
export interface Shard {
  dir: string;
  header: ShardHeader;
  contents: ShardContents;
  info: { workers?: number; wallS?: number; events?: number; inputWarnings?: Array<ResultWarning & { scenario?: string }>; crossingReplications?: { simulated: number; reused: number } };
}

function readShard(dir: string): Shard {
  const infoPath = join(dir, RESULT_MARKER);
  if (!existsSync(infoPath)) throw new ShardMergeError(`${dir}: no ${RESULT_MARKER} (not a bordersim result folder, or its shard did not finish)`);
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(readFileSync(infoPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ShardMergeError(`${infoPath}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (info.tool !== 'bordersim' || typeof info.shard !== 'object' || info.shard === null) {
    throw new ShardMergeError(`${dir}: not a shard folder (its ${RESULT_MARKER} has no shard; make shards with bordersim run --shard i/n)`);
  }
  if (!existsSync(join(dir, SHARD_FILE))) throw new ShardMergeError(`${dir}: ${SHARD_FILE} is missing`);
  try {
    const contents = readShardFile(join(dir, SHARD_FILE));
    const { header } = contents;
    // run's run.json names its scenario, sweep's its scenarios (the base)
    const sha = (info.scenario as { sha256?: unknown } | undefined)?.sha256 ?? (info.scenarios as Array<{ sha256?: unknown }> | undefined)?.[0]?.sha256;
    if (info.version !== header.version || sha !== header.scenarioSha256) {
      throw new ShardMergeError(`${dir}: ${RESULT_MARKER} and ${SHARD_FILE} are not of the same shard (version or scenario differ)`);
    }
    if (scenarioHash(header.scenario) !== header.scenarioSha256) throw new ShardMergeError(`${dir}: ${SHARD_FILE} holds a scenario whose hash is not the one recorded (damaged file)`);
    return { dir, header, contents, info: info as Shard['info'] };
  } catch (err) {
    throw err instanceof ShardFileError ? new ShardMergeError(err.message) : err;
  }
}

/** Checks that `shards` are every shard of one run, each complete; returns them in shard order. Throws ShardMergeError. */
export function checkShards(shards: readonly Shard[]): Shard[] {
  if (shards.length === 0) throw new ShardMergeError('merge needs at least one shard folder');
  const first = shards[0]!;
  const current = toolVersion();
  if (first.header.version !== current) {
    throw new ShardMergeError(`${first.dir}: made by bordersim ${first.header.version}, this is ${current} (merge with the version that ran the shards)`);
  }
  const fields: Array<[string, (h: ShardHeader) => unknown]> = [
    ['kind (run or sweep)', (h) => h.kind],
    ['version', (h) => h.version],
    ['scenario (sha256)', (h) => h.scenarioSha256],
    ['seed', (h) => h.seed],
    ['days', (h) => h.days],
    ['warm-up days', (h) => h.warmupDays],
    ['replications', (h) => h.replications],
    ['shard count', (h) => h.shard.count],
    ['grid', (h) => JSON.stringify(h.grid ?? null)],
    ['crossings searched', (h) => JSON.stringify(h.crossings ?? null)],
    ['capacity settings', (h) => JSON.stringify(h.capacity ?? null)],
  ];
  for (const s of shards.slice(1)) {
    for (const [name, get] of fields) {
      if (get(s.header) !== get(first.header)) {
        throw new ShardMergeError(`${s.dir} and ${first.dir} are not shards of one run: ${name} ${JSON.stringify(get(s.header))} against ${JSON.stringify(get(first.header))}`);
      }
    }
  }
  const count = first.header.shard.count;
  const byIndex = new Map<number, Shard>();
  for (const s of shards) {
    const other = byIndex.get(s.header.shard.index);
    if (other) throw new ShardMergeError(`${s.dir} and ${other.dir} are both shard ${s.header.shard.index}/${count}`);
    byIndex.set(s.header.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new ShardMergeError(`incomplete set: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (${shards.length} of ${count} given)`);
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  const kind = first.header.kind;
  const unit = kind === 'sweep' ? 'grid points' : kind === 'capacity' ? 'crossings' : 'replications';
  let next = 1;
  for (const s of ordered) {
    const { first: from, last } = s.header.shard;
    const got = s.contents.numbers;
    const want = Array.from({ length: last - from + 1 }, (_, i) => from + i);
    if (from !== next || got.length !== want.length || got.some((r, i) => r !== want[i])) {
      throw new ShardMergeError(`${s.dir}: shard ${s.header.shard.index}/${count} should hold ${unit} ${from}–${last}${from !== next ? ` (after ${next - 1})` : ''}, it holds ${got.length === 0 ? 'none' : `${got.length} (${got[0]}–${got.at(-1)})`}: incomplete or damaged`);
    }
    next = last + 1;
  }
  const total = kind === 'sweep' ? (first.header.points ?? 0) : kind === 'capacity' ? (first.header.crossings ?? []).length : first.header.replications;
  if (next !== total + 1) throw new ShardMergeError(`the shards hold ${unit} 1–${next - 1} of ${total}`);
  return ordered;
}

/** What a merge produced. */
export interface MergeOutcome {
  folder: string;
  files: string[];
  /** The merged folder's run.json. */
  info: Record<string, unknown>;
}

/**
 * Reads and checks the shard folders, feeds their replications to one collector in order, and writes the result
 * folder (default output/<scenario id>) atomically. Throws ShardMergeError / OutputFolderError for bad input
 * before anything is written.
 */
export async function mergeCommand(dirs: readonly string[], flags: MergeFlags, ctx: CommandContext): Promise<MergeOutcome> {
  const shards = checkShards(dirs.map(readShard));
  const { header } = shards[0]!;
  if (header.kind === 'sweep') {
    const { mergeSweep } = await import('./merge-sweep.js');
    return mergeSweep(shards, flags, ctx);
  }
  if (header.kind === 'capacity') {
    const { mergeCapacity } = await import('./capacity-shard.js');
    return mergeCapacity(shards, flags, ctx);
  }
  const scenario = header.scenario;
  const folder = flags.out ?? join('output', scenario.id);
  prepareDestination(folder, ctx.tag, ctx.running);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();
  const collector = new ResultCollector(scenario);
  try {
    for (const s of shards) {
      for (const { result, daily } of s.contents.replications()) {
        for (const d of daily) collector.addDay(d);
        collector.add(result);
      }
    }
  } catch (err) {
    throw err instanceof ShardFileError ? new ShardMergeError(err.message) : err;
  }
  const results = collector.finish();
  const opts = { days: header.days, warmupDays: header.warmupDays };
  const runChecks: ResultWarning[] = [...(shards[0]!.info.inputWarnings ?? []), ...stabilityWarnings(results, opts)];
  const tmp = createStaging(folder, ctx.tag);
  try {
    // The report and the workbook of one run, made from the same rows (what `run` writes beside its CSV files).
    const extras = await ResultExtras.open(tmp, {});
    const files = writeResultFiles(tmp, scenario.id, results, extras.decimal, extras.sink);
    const warnings = [...results.warnings, ...runChecks];
    files.push(...(await extras.finish({
      command: 'run', version: header.version, scenarios: [{ label: scenario.id, file: header.file ?? '', scenario }],
      seed: header.seed, replications: header.replications, days: header.days, warmupDays: header.warmupDays,
      warnings: warnings.map((w) => warningLine(w)), traced: false,
    })));
    const info: RunInfo & { shards: unknown[] } = {
      tool: 'bordersim',
      version: header.version,
      scenario: { id: scenario.id, name: scenario.name, file: header.file ?? '', sha256: header.scenarioSha256 },
      seed: header.seed,
      replications: header.replications,
      days: header.days,
      warmupDays: header.warmupDays,
      startDate: scenario.startDate,
      trace: false,
      workers: Math.max(...shards.map((s) => s.info.workers ?? 1)),
      commandLine: ctx.argv,
      startedAt,
      wallS: Math.round(ctx.now() - startedMs) / 1000,
      events: results.events,
      vehicles: results.vehicles,
      files: [...files, RESULT_MARKER],
      warnings,
      shards: shards.map((s) => ({ folder: s.dir, index: s.header.shard.index, first: s.header.shard.first, last: s.header.shard.last, workers: s.info.workers, wallS: s.info.wallS })),
    };
    writeRunInfo(inFolder(tmp, RESULT_MARKER), info);
    await commitUnlessAborted(tmp, folder, ctx.tag, ctx.signal, ctx.folderHooks);
    if (!flags.quiet) {
      ctx.stdout(`merged ${shards.length} shards (${header.replications} replications)\n`);
      ctx.stdout(summaryText(scenario, results, { days: header.days, seed: header.seed, wallS: info.wallS, folder, files: info.files }, { direction: 'all' }, runChecks));
    }
    for (const w of info.warnings) ctx.stderr(warningLine(w));
    return { folder, files: info.files, info: { ...info } };
  } catch (err) {
    discardStaging(tmp);
    throw err;
  }
}
