// --workers: how many worker threads run a command's replications, and the executor behind them. The threads
// need the compiled worker file (dist/): from the TypeScript sources (tests) or with an injected runner, the
// replications run in-process, one after another. Results are the same either way. From dist/, even one
// replication runs on a thread, so an interrupt is heard while it runs (the main thread stays free).
import { maxWorkers } from './options.js';
import { InProcessExecutor, type ReplicationExecutor, type ReplicationRunner } from '../experiment/runner/executor.js';
import { poolAvailable, PoolExecutor } from '../experiment/runner/pool.js';
import { runReplication } from '../model/run.js';

/** Worker threads for `replications` replications: the flag or the default, never more than the replications or the CPUs. */
export function resolveWorkers(flag: number | undefined, replications: number): number {
  const wanted = flag ?? (replications < 2 ? 1 : maxWorkers());
  return Math.max(1, Math.min(wanted, replications, maxWorkers()));
}

/**
 * An executor of `workers` threads running the real model, or one running in-process: a test's own `runner`,
 * or no compiled worker file. Throws what starting a thread throws.
 */
export function openExecutor(workers: number, runner: ReplicationRunner): ReplicationExecutor {
  if (runner !== runReplication) return new InProcessExecutor(runner);
  if (!poolAvailable()) return new InProcessExecutor();
  return new PoolExecutor(workers);
}
