// The vehicle trace as a vehicle monitor: one VehicleTrace per vehicle, when it exits, is turned away or does not
// come to its booked slot, and for those still inside (on the road, in the crossing or in the waiting area) at the
// end of the run (finish()).
import type { VehicleMonitor } from './monitor.js';
import type { BorderPlan, CrossingPlan } from './plan.js';
import type { VehicleTrace } from './results.js';
import type { Vehicle } from './vehicle.js';

/** What a vehicle's row says of its path: the source, and the corridor it came by (if any). */
export interface PathLabel {
  readonly source: string;
  readonly corridor: string;
  readonly diverted: boolean;
}

/** The labels of a crossing's paths, by path index. */
export function pathLabels(plan: BorderPlan, crossing: CrossingPlan): PathLabel[] {
  return crossing.paths.map((p) => ({
    source: p.source.id,
    corridor: p.corridor === null ? '' : plan.corridors[p.corridor.corridor]!.corridor.id,
    diverted: p.corridor?.diverted ?? false,
  }));
}

export class TraceMonitor implements VehicleMonitor {
  /** Vehicles on their route now, in the order they arrived. */
  private readonly live = new Set<Vehicle>();

  constructor(
    private readonly crossingId: string,
    private readonly labels: readonly PathLabel[],
    private readonly replication: number,
    private readonly onVehicle: (t: VehicleTrace) => void,
  ) {}

  arrived(v: Vehicle): void {
    this.live.add(v);
  }

  turnedAway(v: Vehicle): void {
    this.emit(v, 'turned_away', NaN);
  }

  booked(v: Vehicle): void {
    this.live.add(v);
  }

  noShow(v: Vehicle): void {
    this.emit(v, 'no_show', NaN);
  }

  leftWaitingArea(): void {}

  queued(): void {}

  entered(): void {}

  exited(v: Vehicle, nowMin: number): void {
    this.live.delete(v);
    this.emit(v, 'completed', nowMin);
  }

  dayClosed(): void {}

  /** The end of the run: every vehicle still inside, in arrival order. */
  finish(): void {
    for (const v of this.live) this.emit(v, 'in_system', NaN);
    this.live.clear();
  }

  private emit(v: Vehicle, outcome: VehicleTrace['outcome'], exitedAtMin: number): void {
    this.onVehicle({
      replication: this.replication,
      vehicle: v.id,
      crossing: this.crossingId,
      direction: v.source.direction,
      vehicleClass: v.source.vehicleClass,
      cargo: v.source.cargo,
      ...this.labels[v.path]!,
      tonnes: v.tonnes,
      railcars: v.railcars,
      // A booked vehicle's arrival is on the road, when it left the waiting area (as in approach_wait_* and
      // crossing_time_*); one still in the waiting area, or a no-show, has only its arrival there.
      arrivedAtMin: v.arrivedAtMin,
      enteredAtMin: v.enteredAtMin,
      exitedAtMin,
      outcome,
    });
  }
}
