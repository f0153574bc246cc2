// One crossing as engine objects: approach gates (closed hours hold vehicles on the road), the zone of
// places held from entry to exit, its stages, and one trajectory per demand source walked by every vehicle.
import { Gate, Zone, makeTrajectory, type Interpreter, type Simulation, type Step, type Trajectory } from '../engine/index.js';
import { createStream, type Rng } from '../random/index.js';
import type { Crossing, DemandSource, Direction, VehicleClass } from '../scenario/types.js';
import type { ModelClock } from './clock.js';
import { CrossingGroups } from './crossing-groups.js';
import { DailyCounter } from './daily.js';
import { StageModel, toStageResult } from './stage.js';
import type { StageResult } from './results.js';
import { buildGateSchedule } from './timetable.js';
import type { Vehicle, Wagon } from './vehicle.js';

/** What a crossing tells the run about a vehicle's life, for traces and the live count. */
export interface VehicleHooks {
  onExit(v: Vehicle): void;
}

/** A demand source's path: its trajectory and which optional stages need a selection draw. */
export interface SourcePath {
  source: DemandSource;
  trajectory: Trajectory<Vehicle>;
  holdsZone: boolean;
  /** Shares of the optional stages, in bit order of Vehicle.selected. */
  optionalShares: number[];
  selectRng: Rng;
  /** One service-time draw per stage of the path, in path order. */
  serviceDraws: ((wagons: number) => number)[];
  /** One wagon-inspection draw per stage of the path (null where the stage inspects no wagons). */
  wagonDraws: (((wagons: number) => Float64Array) | null)[];
  daily: DailyCounter;
  /**
   * Vehicles of this path that have exited, kept for the path's next arrivals: a vehicle object (and its
   * array of service minutes) is reused instead of allocated, so a year of traffic makes little garbage.
   * Nothing holds a vehicle once it has exited (servers, zone and gates keep only waiting ones).
   */
  spare: Vehicle[];
}

/** Engine objects and statistics of one crossing. */
export class CrossingModel {
  readonly zone: Zone<Vehicle>;
  readonly stages: StageModel[];
  readonly groups: CrossingGroups;
  readonly paths: SourcePath[];
  readonly dailyCounters: DailyCounter[] = [];
  private readonly gates = new Map<string, Gate<Vehicle> | null>();

  constructor(
    readonly crossing: Crossing,
    sim: Simulation,
    clock: ModelClock,
    seed: number,
    replication: number,
    interp: Interpreter<Vehicle>,
    wagonInterp: Interpreter<Wagon>,
    hooks: VehicleHooks,
  ) {
    this.zone = new Zone<Vehicle>(sim, `${crossing.id}/zone`, crossing.zone.places);
    this.stages = crossing.stages.map((s) => new StageModel(crossing.id, s, sim, clock, interp, wagonInterp));
    this.groups = new CrossingGroups(crossing.id, crossing.demand, sim.nowMin);
    const dailyByPair = new Map<string, DailyCounter>();
    this.paths = crossing.demand.map((source) => {
      const key = `${source.direction}/${source.vehicleClass}`;
      let daily = dailyByPair.get(key);
      if (!daily) {
        daily = new DailyCounter(this.groups.get(source.direction, source.vehicleClass), source.direction, source.vehicleClass);
        dailyByPair.set(key, daily);
        this.dailyCounters.push(daily);
      }
      return this.buildPath(source, sim, clock, seed, replication, hooks, daily);
    });
  }

  /** The stages a source's vehicles pass, in order. */
  stagesFor(source: DemandSource): StageModel[] {
    return this.stages.filter(
      (m) =>
        m.stage.directions.includes(source.direction) &&
        m.stage.classes.includes(source.vehicleClass) &&
        m.stage.cargo.includes(source.cargo) &&
        m.stage.share > 0,
    );
  }

  /** The approach gate of vehicles whose first stage is `first`, or null when that stage never closes. */
  private gateFor(direction: Direction, vehicleClass: VehicleClass, first: StageModel | undefined, sim: Simulation, clock: ModelClock): Gate<Vehicle> | null {
    const key = `${direction}/${vehicleClass}/${first?.stage.id ?? ''}`;
    if (this.gates.has(key)) return this.gates.get(key)!;
    const schedule = buildGateSchedule(first?.stage.timetable ?? null, clock);
    const alwaysOpen = schedule.capacityAt(0) > 0 && schedule.nextChangeAfter(0) === Infinity;
    const gate = alwaysOpen ? null : new Gate<Vehicle>(sim, `${this.crossing.id}/gate/${key}`, schedule);
    this.gates.set(key, gate);
    return gate;
  }

