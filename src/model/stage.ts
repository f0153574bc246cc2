// One stage of a crossing as engine objects: its servers (a timetabled Resource), service-time samplers
// and, for rail stages, the wagon inspection places with the fork/join of a train's selected wagons.
import { Resource, makeTrajectory, type Interpreter, type Simulation, type Step, type Trajectory } from '../engine/index.js';
import { makeSampler, type Rng } from '../random/index.js';
import type { Stage } from '../scenario/types.js';
import type { StagePlan } from './plan.js';
import { modelStream } from './streams.js';
import type { StageResult } from './results.js';
import type { Vehicle, Wagon } from './vehicle.js';
import { MIN_PER_H } from '../units.js';

/** The engine objects of one stage. */
export class StageModel {
  readonly servers: Resource<Vehicle>;
  readonly wagonPlaces: Resource<Wagon> | null;
  private readonly wagonTrajectory: Trajectory<Wagon> | null = null;
  readonly stage: Stage;

  constructor(
    readonly crossingId: string,
    plan: StagePlan,
    sim: Simulation,
    interp: Interpreter<Vehicle>,
    wagonInterp: Interpreter<Wagon>,
  ) {
    const stage = plan.stage;
    this.stage = stage;
    const name = `${crossingId}/${stage.id}`;
    this.servers = new Resource<Vehicle>(sim, name, { schedule: plan.schedule });
    const wi = stage.wagonInspection;
    if (wi && plan.wagonSchedule) {
      const places = new Resource<Wagon>(sim, `${name}/wagons`, { schedule: plan.wagonSchedule });
      this.wagonPlaces = places;
      this.wagonTrajectory = makeTrajectory<Wagon>(
        [
          { kind: 'seize', resource: places },
          { kind: 'delay', minutes: (w) => w.inspectMin },
          { kind: 'release', resource: places },
        ],
        (w) => {
          if (--w.train.pendingWagons === 0) interp.resume(w.train);
        },
      );
      this.forkWagons = (train: Vehicle, inspectMin: Float64Array): boolean => {
        const n = inspectMin.length;
        if (n === 0) return true;
        train.pendingWagons = n;
        for (let i = 0; i < n; i++) {
          const w: Wagon = { pc: 0, trajectory: this.wagonTrajectory!, interp: null, train, inspectMin: inspectMin[i]! };
          wagonInterp.start(w, this.wagonTrajectory!);
        }
        return false;
      };
    } else {
      this.wagonPlaces = null;
    }
  }

  /** Sends the train's selected wagons to inspection (their drawn minutes); true when none were selected. */
  forkWagons: (train: Vehicle, inspectMin: Float64Array) => boolean = () => true;

  /**
   * The wagon-inspection draw for the trains of one demand source, or null when the stage inspects no
   * wagons: which wagons are selected and how long each takes, from the streams named `selectName` and
   * `inspectName` (per source and stage), so a train gets the same inspection in every plan that keeps this
   * stage's inspection (common random numbers).
   */
  makeWagonDraw(selectName: string, inspectName: string, seed: number, replication: number): ((wagons: number) => Float64Array) | null {
    const wi = this.stage.wagonInspection;
    if (!wi) return null;
    const selectRng = modelStream(seed, replication, selectName);
    const inspectRng = modelStream(seed, replication, inspectName);
    const inspect = makeSampler(wi.perWagonMin);
    return (wagons: number): Float64Array => {
      let n = 0;
      for (let i = 0; i < wagons; i++) if (selectRng.next() < wi.share) n++;
      const minutes = new Float64Array(n);
      for (let i = 0; i < n; i++) minutes[i] = inspect(inspectRng);
      return minutes;
    };
  }

  /**
   * A service-time draw for the vehicles of one demand source: its own stream per (source, stage), named
   * `serviceName`, so a vehicle gets the same service times in every plan that keeps this stage's distribution
   * (common random numbers), whatever order the vehicles reach the stage in. Base time plus a per-wagon time
   * per wagon (from the stream `perWagonName`).
   */
  makeServiceDraw(serviceName: string, perWagonName: string, seed: number, replication: number): (wagons: number) => number {
    const rng = modelStream(seed, replication, serviceName);
    const service = makeSampler(this.stage.serviceMin);
    const perWagon = makeSampler(this.stage.perWagonMin);
    const fixed = this.stage.perWagonMin.kind === 'fixed' ? this.stage.perWagonMin.value : null;
    // The per-wagon stream is made when first needed (a train at a stage with a varying per-wagon time): road
    // vehicles and fixed per-wagon times never draw from it. Streams are independent by name, so making it
    // later changes no draw.
    let wagonRng: Rng | null = null;
    return (wagons: number): number => {
      let t = service(rng);
      if (wagons > 0) {
        if (fixed !== null) t += fixed * wagons;
        else {
          wagonRng ??= modelStream(seed, replication, perWagonName);
          for (let i = 0; i < wagons; i++) t += perWagon(wagonRng);
        }
      }
      return t;
    };
  }

  /** The steps through this stage (seize, serve for the vehicle's k-th drawn time, release, its k-th wagon inspection). */
  steps(k: number): Step<Vehicle>[] {
    const servers = this.servers;
    const steps: Step<Vehicle>[] = [
      { kind: 'seize', resource: servers },
      // The delay starts the moment the seize is granted, so its queue wait is the servers' latest (no extra step).
      { kind: 'delay', minutes: (v) => ((v.stageWaitMin += servers.lastWaitMin), v.serviceMin[k]!) },
      { kind: 'release', resource: this.servers },
    ];
    if (this.wagonPlaces) steps.push({ kind: 'wait', fn: (v) => this.forkWagons(v, v.wagonInspectMin[k]!) });
    return steps;
  }

  /** Resets the stage's statistics (warm-up). */
  reset(): void {
    this.servers.reset();
    this.wagonPlaces?.reset();
  }

  /** Rows for stages.csv: the servers, and the wagon places when present. */
  results(): StageResult[] {
    const dirs = this.stage.directions.join('+');
    const rows = [toStageResult(this.crossingId, this.stage.id, dirs, this.servers)];
    if (this.wagonPlaces) rows.push(toStageResult(this.crossingId, `${this.stage.id}/wagons`, dirs, this.wagonPlaces));
    return rows;
  }
}

/** A stages.csv row of a resource (stage servers, wagon places or the zone's places). */
export function toStageResult(crossing: string, stage: string, directions: string, r: Resource<any>): StageResult {
  const s = r.stats();
  return {
    crossing,
    stage,
    directions,
    utilisation: Number.isFinite(s.utilisation) ? s.utilisation : 0,
    overtimeH: s.overtimeMin / MIN_PER_H,
    queueMean: s.queueMean,
    served: s.served,
    openServerH: s.openServerMin / MIN_PER_H,
    serversMean: s.openMin > 0 ? s.openServerMin / s.openMin : 0,
    busyMean: s.busyMean,
    fullShare: s.openMin > 0 ? s.fullMin / s.openMin : 0,
    queueWaitHMean: s.waits.count > 0 ? s.waits.mean / MIN_PER_H : NaN,
    queueWaitHP95: s.waits.quantile(0.95) / MIN_PER_H,
  };
}
