// A pool of worker threads that each run whole replications of the border model (experiment/worker.ts, which
// must exist compiled as worker.js next to this module: from dist/, not from the TypeScript sources).
// Tasks queue in order and go to the first idle worker; callers put the results back in replication order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DailyResult, ReplicationResult, VehicleTrace } from '../../model/results.js';
import type { Scenario } from '../../scenario/types.js';

/** One replication to run: what runReplication needs, minus the sinks. */
export interface ReplicationTask {
  scenario: Scenario;
  seed: number;
  replication: number;
  days: number;
  warmupDays: number;
  /** Post every vehicle back as it leaves (in batches, before the result), for vehicles.csv. */
  trace?: boolean;
}

/** A finished replication: its result and, in the order the model emitted them, its daily rows. */
export interface ReplicationDone {
  result: ReplicationResult;
  daily: DailyResult[];
}

/** What a worker posts back for each task: vehicle batches (traced tasks), then the result or the failure. */
export type WorkerReply = ({ ok: true } & ReplicationDone) | { ok: false; message: string; stack?: string } | { vehicles: VehicleTrace[] };

interface Job {
  task: ReplicationTask;
  onVehicle: ((t: VehicleTrace) => void) | undefined;
  resolve: (done: ReplicationDone) => void;
  reject: (err: Error) => void;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** True when the compiled worker file is there (running from dist/), so a pool can be opened. */
export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** `size` worker threads running replications; close() it when done, or the threads keep the process alive. */
export class ReplicationPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | null = null;

  /** Starts the threads; throws RangeError for a size that is not an integer ≥ 1, Error when the worker file is missing. */
  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`pool size must be an integer >= 1, got ${size}`);
    if (!poolAvailable()) throw new Error(`cannot start worker threads: ${fileURLToPath(WORKER_URL)} is missing (build with npm run build)`);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_URL);
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (err: Error) => this.fail(err));
      worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /**
   * Queues one replication (a traced one hands its vehicles to `onVehicle` as they come, in the order the model
   * emitted them); the promise rejects with what the model threw, or when the pool fails or closes.
   */
  run(task: ReplicationTask, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone> {
    return new Promise<ReplicationDone>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ task, onVehicle, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread (a replication in progress is abandoned) and rejects what is still queued. */
  async close(): Promise<void> {
    this.fail(new Error('the worker pool was closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const job = this.busy.get(worker);
    if (!job) return;
    if ('vehicles' in reply) {
      for (const t of reply.vehicles) job.onVehicle?.(t);
      return;
    }
    this.busy.delete(worker);
    this.idle.push(worker);
    if (reply.ok) job.resolve({ result: reply.result, daily: reply.daily });
    else {
      const err = new Error(reply.message);
      if (reply.stack) err.stack = reply.stack;
      job.reject(err);
    }
    this.dispatch();
  }

  /** After a crashed thread (or close) nothing more runs: every pending and later job rejects with `err`. */
  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(err);
    this.busy.clear();
    this.queue.length = 0;
    this.idle.length = 0;
  }
}
