// What a crossing tells whoever watches its vehicles: the statistics (stats-monitor.ts) and the vehicle trace
// (trace-monitor.ts) are two implementations of this one interface. The crossing calls it at fixed points of a
// vehicle's life; nothing of either is spliced into the routes.
import type { Vehicle } from './vehicle.js';

export interface VehicleMonitor {
  /** A vehicle arrived at `nowMin` and was let onto the approach (it starts its route next). */
  arrived(v: Vehicle, nowMin: number): void;
  /** A vehicle arrived at `nowMin` and was turned away (its approach was full). */
  turnedAway(v: Vehicle, nowMin: number): void;
  /** A vehicle arrived at `nowMin` at the waiting area and booked a slot (it will come: not a no-show). */
  booked(v: Vehicle, nowMin: number): void;
  /** A vehicle arrived at `nowMin` and booked a slot it will never use (a no-show): it leaves the model. */
  noShow(v: Vehicle, nowMin: number): void;
  /** A booked vehicle leaves the waiting area at `nowMin` (its slot's hour): it drives onto the approach (arrivedAtMin). */
  leftWaitingArea(v: Vehicle, nowMin: number): void;
  /** The vehicle that arrived at `nowMin` could not go straight in: it joins its approach queue. */
  queued(v: Vehicle, nowMin: number): void;
  /** The vehicle leaves the approach at `nowMin`: it takes its zone place, or its first compulsory stage starts. */
  entered(v: Vehicle, nowMin: number): void;
  /** The vehicle has passed its last stage and left the crossing at `nowMin`. */
  exited(v: Vehicle, nowMin: number): void;
  /** Local day `date` ended at `nowMin` (measured days only: after the warm-up). */
  dayClosed(date: string, nowMin: number): void;
}

/** Two monitors told the same events, the first first (statistics, then the trace). */
export class MonitorPair implements VehicleMonitor {
  constructor(
    private readonly first: VehicleMonitor,
    private readonly second: VehicleMonitor,
  ) {}

  arrived(v: Vehicle, nowMin: number): void {
    this.first.arrived(v, nowMin);
    this.second.arrived(v, nowMin);
  }

  turnedAway(v: Vehicle, nowMin: number): void {
    this.first.turnedAway(v, nowMin);
    this.second.turnedAway(v, nowMin);
  }

  booked(v: Vehicle, nowMin: number): void {
    this.first.booked(v, nowMin);
    this.second.booked(v, nowMin);
  }

  noShow(v: Vehicle, nowMin: number): void {
    this.first.noShow(v, nowMin);
    this.second.noShow(v, nowMin);
  }

  leftWaitingArea(v: Vehicle, nowMin: number): void {
    this.first.leftWaitingArea(v, nowMin);
    this.second.leftWaitingArea(v, nowMin);
  }

  queued(v: Vehicle, nowMin: number): void {
    this.first.queued(v, nowMin);
    this.second.queued(v, nowMin);
  }

  entered(v: Vehicle, nowMin: number): void {
    this.first.entered(v, nowMin);
    this.second.entered(v, nowMin);
  }

  exited(v: Vehicle, nowMin: number): void {
    this.first.exited(v, nowMin);
    this.second.exited(v, nowMin);
  }

  dayClosed(date: string, nowMin: number): void {
    this.first.dayClosed(date, nowMin);
    this.second.dayClosed(date, nowMin);
  }
}
