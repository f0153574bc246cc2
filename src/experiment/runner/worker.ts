// Worker-thread task of experiment/runner/pool.ts (runs as dist/experiment/runner/worker.js under tinypool): runs
// one replication and returns its result with its daily rows (and, when traced, posts its vehicles in batches
// on the task's port first). Scenarios are planned once per thread and kept by their pool key.
import { deserialize } from 'node:v8';
import { buildPlan, type BorderPlan } from '../../model/plan.js';
import type { DailyResult, VehicleTrace } from '../../model/results.js';
import { runReplication } from '../../model/run.js';
import type { Scenario } from '../../scenario/types.js';
import type { ReplicationDone } from './executor.js';
import type { VehicleBatch, WorkerTask } from './pool.js';

/** Vehicles posted back per message of a traced replication. */
const VEHICLE_BATCH = 2000;

/** Plans kept per thread (a sweep or a capacity search runs many scenarios, one after another). */
const KEPT_PLANS = 8;
const plans = new Map<number, BorderPlan>();

function planOf(task: WorkerTask): BorderPlan {
  let plan = plans.get(task.scenarioKey);
  if (!plan) {
    plan = buildPlan(deserialize(new Uint8Array(task.scenario)) as Scenario);
    if (plans.size >= KEPT_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(task.scenarioKey, plan);
  }
  return plan;
}

export default function runTask(task: WorkerTask): ReplicationDone {
  const daily: DailyResult[] = [];
  const port = task.vehicles;
  let batch: VehicleTrace[] = [];
  const flush = (): void => {
    if (batch.length > 0) port!.postMessage({ vehicles: batch } satisfies VehicleBatch);
    batch = [];
  };
  const onVehicle = (t: VehicleTrace): void => {
    batch.push(t);
    if (batch.length >= VEHICLE_BATCH) flush();
  };
  try {
    const { seed, replication, days, warmupDays } = task;
    const sinks = { onDay: (d: DailyResult) => void daily.push(d), ...(port ? { onVehicle } : {}) };
    const result = runReplication(planOf(task), { seed, replication, days, warmupDays, ...sinks });
    flush();
    return { result, daily };
  } finally {
    port?.postMessage({ end: true } satisfies VehicleBatch);
    port?.close();
  }
}
