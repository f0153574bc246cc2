// One crossing of one replication as engine objects, instantiated from its plan: approach gates (closed hours
// hold vehicles on the road), the zone of places held from entry to exit, its stages, and one trajectory per
// demand source, made from the source's route. The crossing tells its monitor (statistics, and the trace when
// one is kept) of each vehicle's life.
import { Gate, Zone, makeTrajectory, type Interpreter, type Simulation, type Step, type Trajectory } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import { BookingDesk, type PathBooking } from './booking.js';
import { MonitorPair, type VehicleMonitor } from './monitor.js';
import type { CrossingPlan, PathPlan } from './plan.js';
import type { DailyResult, StageResult } from './results.js';
import { StageModel, toStageResult } from './stage.js';
import { CrossingStats } from './stats-monitor.js';
import { modelStream, sourceStreamName } from './streams.js';
import type { Vehicle, Wagon } from './vehicle.js';

/** A demand source's path in one replication: its trajectory, its streams' draws and its spare vehicles. */
export interface SourcePath {
  readonly plan: PathPlan;
  /** Index in the crossing's paths (Vehicle.path). */
  readonly index: number;
  readonly trajectory: Trajectory<Vehicle>;
  readonly selectRng: Rng;
  /** One service-time draw per stage of the path, in path order. */
  readonly serviceDraws: ((wagons: number) => number)[];
  /** One wagon-inspection draw per stage of the path (null where the stage inspects no wagons). */
  readonly wagonDraws: (((wagons: number) => Float64Array) | null)[];
  /**
   * Vehicles of this path that have exited, kept for the path's next arrivals: a vehicle object (and its
   * array of service minutes) is reused instead of allocated, so a year of traffic makes little garbage.
   * Nothing holds a vehicle once it has exited (servers, zone and gates keep only waiting ones).
   */
  readonly spare: Vehicle[];
  /** Its bookings, when its vehicles book slots (null: they arrive on the road). */
  readonly booking: PathBooking | null;
}

/** Engine objects and statistics of one crossing in one replication. */
export class CrossingModel {
  readonly zone: Zone<Vehicle>;
  readonly stages: StageModel[];
  readonly stats: CrossingStats;
  /** The statistics, or the statistics and the trace. */
  readonly monitor: VehicleMonitor;
  readonly paths: SourcePath[];
  /** The booking service's slots and waiting area (empty when the crossing takes no bookings). */
  readonly booking: BookingDesk;
  private readonly gates: Gate<Vehicle>[];

  constructor(
    readonly plan: CrossingPlan,
    private readonly sim: Simulation,
    seed: number,
    replication: number,
    interp: Interpreter<Vehicle>,
    wagonInterp: Interpreter<Wagon>,
    emitDay: (d: DailyResult) => void,
    trace: VehicleMonitor | null,
  ) {
    const id = plan.crossing.id;
    this.zone = new Zone<Vehicle>(sim, `${id}/zone`, plan.crossing.zone.places);
    this.stages = plan.stages.map((s) => new StageModel(id, s, sim, interp, wagonInterp));
    this.gates = plan.gates.map((g) => new Gate<Vehicle>(sim, `${id}/gate/${g.key}`, g.schedule));
    this.stats = new CrossingStats(plan, sim.nowMin, emitDay);
    this.monitor = trace ? new MonitorPair(this.stats, trace) : this.stats;
    this.booking = new BookingDesk(plan.booking, sim, this.monitor);
    this.paths = plan.paths.map((p, index) => this.instantiate(p, index, seed, replication));
  }

  /** A path's trajectory and draws for this replication. */
  private instantiate(plan: PathPlan, index: number, seed: number, replication: number): SourcePath {
    const stages = plan.stages.map((i) => this.stages[i]!);
    const spare: Vehicle[] = [];
    const monitor = this.monitor;
    const sim = this.sim;
    const trajectory = makeTrajectory<Vehicle>(this.steps(plan), (v) => {
      monitor.exited(v, sim.nowMin);
      spare.push(v);
    });
    const { streams } = plan;
    const isTrain = plan.source.vehicleClass === 'train';
    return {
      plan,
      index,
      trajectory,
      selectRng: modelStream(seed, replication, streams.select),
      serviceDraws: stages.map((st, k) => st.makeServiceDraw(streams.service[k]!, streams.perWagon[k]!, seed, replication)),
      wagonDraws: stages.map((st, k) => (isTrain ? st.makeWagonDraw(streams.wagonSelect[k]!, streams.wagonInspect[k]!, seed, replication) : null)),
      spare,
      booking: this.booking.forSource(plan.source, () => modelStream(seed, replication, sourceStreamName(this.plan.crossing.id, plan.source.id, 'booking'))),
    };
  }

  /** The engine steps of a path's route. */
  private steps(plan: PathPlan): Step<Vehicle>[] {
    const sim = this.sim;
    const monitor = this.monitor;
    const enter: Step<Vehicle> = {
      kind: 'call',
      fn: (v) => {
        const now = sim.nowMin;
        v.enteredAtMin = now;
        monitor.entered(v, now);
        v.waiting = false;
      },
    };
    const steps: Step<Vehicle>[] = [];
    for (const r of plan.route) {
      switch (r.kind) {
        case 'gate':
          steps.push({ kind: 'pass', gate: this.gates[r.gate]! }, { kind: 'call', fn: (v) => void (v.passedGateAtMin = sim.nowMin) });
          break;
        case 'zone-enter':
          steps.push({ kind: 'enter', zone: this.zone });
          break;
        case 'enter':
          steps.push(enter);
          break;
        case 'stage': {
          const body = this.stages[r.stage]!.steps(r.position);
          if (r.entersOnStart) body.splice(1, 0, enter);
          if (r.optionalBit !== null) {
            const bit = 1 << r.optionalBit;
            steps.push({ kind: 'branch', test: (v) => (v.selected & bit) !== 0, skip: body.length });
          }
          steps.push(...body);
          break;
        }
        case 'zone-leave':
          steps.push({ kind: 'leave', zone: this.zone });
          break;
      }
    }
    return steps;
  }

  /** The engine gate of the plan's gate `index`. */
  gateAt(index: number): Gate<Vehicle> {
    return this.gates[index]!;
  }

  /** Rows for stages.csv: every stage's servers (and wagon places), then the zone as a stage named `zone`. */
  stageResults(): StageResult[] {
    const rows = this.stages.flatMap((s) => s.results());
    const holders = this.plan.paths.filter((p) => p.holdsZone);
    if (holders.length === 0) return rows;
    const dirs = (['south', 'north'] as const).filter((d) => holders.some((p) => p.source.direction === d)).join('+');
    return [...rows, toStageResult(this.plan.crossing.id, 'zone', dirs, this.zone)];
  }

  /** Resets every statistic of the crossing (warm-up). */
  reset(nowMin: number): void {
    this.zone.reset();
    for (const s of this.stages) s.reset();
    this.stats.reset(nowMin);
  }
}
