// Processes as data: a trajectory is a list of steps (seize, delay, release, enter, leave, branch, call,
// wait) walked by one interpreter; each entity carries only its trajectory and program counter.
import type { Simulation } from './simulation.js';
import { Priority } from './priority.js';
import type { Resource } from './resource.js';
import type { Zone } from './zone.js';

/** An entity walking a trajectory: the interpreter keeps its position in `pc`. */
export interface Walker {
  pc: number;
  trajectory: Trajectory<any>;
}

/** One step of a trajectory. */
export type Step<E extends Walker> =
  | { kind: 'seize'; resource: Resource<E> | ((e: E) => Resource<E>); priority?: (e: E) => number }
  | { kind: 'release'; resource: Resource<E> | ((e: E) => Resource<E>) }
  | { kind: 'delay'; minutes: (e: E) => number }
  | { kind: 'enter'; zone: Zone<E> }
  | { kind: 'leave'; zone: Zone<E> }
  /** When `test` is false, skip the next `skip` steps. */
  | { kind: 'branch'; test: (e: E) => boolean; skip: number }
  /** A synchronous side effect (recording a timestamp). */
  | { kind: 'call'; fn: (e: E) => void }
  /** Hands the entity to `fn`, which returns true to go on now or false and later calls `resume(e)`. */
  | { kind: 'wait'; fn: (e: E, resume: (e: E) => void) => boolean };

/** A checked, immutable list of steps plus what to do when an entity reaches the end. */
export interface Trajectory<E extends Walker> {
  readonly steps: readonly Step<E>[];
  /** Event priority of each delay's wake-up: `release` when the next step releases, else `normal`. */
  readonly wakePriority: Int8Array;
  readonly onDone: (e: E) => void;
}

/** Thrown for a malformed trajectory (a branch skipping past the end). */
export class TrajectoryError extends Error {}

/** Checks a step list and precomputes wake-up priorities; throws TrajectoryError naming the bad step. */
export function makeTrajectory<E extends Walker>(steps: Step<E>[], onDone: (e: E) => void = () => {}): Trajectory<E> {
  const wakePriority = new Int8Array(steps.length);
  steps.forEach((s, i) => {
    if (s.kind === 'branch' && !(Number.isInteger(s.skip) && s.skip >= 0 && i + s.skip < steps.length)) {
      throw new TrajectoryError(`steps[${i}].skip must be an integer in [0, ${steps.length - 1 - i}], got ${s.skip}`);
    }
    const next = steps[i + 1];
    wakePriority[i] = next?.kind === 'release' || next?.kind === 'leave' ? Priority.release : Priority.normal;
  });
  return { steps, wakePriority, onDone };
}

/** Walks entities along their trajectories on one simulation. */
export class Interpreter<E extends Walker> {
  private readonly sim: Simulation;
  /** Entities that reached the end of their trajectory. */
  finished = 0;
  private stopAfter = Infinity;
  readonly resume: (e: E) => void;

  constructor(sim: Simulation) {
    this.sim = sim;
    this.resume = (e: E) => this.advance(e);
  }

  /** Stops the simulation when `n` entities have finished (a stop rule). */
  stopWhenFinished(n: number): void {
    this.stopAfter = n;
  }

  /** Starts `e` at the first step of `trajectory` now. */
  start(e: E, trajectory: Trajectory<E>): void {
    e.trajectory = trajectory;
    e.pc = 0;
    this.advance(e);
  }

  /** Runs steps until the entity blocks (waits for a server or place, or a delay) or finishes. */
  advance(e: E): void {
    const traj = e.trajectory as Trajectory<E>;
    const steps = traj.steps;
    while (e.pc < steps.length) {
      const i = e.pc++;
      const s = steps[i]!;
      switch (s.kind) {
        case 'seize': {
          const r = typeof s.resource === 'function' ? s.resource(e) : s.resource;
          if (!r.request(e, this.resume, s.priority ? s.priority(e) : 0)) return;
          break;
        }
        case 'release': {
          const r = typeof s.resource === 'function' ? s.resource(e) : s.resource;
          r.release();
          break;
        }
        case 'delay':
          this.sim.schedule(s.minutes(e), this.resume, e, traj.wakePriority[i]!);
          return;
        case 'enter':
          if (!s.zone.enter(e, this.resume)) return;
          break;
        case 'leave':
          s.zone.leave();
          break;
        case 'branch':
          if (!s.test(e)) e.pc += s.skip;
          break;
        case 'call':
          s.fn(e);
          break;
        case 'wait':
          if (!s.fn(e, this.resume)) return;
          break;
        default: {
          const never: never = s;
          throw new TrajectoryError(`unknown step ${JSON.stringify(never)}`);
        }
      }
    }
    traj.onDone(e);
    if (++this.finished >= this.stopAfter) this.sim.stop();
  }
}
