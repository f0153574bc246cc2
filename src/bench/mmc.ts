// The engine benchmark: an M/M/c queue written with the engine's trajectory interpreter, the same
// model as bench/simpy_mmc.py (one arrival source, c servers, exponential times).
import { Simulation, Resource, Interpreter, makeTrajectory, Priority, type Walker, type Trajectory } from '../engine/index.js';
import { createStream } from '../random/stream.js';
import { makeSampler } from '../random/dist.js';

export interface MmcParams {
  lambda: number;
  mu: number;
  servers: number;
  customers: number;
  seed: number;
}

export interface MmcResult {
  served: number;
  meanWait: number;
  wallS: number;
  events: number;
  eventsPerS: number;
}

interface Customer extends Walker {
  arrivedAtMin: number;
}

/** Simulates the M/M/c queue until every customer is served; returns the mean wait in queue and timings. */
export function runMmc(p: MmcParams): MmcResult {
  const started = performance.now();
  const sim = new Simulation();
  const server = new Resource<Customer>(sim, 'server', { capacity: p.servers });
  const interp = new Interpreter<Customer>(sim);
  const arrivalRng = createStream(p.seed, 0, 'arrivals');
  const serviceRng = createStream(p.seed, 0, 'service');
  const interarrival = makeSampler({ kind: 'exponential', mean: 1 / p.lambda });
  const service = makeSampler({ kind: 'exponential', mean: 1 / p.mu });
  let waitSum = 0;
  let served = 0;
  const trajectory: Trajectory<Customer> = makeTrajectory<Customer>(
    [
      { kind: 'seize', resource: server },
      { kind: 'call', fn: (c) => { waitSum += sim.nowMin - c.arrivedAtMin; } },
      { kind: 'delay', minutes: () => service(serviceRng) },
      { kind: 'release', resource: server },
    ],
    () => { served++; },
  );
  let created = 0;
  // Arrivals are a stream (each schedules the next): they live in the simulation's source slot, not the calendar.
  const arrive = (): void => {
    interp.start({ pc: 0, trajectory, interp: null, arrivedAtMin: sim.nowMin }, trajectory);
    if (++created < p.customers) sim.scheduleSource(sim.nowMin + interarrival(arrivalRng), arrive, Priority.arrival);
  };
  sim.scheduleSource(interarrival(arrivalRng), arrive, Priority.arrival);
  sim.run();
  const wallS = (performance.now() - started) / 1000;
  return { served, meanWait: waitSum / served, wallS, events: sim.eventCount, eventsPerS: sim.eventCount / wallS };
}

/** The benchmark's one-line report. */
export function formatMmcLine(r: MmcResult): string {
  return `engine=bordersim served=${r.served} mean_wait=${r.meanWait.toFixed(6)} wall_s=${r.wallS.toFixed(3)} events=${r.events} events_per_s=${Math.round(r.eventsPerS)}`;
}
