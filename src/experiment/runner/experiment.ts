// Runs R independent replications on a replication executor (in-process or a worker pool) and collects their
// results in replication order. Replication r gets (seed, r): its random streams derive from those alone, so no
// state is shared and the results are the same whichever executor ran them.
import type { ReplicationOptions } from '../../model/run.js';
import type { VehicleTrace } from '../../model/results.js';
import type { Scenario } from '../../scenario/types.js';
import { ResultCollector, type CollectedResults } from '../statistics/collect.js';
import { InProcessExecutor, type ReplicationDone, type ReplicationExecutor, type ReplicationRunner } from './executor.js';

export type { ReplicationOptions, ReplicationRunner };

/** What to run: replications are numbered 1..replications. */
export interface ExperimentOptions {
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  /** Receives every vehicle as it leaves (or at the end), replication by replication. */
  onVehicle?: (t: VehicleTrace) => void;
}

/** Reported after each replication. */
export interface ExperimentProgress {
  done: number;
  total: number;
  /** Engine events so far over all finished replications. */
  events: number;
}

/** Checks experiment options; throws RangeError naming the option and its value. */
export function checkExperimentOptions(opts: ExperimentOptions): void {
  const intAtLeast = (name: string, value: number, lowest: number): void => {
    if (!Number.isSafeInteger(value) || value < lowest) {
      throw new RangeError(`${name} must be an integer >= ${lowest}, got ${value}`);
    }
  };
  intAtLeast('replications', opts.replications, 1);
  if (!Number.isSafeInteger(opts.seed)) throw new RangeError(`seed must be an integer, got ${opts.seed}`);
  intAtLeast('days', opts.days, 1);
  intAtLeast('warmupDays', opts.warmupDays, 0);
  if (opts.warmupDays >= opts.days) {
    throw new RangeError(`warmupDays (${opts.warmupDays}) must be less than days (${opts.days})`);
  }
}

/**
 * Runs the replications in the test's own `runner`, in-process, one after another (see runExperiment); throws
 * like it.
 */
export function runExperimentWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
): Promise<CollectedResults> {
  return runExperiment(new InProcessExecutor(runner), scenario, opts, onProgress, signal);
}

/**
 * Runs the replications on `executor` and feeds the collector in replication order 1..R (later replications
 * that finish first wait, at most 2 × its size at a time), so every result is the same whichever executor ran
 * them. Progress counts finished replications. Throws RangeError on bad options or with `onVehicle` on more than
 * one thread (traces stream in replication order: one thread runs them in turn, posting each vehicle back as it
 * leaves), the signal's reason as soon as it aborts (the caller closes the executor, which stops its threads),
 * and whatever a replication threw.
 */
export async function runExperiment(
  executor: ReplicationExecutor,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
): Promise<CollectedResults> {
  checkExperimentOptions(opts);
  if (opts.onVehicle && executor.size !== 1) throw new RangeError('onVehicle needs the replications run in order: in-process or on one thread');
  signal?.throwIfAborted();
  const { seed, days, warmupDays, replications: total } = opts;
  const collector = new ResultCollector(scenario);
  const window = 2 * executor.size;
  const pending = new Map<number, Promise<ReplicationDone>>();
  let submitted = 0;
  let done = 0;
  let events = 0;
  let open = true;
  const submit = (replication: number): void => {
    const { onVehicle } = opts;
    const job = { seed, replication, days, warmupDays };
    // Vehicles that come after a failure or an interrupt go nowhere (their file is being abandoned).
    const p = onVehicle ? executor.run(scenario, job, (t: VehicleTrace) => void (open && onVehicle(t))) : executor.run(scenario, job);
    // Progress as replications finish, in any order. This also marks a rejection handled: one that nobody
    // awaits any more (after a failure or an interrupt) is not an unhandled rejection.
    p.then((d) => {
      if (!open) return;
      done += 1;
      events += d.result.events;
      onProgress?.({ done, total, events });
    }, () => undefined);
    pending.set(replication, p);
  };
  try {
    for (let r = 1; r <= total; r++) {
      while (submitted < Math.min(total, r - 1 + window)) submit(++submitted);
      const next = pending.get(r)!;
      pending.delete(r);
      const { result, daily } = await untilAborted(next, signal);
      for (const d of daily) collector.addDay(d);
      collector.add(result);
      signal?.throwIfAborted(); // an abort while `next` was already settled fired no listener
    }
  } finally {
    open = false;
  }
  return collector.finish();
}

/** `p`, or a rejection with the signal's reason as soon as it aborts (the listener goes when `p` settles). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (err: unknown) => (signal.removeEventListener('abort', onAbort), reject(err)),
    );
  });
}

/**
 * The same in this thread without yielding (benchmarks and tests): replications 1..R of `runner` one after
 * another, daily rows straight into the collector; throws like runExperiment.
 */
export function runExperimentSyncWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
): CollectedResults {
  checkExperimentOptions(opts);
  const collector = new ResultCollector(scenario);
  let events = 0;
  for (let r = 1; r <= opts.replications; r++) {
    const base = { seed: opts.seed, replication: r, days: opts.days, warmupDays: opts.warmupDays, onDay: collector.addDay.bind(collector) };
    const result = runner(scenario, opts.onVehicle ? { ...base, onVehicle: opts.onVehicle } : base);
    events += result.events;
    collector.add(result);
    onProgress?.({ done: r, total: opts.replications, events });
  }
  return collector.finish();
}
