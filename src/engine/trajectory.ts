// Processes as data: a trajectory is a list of steps (seize, delay, release, enter, leave, pass, branch,
// call, wait) walked by one interpreter; each entity carries only its trajectory and program counter.
import type { Simulation } from './simulation.js';
import { Priority } from './priority.js';
import type { Resource } from './resource.js';
import type { Zone } from './zone.js';
import type { Gate } from './gate.js';
import { EngineError } from './errors.js';

/** An entity walking a trajectory: the interpreter keeps its position in `pc`. */
export interface Walker {
  pc: number;
  trajectory: Trajectory<any>;
  /** The interpreter walking it (set by Interpreter.start; create entities with null so their shape is fixed). */
  interp: Interpreter<any> | null;
}

/** One step of a trajectory. */
export type Step<E extends Walker> =
  | { kind: 'seize'; resource: Resource<E> | ((e: E) => Resource<E>); priority?: (e: E) => number }
  | { kind: 'release'; resource: Resource<E> | ((e: E) => Resource<E>) }
  | { kind: 'delay'; minutes: (e: E) => number }
  | { kind: 'enter'; zone: Zone<E> }
  | { kind: 'leave'; zone: Zone<E> }
  /** Goes through a gate: at once when it is open, else when it opens (holding nothing). */
  | { kind: 'pass'; gate: Gate<E> }
  /** When `test` is false, skip the next `skip` steps. */
  | { kind: 'branch'; test: (e: E) => boolean; skip: number }
  /** A synchronous side effect (recording a timestamp). */
  | { kind: 'call'; fn: (e: E) => void }
  /** Hands the entity to `fn`, which returns true to go on now or false and later calls `resume(e)`. */
  | { kind: 'wait'; fn: (e: E, resume: (e: E) => void) => boolean };

/** A checked, immutable list of steps plus what to do when an entity reaches the end. */
export interface Trajectory<E extends Walker> {
  readonly steps: readonly Step<E>[];
  /** The same steps in one uniform shape, so the interpreter's property reads stay monomorphic. */
  readonly compiled: readonly CompiledStep<E>[];
  readonly onDone: (e: E) => void;
}

const OP = { seize: 0, release: 1, delay: 2, enter: 3, leave: 4, branch: 5, call: 6, wait: 7, pass: 8 } as const;

/** One step flattened: every field present (unused ones are null/0), `op` a small integer. */
class CompiledStep<E extends Walker> {
  constructor(
    readonly op: number,
    readonly resource: Resource<E> | null,
    readonly pickResource: ((e: E) => Resource<E>) | null,
    readonly priority: ((e: E) => number) | null,
    readonly fn: ((e: E) => unknown) | null,
    readonly waitFn: ((e: E, resume: (e: E) => void) => boolean) | null,
    readonly gate: Gate<E> | null,
    readonly skip: number,
    /** Event priority of a delay's wake-up: `release` when the next step releases, else `normal`. */
    readonly wakePriority: number,
  ) {}
}

function compileStep<E extends Walker>(s: Step<E>, next: Step<E> | undefined): CompiledStep<E> {
  const wake = next?.kind === 'release' || next?.kind === 'leave' ? Priority.release : Priority.normal;
  switch (s.kind) {
    case 'seize':
    case 'release': {
      const fixed = typeof s.resource === 'function' ? null : s.resource;
      const pick = typeof s.resource === 'function' ? s.resource : null;
      const prio = s.kind === 'seize' ? s.priority ?? null : null;
      return new CompiledStep<E>(OP[s.kind], fixed, pick, prio, null, null, null, 0, wake);
    }
    case 'delay':
      return new CompiledStep<E>(OP.delay, null, null, null, s.minutes, null, null, 0, wake);
    case 'enter':
    case 'leave':
      return new CompiledStep<E>(OP[s.kind], s.zone, null, null, null, null, null, 0, wake);
    case 'branch':
      return new CompiledStep<E>(OP.branch, null, null, null, s.test, null, null, s.skip, wake);
    case 'call':
      return new CompiledStep<E>(OP.call, null, null, null, s.fn, null, null, 0, wake);
    case 'wait':
      return new CompiledStep<E>(OP.wait, null, null, null, null, s.fn, null, 0, wake);
    case 'pass':
      return new CompiledStep<E>(OP.pass, null, null, null, null, null, s.gate, 0, wake);
    default: {
      const never: never = s;
      throw new TrajectoryError(`unknown step ${JSON.stringify(never)}`);
    }
  }
}

