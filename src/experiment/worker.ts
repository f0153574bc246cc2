// Worker-thread entry of experiment/pool.ts (runs as dist/experiment/worker.js): runs whole replications of the
// border model and posts back each result with its daily rows, which the main thread collects in order.
import { parentPort } from 'node:worker_threads';
import type { DailyResult } from '../model/results.js';
import { runReplication } from '../model/run.js';
import type { ReplicationTask, WorkerReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('experiment/worker.js runs only as a worker thread of experiment/pool.js');

port.on('message', (task: ReplicationTask) => {
  const daily: DailyResult[] = [];
  let reply: WorkerReply;
  try {
    const { scenario, seed, replication, days, warmupDays } = task;
    const result = runReplication(scenario, { seed, replication, days, warmupDays, onDay: (d) => void daily.push(d) });
    reply = { ok: true, result, daily };
  } catch (err) {
    reply = err instanceof Error ? { ok: false, message: err.message, ...(err.stack ? { stack: err.stack } : {}) } : { ok: false, message: String(err) };
  }
  port.postMessage(reply);
});
