// The --shard flag read into a shard spec: `i/n`, shard i (0-based, as SLURM_ARRAY_TASK_ID and
// JOB_COMPLETION_INDEX count) of n.
import type { ShardSpec } from '../experiment/runner/shard.js';
import { UsageError } from './context.js';

/** Parses `"2/4"`; throws UsageError naming the text unless 0 <= i < n. */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard "${text}": expected i/n, shard i (counted from 0) of n, e.g. 0/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && Number.isSafeInteger(count))) throw new UsageError(`--shard "${text}": n must be at least 1`);
  if (!(index < count)) throw new UsageError(`--shard "${text}": i counts from 0 and must be below n (0..${count - 1})`);
  return { index, count };
}
