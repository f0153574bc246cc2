// Shards: a run's replications cut into n contiguous, nearly equal slices, one per job of a cluster scheduler
// (a Slurm array task, a Kubernetes indexed job). Shard i of n (0-based, as SLURM_ARRAY_TASK_ID and
// JOB_COMPLETION_INDEX count) always gets the same replications, so the shards together are exactly the run.

/** Shard `index` (0-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** The replications of one shard: first..first+count-1 (1-based, as replications are numbered). */
export interface ShardRange {
  first: number;
  count: number;
}

/** Shard i of n of R replications: replications floor(i·R/n)+1 .. floor((i+1)·R/n); throws RangeError for a bad spec or n > R. */
export function shardRange(spec: ShardSpec, replications: number): ShardRange {
  const { index, count } = spec;
  if (!(Number.isSafeInteger(count) && count >= 1)) throw new RangeError(`shard count must be an integer >= 1, got ${count}`);
  if (!(Number.isSafeInteger(index) && index >= 0 && index < count)) throw new RangeError(`shard index must be an integer in [0, ${count - 1}], got ${index}`);
  if (count > replications) throw new RangeError(`${count} shards of ${replications} replications: some would have none (at most ${replications} shards)`);
  const from = Math.floor((index * replications) / count);
  const to = Math.floor(((index + 1) * replications) / count);
  return { first: from + 1, count: to - from };
}
