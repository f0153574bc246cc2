// Worker-thread entry of experiment/pool.ts (runs as dist/experiment/worker.js): runs whole replications of the
// border model and posts back each result with its daily rows (and, when traced, its vehicles in batches before
// it), which the main thread collects in order.
import { parentPort } from 'node:worker_threads';
import type { DailyResult, VehicleTrace } from '../../model/results.js';
import { runReplication } from '../../model/run.js';
import type { ReplicationTask, WorkerReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('experiment/worker.js runs only as a worker thread of experiment/pool.js');

/** Vehicles posted back per message of a traced replication. */
const VEHICLE_BATCH = 2000;

port.on('message', (task: ReplicationTask) => {
  const daily: DailyResult[] = [];
  let vehicles: VehicleTrace[] = [];
  const flush = (): void => {
    if (vehicles.length > 0) port.postMessage({ vehicles } satisfies WorkerReply);
    vehicles = [];
  };
  const onVehicle = (t: VehicleTrace): void => {
    vehicles.push(t);
    if (vehicles.length >= VEHICLE_BATCH) flush();
  };
  let reply: WorkerReply;
  try {
    const { scenario, seed, replication, days, warmupDays } = task;
    const sinks = { onDay: (d: DailyResult) => void daily.push(d), ...(task.trace ? { onVehicle } : {}) };
    const result = runReplication(scenario, { seed, replication, days, warmupDays, ...sinks });
    flush();
    reply = { ok: true, result, daily };
  } catch (err) {
    reply = err instanceof Error ? { ok: false, message: err.message, ...(err.stack ? { stack: err.stack } : {}) } : { ok: false, message: String(err) };
  }
  port.postMessage(reply);
});
