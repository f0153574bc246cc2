// The experiment bound to the real model: what commands and benchmarks call.
import { runReplication } from '../../model/run.js';
import type { Scenario } from '../../scenario/types.js';
import type { CollectedResults } from '../statistics/collect.js';
import { runExperimentSyncWith, runExperimentWith, type ExperimentOptions, type ExperimentProgress } from './experiment.js';

/**
 * Runs `opts.replications` replications of the border model with streams from (seed, replication) and
 * collects rows and summaries; throws RangeError on bad options, the signal's reason when interrupted.
 */
export function runExperiment(
  scenario: Scenario,
  opts: ExperimentOptions,
  onProgress?: (p: ExperimentProgress) => void,
  signal?: AbortSignal,
): Promise<CollectedResults> {
  return runExperimentWith(runReplication, scenario, opts, onProgress, signal);
}

/** The same without yielding to the event loop (benchmarks); throws like runExperiment. */
export function runExperimentSync(scenario: Scenario, opts: ExperimentOptions, onProgress?: (p: ExperimentProgress) => void): CollectedResults {
  return runExperimentSyncWith(runReplication, scenario, opts, onProgress);
}
