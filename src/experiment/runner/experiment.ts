// Runs R independent replications through a replication runner and collects their results.
// Replication r gets (seed, r): its random streams derive from those alone, so no state is shared.
import type { DailyResult, ReplicationResult, VehicleTrace } from '../../model/results.js';
import type { ReplicationOptions } from '../../model/run.js';

export type { ReplicationOptions };
import type { Scenario } from '../../scenario/types.js';
import { ResultCollector, type CollectedResults } from '../statistics/collect.js';
import type { ReplicationDone, ReplicationPool } from './pool.js';

/** The model's entry point, injected so the loop can be tested with hand-made results. */
export type ReplicationRunner = (scenario: Scenario, options: ReplicationOptions) => ReplicationResult;

/** What to run: replications are numbered 1..replications. */
export interface ExperimentOptions {
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  /** Receives every vehicle as it leaves (or at the end), replication by replication. */
  onVehicle?: (t: VehicleTrace) => void;
}

/** What runExperimentPooled needs of a pool (a ReplicationPool; tests use a fake). */
export type ReplicationQueue = Pick<ReplicationPool, 'size' | 'run'>;

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

/** Options of replication r; its daily rows stream straight into the collector instead of being kept. */
function replicationOptions(opts: ExperimentOptions, replication: number, collector: ResultCollector): ReplicationOptions {
  const base = { seed: opts.seed, replication, days: opts.days, warmupDays: opts.warmupDays, onDay: (d: DailyResult) => collector.addDay(d) };
  return opts.onVehicle ? { ...base, onVehicle: opts.onVehicle } : base;
}

/**
 * Runs the replications one after another, yielding to the event loop between them (so a progress bar
 * can draw, or an interrupt arrive through `signal`); with a `pool`, runs them in its worker threads instead
 * (the real model, not `runner`; see runExperimentPooled). Throws RangeError on bad options, the signal's
 * reason when aborted between replications, and whatever the runner throws.
 */
export async function runExperimentWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
  pool?: ReplicationQueue | null,
): Promise<CollectedResults> {
  if (pool) return runExperimentPooled(pool, scenario, opts, onProgress, signal);
  checkExperimentOptions(opts);
  const collector = new ResultCollector(scenario);
  for (const _ of replicationsInTurn(runner, scenario, opts, collector, onProgress)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  return collector.finish();
}

/** Runs the replications one after another into `collector`, reporting progress and pausing after each. */
function* replicationsInTurn(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  collector: ResultCollector,
  onProgress: ((p: ExperimentProgress) => void) | undefined,
): Generator<void> {
  let events = 0;
  for (let r = 1; r <= opts.replications; r++) {
    const result = runner(scenario, replicationOptions(opts, r, collector));
    events += result.events;
    collector.add(result);
    onProgress?.({ done: r, total: opts.replications, events });
    yield;
  }
}

/**
 * Runs the replications in the pool's worker threads and feeds the collector in replication order 1..R
 * (later replications that finish first wait, at most 2 × pool size at a time), so every result is the
 * same as the sequential loop's. Progress counts finished replications. Throws RangeError on bad options or
 * with `onVehicle` on more than one thread (traces stream in replication order: one thread runs them in turn,
 * posting each vehicle back as it leaves), the signal's reason as soon as it
 * aborts (the caller closes the pool, which stops the threads), and whatever a replication threw.
 */
export async function runExperimentPooled(
  pool: ReplicationQueue,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
): Promise<CollectedResults> {
  checkExperimentOptions(opts);
  if (opts.onVehicle && pool.size !== 1) throw new RangeError('onVehicle needs the replications run in order: in-process or on one thread');
  signal?.throwIfAborted();
  const { seed, days, warmupDays, replications: total } = opts;
  const collector = new ResultCollector(scenario);
  const window = 2 * pool.size;
  const pending = new Map<number, Promise<ReplicationDone>>();
  let submitted = 0;
  let done = 0;
  let events = 0;
  let open = true;
  const submit = (replication: number): void => {
    const { onVehicle } = opts;
    const task = { scenario, seed, replication, days, warmupDays };
    // Vehicles that come after a failure or an interrupt go nowhere (their file is being abandoned).
    const p = onVehicle ? pool.run({ ...task, trace: true }, (t) => void (open && onVehicle(t))) : pool.run(task);
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

/** The same loop without yielding, for benchmarks; throws like runExperimentWith. */
export function runExperimentSyncWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
): CollectedResults {
  checkExperimentOptions(opts);
  const collector = new ResultCollector(scenario);
  for (const _ of replicationsInTurn(runner, scenario, opts, collector, onProgress));
  return collector.finish();
}
