// A shard's results file (shard.jsonl.gz): what `bordersim merge` needs to give exactly the result of one
// unsharded run. Line 1 is a header (format, tool version, the resolved scenario and its hash, seed, horizon, the
// run's replications and this shard's slice); then one line per replication, in order: its result and its daily
// rows as the model emitted them. Numbers JSON cannot hold exactly (NaN, ±Infinity, -0) are written as strings
// marked by a leading NUL ("\u0000NaN"; a string that itself begins with NUL gets a second one); every other
// double survives JSON text exactly. Each line is its own gzip member.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ReplicationDone } from '../experiment/runner/executor.js';
import type { Scenario } from '../scenario/types.js';

export const SHARD_FILE = 'shard.jsonl.gz';
export const SHARD_FORMAT = 'bordersim-shard-1';

/** The first line of a shard file. */
export interface ShardHeader {
  format: typeof SHARD_FORMAT;
  /**
   * What was cut: a run's replications (records are replications), a sweep's grid points (records are points'
   * summaries), or a capacity search's crossings (records are crossings' search results).
   */
  kind: 'run' | 'sweep' | 'capacity';
  version: string;
  scenarioSha256: string;
  scenario: Scenario;
  seed: number;
  days: number;
  warmupDays: number;
  /** Replications of the whole run (every shard); of every point, for a sweep. */
  replications: number;
  /** A sweep's grid (`--set` paths and values) and its number of points. */
  grid?: Array<{ path: string; values: unknown[] }>;
  points?: number;
  /** The base scenario's file as given (a sweep's or capacity search's run.json names it). */
  file?: string;
  /** A capacity search's crossings (every shard's, in search order) and its settings (limit, scaled classes, search). */
  crossings?: string[];
  capacity?: Record<string, unknown>;
  /** This shard's slice: replications first..last (run), grid points (sweep) or crossings in search order (capacity). */
  shard: { index: number; count: number; first: number; last: number };
}

/** A shard file that cannot be read: the message names the file and what is wrong. */
export class ShardFileError extends Error {}

/** Marks a string that stands for a number JSON cannot hold (or, doubled, a string that began with the mark). */
const MARK = '\u0000';

function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : `${MARK}${Object.is(v, -0) ? '-0' : String(v)}`;
    if (typeof v === 'string' && v.startsWith(MARK)) return `${MARK}${v}`;
    return v;
  });
}

function unmark(text: string): string | number {
  const rest = text.slice(1);
  if (rest.startsWith(MARK)) return rest;
  if (rest === '-0') return -0;
  if (rest === 'NaN' || rest === 'Infinity' || rest === '-Infinity') return Number(rest);
  throw new SyntaxError(`bad number ${JSON.stringify(rest)}`);
}

/** Puts back the marked numbers and strings, in place (a walk, not a JSON reviver: a third of the time). */
function restore(v: unknown): unknown {
  if (typeof v === 'string') return v.startsWith(MARK) ? unmark(v) : v;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' || typeof x === 'string') v[i] = restore(x);
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'object' || typeof x === 'string') o[k] = restore(x);
  }
  return o;
}

function decode(text: string): unknown {
  return restore(JSON.parse(text));
}

/** Writes a shard file line by line (each replication appended as it finishes). Throws the fs error. */
export class ShardWriter {
  constructor(private readonly path: string, header: ShardHeader) {
    writeFileSync(path, gzipSync(`${encode(header)}\n`));
  }

  add(done: ReplicationDone): void {
    this.addRecord({ replication: done.result.replication, result: done.result, daily: done.daily });
  }

  /** Appends one record; its first key must be `replication`, `point` or `crossing` (its number, from 1). */
  addRecord(record: ({ replication: number } | { point: number } | { crossing: number }) & Record<string, unknown>): void {
    appendFileSync(this.path, gzipSync(`${encode(record)}\n`));
  }
}

/** A shard file read back: its header, the numbers of the replications it holds, and the replications themselves on demand. */
export interface ShardContents {
  header: ShardHeader;
  /** Replication (or point) numbers in file order (read from each line's start, without parsing the line). */
  numbers: number[];
  /** Parses the replications, in file order (one at a time: a merge holds one shard's text, not every result); throws ShardFileError. */
  replications(): Generator<ReplicationDone>;
  /** Parses the records as they are (a sweep's points); throws ShardFileError. */
  records(): Generator<Record<string, unknown>>;
}

/** Reads a shard file's header and replication numbers. Throws ShardFileError naming the file. */
export function readShardFile(path: string): ShardContents {
  let lines: string[];
  try {
    lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  } catch (err) {
    throw new ShardFileError(`${path}: cannot read it as a gzip file (${err instanceof Error ? err.message : String(err)}); is the shard complete?`);
  }
  if (lines.at(-1) === '') lines.pop();
  const parse = (i: number): Record<string, unknown> => {
    try {
      return decode(lines[i]!) as Record<string, unknown>;
    } catch (err) {
      throw new ShardFileError(`${path}: line ${i + 1} is not a shard record (${err instanceof Error ? err.message : String(err)}); is the shard complete?`);
    }
  };
  const header = (lines.length > 0 ? parse(0) : undefined) as unknown as ShardHeader | undefined;
  if (!header || header.format !== SHARD_FORMAT) {
    throw new ShardFileError(`${path}: not a bordersim shard file (expected format ${SHARD_FORMAT}${header ? `, got ${JSON.stringify(header.format)}` : ', the file is empty'})`);
  }
  const numbers = lines.slice(1).map((line, i) => {
    const m = /^\{"(?:replication|point|crossing)":(\d+),/.exec(line);
    if (!m) throw new ShardFileError(`${path}: line ${i + 2} is not a replication, point or crossing record; is the shard complete?`);
    return Number(m[1]);
  });
  function* records(): Generator<Record<string, unknown>> {
    for (let i = 1; i < lines.length; i++) yield parse(i);
  }
  function* replications(): Generator<ReplicationDone> {
    for (const r of records()) yield { result: r.result, daily: r.daily } as ReplicationDone;
  }
  return { header, numbers, replications, records };
}
