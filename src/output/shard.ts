// A shard's results file (shard.jsonl.gz): what `bordersim merge` needs to give exactly the result of one
// unsharded run. Line 1 is a header (format, tool version, the resolved scenario and its hash, seed, horizon, the
// run's replications and this shard's slice); then one line per replication, in order: its result and its daily
// rows as the model emitted them. Numbers JSON cannot hold exactly (NaN, ±Infinity, -0) are written as
// {"$num": "NaN"}; every other double survives JSON text exactly. Each line is its own gzip member.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ReplicationDone } from '../experiment/runner/executor.js';
import type { Scenario } from '../scenario/types.js';

export const SHARD_FILE = 'shard.jsonl.gz';
export const SHARD_FORMAT = 'bordersim-shard-1';

/** The first line of a shard file. */
export interface ShardHeader {
  format: typeof SHARD_FORMAT;
  version: string;
  scenarioSha256: string;
  scenario: Scenario;
  seed: number;
  days: number;
  warmupDays: number;
  /** Replications of the whole run (every shard). */
  replications: number;
  shard: { index: number; count: number; first: number; last: number };
}

/** A shard file that cannot be read: the message names the file and what is wrong. */
export class ShardFileError extends Error {}

function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0))) return v;
    return { $num: Object.is(v, -0) ? '-0' : String(v) };
  });
}

function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    if (keys.length !== 1 || keys[0] !== '$num') return v;
    const t = (v as { $num: unknown }).$num;
    if (t === '-0') return -0;
    if (t === 'NaN' || t === 'Infinity' || t === '-Infinity') return Number(t);
    throw new SyntaxError(`bad number ${JSON.stringify(t)}`);
  });
}

/** Writes a shard file line by line (each replication appended as it finishes). Throws the fs error. */
export class ShardWriter {
  constructor(private readonly path: string, header: ShardHeader) {
    writeFileSync(path, gzipSync(`${encode(header)}\n`));
  }

  add(done: ReplicationDone): void {
    appendFileSync(this.path, gzipSync(`${encode({ replication: done.result.replication, result: done.result, daily: done.daily })}\n`));
  }
}

/** A shard file read back: its header and its replications in file order. Throws ShardFileError naming the file. */
export function readShardFile(path: string): { header: ShardHeader; replications: ReplicationDone[] } {
  let lines: string[];
  try {
    lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  } catch (err) {
    throw new ShardFileError(`${path}: cannot read it as a gzip file (${err instanceof Error ? err.message : String(err)}); is the shard complete?`);
  }
  if (lines.at(-1) === '') lines.pop();
  const parsed = lines.map((line, i) => {
    try {
      return decode(line) as Record<string, unknown>;
    } catch (err) {
      throw new ShardFileError(`${path}: line ${i + 1} is not a shard record (${err instanceof Error ? err.message : String(err)}); is the shard complete?`);
    }
  });
  const header = parsed[0] as unknown as ShardHeader | undefined;
  if (!header || header.format !== SHARD_FORMAT) {
    throw new ShardFileError(`${path}: not a bordersim shard file (expected format ${SHARD_FORMAT}${header ? `, got ${JSON.stringify(header.format)}` : ', the file is empty'})`);
  }
  const replications = parsed.slice(1).map((r) => ({ result: r.result, daily: r.daily }) as ReplicationDone);
  return { header, replications };
}
