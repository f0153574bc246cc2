// Where replications run: the executor interface, and its in-process implementation (the worker-pool one is
// pool.ts). A command opens one executor and hands it to every experiment it runs; results come back the same
// from either (the same streams, the same order of rows).
import type { DailyResult, ReplicationResult, VehicleTrace } from '../../model/results.js';
import { runReplication, type ReplicationOptions } from '../../model/run.js';
import { buildPlan, type BorderPlan } from '../../model/plan.js';
import type { Scenario } from '../../scenario/types.js';

/** One replication to run of some scenario. */
export interface ReplicationJob {
  seed: number;
  replication: number;
  days: number;
  warmupDays: number;
}

/** A finished replication: its result and, in the order the model emitted them, its daily rows. */
export interface ReplicationDone {
  result: ReplicationResult;
  daily: DailyResult[];
}

/** Runs replications; close() it when done (a pool's threads keep the process alive). */
export interface ReplicationExecutor {
  /** Replications that can run at once (threads; 1 in-process). */
  readonly size: number;
  /**
   * Runs one replication of `scenario` (with `onVehicle`, handing it every vehicle as the model reports it, in
   * order, before the promise settles); rejects with what the model threw, or when the executor fails or closes.
   */
  run(scenario: Scenario, job: ReplicationJob, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone>;
  close(): Promise<void>;
}

/** The model's entry point, injected so the loop can be tested with hand-made results. */
export type ReplicationRunner = (scenario: Scenario, options: ReplicationOptions) => ReplicationResult;

/**
 * Runs replications in this thread, one at a time, each after a turn of the event loop (so a progress bar can
 * draw and an interrupt be heard between them). The real model plans each scenario once (plans kept while the
 * scenario object lives); an injected runner (tests) gets the scenario.
 */
export class InProcessExecutor implements ReplicationExecutor {
  readonly size = 1;
  private readonly plans = new WeakMap<Scenario, BorderPlan>();
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly runner?: ReplicationRunner) {}

  run(scenario: Scenario, job: ReplicationJob, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone> {
    // One after another, in the order asked: a replication starts when the previous one has settled.
    const done = this.queue.then(() => this.runNow(scenario, job, onVehicle));
    this.queue = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async runNow(scenario: Scenario, job: ReplicationJob, onVehicle: ((t: VehicleTrace) => void) | undefined): Promise<ReplicationDone> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.closed) throw new Error('the replication executor was closed');
    const daily: DailyResult[] = [];
    const options: ReplicationOptions = { ...job, onDay: (d) => void daily.push(d), ...(onVehicle ? { onVehicle } : {}) };
    const result = this.runner ? this.runner(scenario, options) : runReplication(this.planOf(scenario), options);
    return { result, daily };
  }

  private planOf(scenario: Scenario): BorderPlan {
    let plan = this.plans.get(scenario);
    if (!plan) {
      plan = buildPlan(scenario);
      this.plans.set(scenario, plan);
    }
    return plan;
  }
}
