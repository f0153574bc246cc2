// Runs R independent replications through a replication runner and collects their results.
// Replication r gets (seed, r): its random streams derive from those alone, so no state is shared.
import type { DailyResult, ReplicationResult, VehicleTrace } from '../model/results.js';
import type { ReplicationOptions } from '../model/run.js';

export type { ReplicationOptions };
import type { Scenario } from '../scenario/types.js';
import { ResultCollector, type CollectedResults } from './collect.js';

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
 * can draw, or an interrupt arrive through `signal`); throws RangeError on bad options, the signal's reason
 * when aborted between replications, and whatever the runner throws.
 */
export async function runExperimentWith(
  runner: ReplicationRunner,
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
): Promise<CollectedResults> {
  checkExperimentOptions(opts);
  const collector = new ResultCollector(scenario);
  let events = 0;
  for (let r = 1; r <= opts.replications; r++) {
    const result = runner(scenario, replicationOptions(opts, r, collector));
    events += result.events;
    collector.add(result);
    onProgress?.({ done: r, total: opts.replications, events });
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  return collector.finish();
}

/** The same loop without yielding, for benchmarks; throws like runExperimentWith. */
export function runExperimentSyncWith(runner: ReplicationRunner, scenario: Scenario, opts: ExperimentOptions): CollectedResults {
  checkExperimentOptions(opts);
  const collector = new ResultCollector(scenario);
  for (let r = 1; r <= opts.replications; r++) collector.add(runner(scenario, replicationOptions(opts, r, collector)));
  return collector.finish();
}