  private buildPath(
    source: DemandSource,
    sim: Simulation,
    clock: ModelClock,
    seed: number,
    replication: number,
    hooks: VehicleHooks,
    daily: DailyCounter,
  ): SourcePath {
    const stages = this.stagesFor(source);
    const holdsZone = this.crossing.zone.classes.includes(source.vehicleClass);
    // The approach gate keeps the hours of the first stage every vehicle of the path passes: an optional stage
    // (an X-ray for a third of the trucks) with hours of its own must not hold the vehicles it never sees.
    const gate = this.gateFor(source.direction, source.vehicleClass, stages.find((m) => m.stage.share >= 1) ?? stages[0], sim, clock);
    const enter: Step<Vehicle> = {
      kind: 'call',
      fn: (v) => {
        const now = sim.nowMin;
        v.enteredAtMin = now;
        v.groups.enter(now, v.arrivedAtMin, holdsZone, v.waiting);
        v.waiting = false;
        v.daily.entered++;
        v.daily.waitSumMin += sim.nowMin - v.arrivedAtMin;
      },
    };
    // The approach: wait while the crossing is closed for this class (the gate), then for a place in the zone.
    const steps: Step<Vehicle>[] = gate ? [{ kind: 'pass', gate }, { kind: 'call', fn: (v) => void (v.passedGateAtMin = sim.nowMin) }] : [];
    if (holdsZone) steps.push({ kind: 'enter', zone: this.zone }, enter);
    const optionalShares: number[] = [];
    let entered = holdsZone;
    for (const [k, st] of stages.entries()) {
      const body = st.steps(k);
      if (!entered && st.stage.share >= 1) {
        // Vehicles without a zone place leave the approach when their first compulsory stage starts.
        body.splice(1, 0, enter);
        entered = true;
      }
      if (st.stage.share < 1) {
        const bit = 1 << optionalShares.length;
        optionalShares.push(st.stage.share);
        steps.push({ kind: 'branch', test: (v) => (v.selected & bit) !== 0, skip: body.length });
      }
      steps.push(...body);
    }
    if (!entered) steps.push(enter);
    if (holdsZone) steps.push({ kind: 'leave', zone: this.zone });
    if (optionalShares.length > 30) throw new RangeError(`crossing ${this.crossing.id}: more than 30 optional stages`);
    const spare: Vehicle[] = [];
    const trajectory = makeTrajectory<Vehicle>(steps, (v) => {
      // Its waiting: at the closed gate, then for a place (zone holders), then in the stages' queues.
      const closedMin = v.passedGateAtMin - v.arrivedAtMin;
      const zoneFullMin = holdsZone ? v.enteredAtMin - v.passedGateAtMin : 0;
      v.groups.base.exit(sim.nowMin, v.arrivedAtMin, v.tonnes, v.railcars, holdsZone, closedMin, zoneFullMin, v.stageWaitMin);
      v.daily.completed++;
      v.daily.tonnes += v.tonnes;
      v.daily.railcars += v.railcars;
      hooks.onExit(v);
      spare.push(v);
    });
    const selectRng = createStream(seed, replication, `${this.crossing.id}/${source.id}/select`);
    const serviceDraws = stages.map((st) => st.makeServiceDraw(source.id, seed, replication));
    const wagonDraws = stages.map((st) => (source.vehicleClass === 'train' ? st.makeWagonDraw(source.id, seed, replication) : null));
    return { source, trajectory, holdsZone, optionalShares, selectRng, serviceDraws, wagonDraws, daily, spare };
  }

  /** Rows for stages.csv: every stage's servers (and wagon places), then the zone as a stage named `zone`. */
  stageResults(): StageResult[] {
    const rows = this.stages.flatMap((s) => s.results());
    if (!this.paths.some((p) => p.holdsZone)) return rows;
    const dirs = (['south', 'north'] as const).filter((d) => this.paths.some((p) => p.holdsZone && p.source.direction === d)).join('+');
    return [...rows, toStageResult(this.crossing.id, 'zone', dirs, this.zone)];
  }

  /** Resets every statistic of the crossing (warm-up). */
  reset(nowMin: number): void {
    this.zone.reset();
    for (const s of this.stages) s.reset();
    for (const g of this.groups.ordered) g.reset(nowMin);
    for (const d of this.dailyCounters) d.restart(nowMin);
  }
}