/** Thrown for a malformed trajectory (a branch skipping past the end). */
export class TrajectoryError extends EngineError {}

/** Checks a step list and precomputes wake-up priorities; throws TrajectoryError naming the bad step. */
export function makeTrajectory<E extends Walker>(steps: Step<E>[], onDone: (e: E) => void = () => {}): Trajectory<E> {
  steps.forEach((s, i) => {
    if (s.kind === 'branch' && !(Number.isInteger(s.skip) && s.skip >= 0 && i + s.skip < steps.length)) {
      throw new TrajectoryError(`steps[${i}].skip must be an integer in [0, ${steps.length - 1 - i}], got ${s.skip}`);
    }
  });
  const compiled = steps.map((s, i) => compileStep(s, steps[i + 1]));
  return { steps, compiled, onDone };
}

/** Walks entities along their trajectories on one simulation. */
export class Interpreter<E extends Walker> {
  private readonly sim: Simulation;
  /** Entities started (Interpreter.start), and those that reached the end of their trajectory. */
  started = 0;
  finished = 0;
  private stopAfter = Infinity;
  /**
   * Carries an entity on from where it stopped (a wake-up, a grant, a wait's end). The same function for every
   * interpreter (the entity knows its own), so the engine's call sites see one target whatever the number of
   * simulations (docs/v8-notes.md §2).
   */
  readonly resume: (e: E) => void = resumeWalker;

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  /** Stops the simulation when `n` entities have finished (a stop rule). */
  stopWhenFinished(n: number): void {
    this.stopAfter = n;
  }

  /** Starts `e` at the first step of `trajectory` now. */
  start(e: E, trajectory: Trajectory<E>): void {
    this.started++;
    e.interp = this;
    e.trajectory = trajectory;
    e.pc = 0;
    this.advance(e);
  }

  /** Runs steps until the entity blocks (waits for a server or place, or a delay) or finishes. */
  advance(e: E): void {
    const traj = e.trajectory as Trajectory<E>;
    const steps = traj.compiled;
    const n = steps.length;
    while (e.pc < n) {
      const s = steps[e.pc++]!;
      switch (s.op) {
        case OP.seize: {
          const r = s.resource ?? s.pickResource!(e);
          if (!r.request(e, resumeWalker, s.priority === null ? 0 : s.priority(e))) return;
          break;
        }
        case OP.release:
          (s.resource ?? s.pickResource!(e)).release();
          break;
        case OP.delay:
          this.sim.schedule(s.fn!(e) as number, resumeWalker, e, s.wakePriority);
          return;
        case OP.enter:
          if (!(s.resource as Zone<E>).enter(e, resumeWalker)) return;
          break;
        case OP.leave:
          (s.resource as Zone<E>).leave();
          break;
        case OP.branch:
          if (!s.fn!(e)) e.pc += s.skip;
          break;
        case OP.call:
          s.fn!(e);
          break;
        case OP.wait:
          if (!s.waitFn!(e, resumeWalker)) return;
          break;
        case OP.pass:
          if (!s.gate!.pass(e, resumeWalker)) return;
          break;
      }
    }
    traj.onDone(e);
    if (++this.finished >= this.stopAfter) this.sim.stop();
  }
}

/** Interpreter.resume: walks `e` on with the interpreter that started it. */
function resumeWalker(e: Walker): void {
  e.interp!.advance(e);
}
