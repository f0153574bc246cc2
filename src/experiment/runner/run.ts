// The experiment bound to the real model in this thread, without yielding: what benchmarks and tests call.
import { buildPlan } from '../../model/plan.js';
import { runReplication } from '../../model/run.js';
import type { Scenario } from '../../scenario/types.js';
import type { CollectedResults } from '../statistics/collect.js';
import { runExperimentSyncWith, type ExperimentOptions, type ExperimentProgress } from './experiment.js';

/**
 * Runs `opts.replications` replications of the border model (the scenario planned once) with streams from
 * (seed, replication) and collects rows and summaries; throws RangeError on bad options.
 */
export function runExperimentSync(scenario: Scenario, opts: ExperimentOptions, onProgress?: (p: ExperimentProgress) => void): CollectedResults {
  const plan = buildPlan(scenario);
  return runExperimentSyncWith((_, o) => runReplication(plan, o), scenario, opts, onProgress);
}
