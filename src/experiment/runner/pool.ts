// Replications on worker threads (tinypool; the task code is worker.ts, which must exist compiled as worker.js
// next to this module: from dist/, not from the TypeScript sources). A scenario travels to the threads once: it
// is serialised into shared memory when first run, and each task carries only its key, the shared bytes (not
// copied) and (seed, replication); each thread plans a scenario the first time it sees its key and keeps the plan.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { VehicleTrace } from '../../model/results.js';
import type { Scenario } from '../../scenario/types.js';
import type { ReplicationDone, ReplicationExecutor, ReplicationJob } from './executor.js';

/** What a task sends to a thread. */
export interface WorkerTask extends ReplicationJob {
  /** Identifies the scenario within this pool (the thread's plan cache key). */
  scenarioKey: number;
  /** The scenario, v8-serialised, in shared memory. */
  scenario: SharedArrayBuffer;
  /** Where a traced task posts its vehicles (in batches, then `{ end: true }`). */
  vehicles?: import('node:worker_threads').MessagePort;
}

/** A message on a traced task's vehicle port. */
export type VehicleBatch = { vehicles: VehicleTrace[] } | { end: true };

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** True when the compiled worker file is there (running from dist/), so a pool can be opened. */
export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** `size` worker threads running replications; close() it when done, or the threads keep the process alive. */
export class PoolExecutor implements ReplicationExecutor {
  private readonly pool: Tinypool;
  private readonly shared = new WeakMap<Scenario, { key: number; bytes: SharedArrayBuffer }>();
  private nextKey = 1;
  private failure: Error | null = null;

  /** Starts the threads; throws RangeError for a size that is not an integer ≥ 1, Error when the worker file is missing. */
  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`pool size must be an integer >= 1, got ${size}`);
    if (!poolAvailable()) throw new Error(`cannot start worker threads: ${fileURLToPath(WORKER_URL)} is missing (build with npm run build)`);
    this.pool = new Tinypool({ filename: WORKER_URL.href, minThreads: size, maxThreads: size, isolateWorkers: false, idleTimeout: Infinity });
  }

  async run(scenario: Scenario, job: ReplicationJob, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone> {
    if (this.failure) throw this.failure;
    const { key, bytes } = this.sharedOf(scenario);
    const task: WorkerTask = { ...job, scenarioKey: key, scenario: bytes };
    if (!onVehicle) return this.settle(this.pool.run(task));
    const { port1, port2 } = new MessageChannel();
    // Every vehicle arrives before the end mark; the result waits for both.
    const drained = new Promise<void>((resolve) => {
      port1.on('message', (m: VehicleBatch) => {
        if ('end' in m) resolve();
        else for (const t of m.vehicles) onVehicle(t);
      });
    });
    try {
      const done = await this.settle(this.pool.run({ ...task, vehicles: port2 }, { transferList: [port2] }));
      await drained;
      return done;
    } finally {
      port1.close();
    }
  }

  /** Stops every thread (a replication in progress is abandoned); later runs reject. */
  async close(): Promise<void> {
    this.failure ??= new Error('the worker pool was closed');
    await this.pool.destroy();
  }

  /** The task's outcome; an error thrown in a thread keeps its message and stack. */
  private async settle(p: Promise<ReplicationDone>): Promise<ReplicationDone> {
    try {
      return await p;
    } catch (err) {
      throw this.failure ?? err;
    }
  }

  private sharedOf(scenario: Scenario): { key: number; bytes: SharedArrayBuffer } {
    let entry = this.shared.get(scenario);
    if (!entry) {
      const data = serialize(scenario);
      const bytes = new SharedArrayBuffer(data.byteLength);
      new Uint8Array(bytes).set(data);
      entry = { key: this.nextKey++, bytes };
      this.shared.set(scenario, entry);
    }
    return entry;
  }
}
