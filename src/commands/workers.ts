// --workers: how many worker threads run a command's replications, and the pool behind them. The threads need
// the compiled worker file (dist/): from the TypeScript sources (tests) or with an injected runner, the
// replications run in-process, one after another. Results are the same either way. From dist/, even one
// replication runs on a thread, so an interrupt is heard while it runs (the main thread stays free).
import { availableParallelism } from 'node:os';
import type { ReplicationRunner } from '../experiment/experiment.js';
import { poolAvailable, ReplicationPool } from '../experiment/pool.js';
import { runReplication } from '../model/run.js';

/** The most worker threads a command starts: one per CPU (more only add memory and switching). */
export function maxWorkers(): number {
  return availableParallelism();
}

/** The --workers help text (without a command's own remarks). */
export const WORKERS_HELP =
  'run replications in parallel in N worker threads; results are identical for every N ' +
  `(default: 1 for a single replication, else min(replications, CPUs); at most the number of CPUs, ${maxWorkers()} here)`;

/** Worker threads for `replications` replications: the flag or the default, never more than the replications or the CPUs. */
export function resolveWorkers(flag: number | undefined, replications: number): number {
  const wanted = flag ?? (replications < 2 ? 1 : maxWorkers());
  return Math.max(1, Math.min(wanted, replications, maxWorkers()));
}

/**
 * A pool of `workers` threads running the real model, or null to run in-process: a test's own `runner`, or
 * no compiled worker file. Throws what starting a thread throws.
 */
export function openPool(workers: number, runner: ReplicationRunner): ReplicationPool | null {
  if (runner !== runReplication || !poolAvailable()) return null;
  return new ReplicationPool(workers);
}
