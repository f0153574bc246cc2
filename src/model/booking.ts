// Booked arrival slots (an electronic queue, as Estonia's GoSwift or Zabaikalsk's) of one crossing in one
// replication. A vehicle of a booking direction and class books, on arrival at the waiting area, the earliest clock
// hour (local time) of its direction and class that has a free slot (hours starting outside the booking service's
// hours, or on the crossing's closed dates, have none); the current hour counts when it has room, and then the
// vehicle leaves the waiting area at once. Otherwise it waits there until its hour starts. Leaving, it drives onto
// the road approach and goes on as a vehicle arriving then would (gate, zone, stages), but is never turned away by
// the approach limit: its slot admits it (and every vehicle of a booking direction and class books, so the limit
// has nobody left to turn away on that queue). A share of booked vehicles never come (no-shows, drawn on arrival from the source's own `booking` stream): their slot
// stays booked and unused.
import { Priority, type CapacitySchedule, type Simulation } from '../engine/index.js';
import type { Rng } from '../random/index.js';
import { windowsHoldHourStart } from '../scenario/calendar.js';
import type { Booking, DemandSource } from '../scenario/types.js';
import { MIN_PER_H } from '../units.js';
import type { ModelClock } from './clock.js';
import type { VehicleMonitor } from './monitor.js';
import { buildGateSchedule } from './timetable.js';
import type { Vehicle } from './vehicle.js';

/** A crossing's booking service ready to simulate: its rules and when it has slots (capacity 1: a clock hour starting then has slots). */
export interface BookingPlan {
  readonly booking: Booking;
  /** Null when no window of the hours holds an hour's start (validation refuses those): never a slot. */
  readonly hours: CapacitySchedule | null;
}

/** The booking plan of a crossing (built once per plan, shared by its replications); null without booking. */
export function planBooking(booking: Booking | null, clock: ModelClock): BookingPlan | null {
  if (booking === null) return null;
  return { booking, hours: windowsHoldHourStart(booking.timetable.windows) ? buildGateSchedule(booking.timetable, clock) : null };
}

/** Slots per hour for the vehicles of `source` at a crossing with `booking`; null when they do not book. */
export function slotsPerHourOf(booking: Booking | null, source: DemandSource): number | null {
  if (booking === null || !booking.directions.includes(source.direction)) return null;
  return booking.slotsPerHour[source.vehicleClass] ?? null;
}

/**
 * The slots of one direction and class. A booking always takes the earliest hour with room at or after the current
 * one, so every hour before the one booked last is full, past or without slots: that hour and its count say everything.
 */
export class SlotBook {
  /** Index of the hour booked last (minute 0 of the run = hour 0), and its bookings. */
  private hour = -1;
  private booked = 0;

  /**
   * `hours`: when the service has slots (a clock hour has them when the schedule is open at its start); its weekly
   * windows hold an hour's start, so past its closed dates a week has slots. Null: never a slot.
   */
  constructor(
    readonly perHour: number,
    private readonly hours: CapacitySchedule | null,
  ) {
    if (hours === null) this.hour = Infinity;
  }

  /**
   * The minute the slot a booking at `atMin` would get starts (`atMin` itself when it is in the current hour, which
   * has room), as the electronic queue shows it now (bookings made meanwhile are not foreseen); Infinity when no hour
   * to come has slots. Books nothing.
   */
  slotStartMin(atMin: number): number {
    const hour = this.hourFor(atMin);
    return hour <= Math.floor(atMin / MIN_PER_H) ? atMin : hour * MIN_PER_H;
  }

  /**
   * Books the earliest hour with a free slot at or after the hour of `nowMin`; returns that hour's index, or
   * Infinity when no hour to come has slots (the booking service never opens again).
   */
  book(nowMin: number): number {
    const hour = this.hourFor(nowMin);
    if (hour !== this.hour) {
      this.hour = hour;
      this.booked = 0;
    }
    this.booked++;
    return hour;
  }

  /**
   * The hour a booking at `atMin` takes: the current one once the hours booked before are gone, else the one booked
   * last while it has room, else the next; the first with slots from there (Infinity: none to come).
   */
  private hourFor(atMin: number): number {
    if (this.hour === Infinity) return Infinity;
    const current = Math.floor(atMin / MIN_PER_H);
    const hour = this.hour < current ? current : this.booked >= this.perHour ? this.hour + 1 : this.hour;
    return this.hasSlots(hour) ? hour : this.nextWithSlots(hour);
  }

  private hasSlots(hour: number): boolean {
    return this.hours!.capacityAt(hour * MIN_PER_H) > 0;
  }

  /** The first hour after `hour` (which has none) with slots: from the next opening on, hour by hour. */
  private nextWithSlots(hour: number): number {
    let h = hour;
    for (;;) {
      const opensMin = this.hours!.nextChangeAfter(h * MIN_PER_H);
      if (opensMin === Infinity) return Infinity;
      h = Math.ceil(opensMin / MIN_PER_H);
      // An opening that holds no hour's start (08:10-08:50) gives none: look on from there.
      if (this.hasSlots(h)) return h;
    }
  }
}

/** Where a vehicle goes from the waiting area: onto its road approach (SourceArrival), or back to the spares. */
export interface RoadEntry {
  /** The vehicle drives onto its road approach now (its arrival on the road is `nowMin`). */
  drive(v: Vehicle, nowMin: number): void;
  /** The vehicle will not come (a no-show): its object may be reused. */
  discard(v: Vehicle): void;
}

/** The vehicles in a crossing's waiting area now (for the conservation check). */
export interface WaitingArea {
  inside: number;
}

/** One demand source's bookings: its direction and class's slots, its no-show draws, its vehicles' waits. */
export class PathBooking {
  private road: RoadEntry | null = null;

  constructor(
    private readonly sim: Simulation,
    /** Its direction and class's slots (shared with the crossing's other sources of them). */
    readonly slots: SlotBook,
    private readonly noShowShare: number,
    private readonly noShowRng: Rng,
    private readonly monitor: VehicleMonitor,
    private readonly area: WaitingArea,
  ) {}

  /** The source's road entry (set once, by its SourceArrival). */
  attach(road: RoadEntry): void {
    this.road = road;
  }

  /** Vehicle `v` (its draws made) arrives at the waiting area now: it books its slot, then waits or drives on. */
  arrive(v: Vehicle, nowMin: number): void {
    const road = this.road!;
    const hour = this.slots.book(nowMin);
    // One draw for every booked vehicle, whatever the share, so the source's stream stays aligned across plans.
    if (this.noShowRng.next() < this.noShowShare) {
      this.monitor.noShow(v, nowMin);
      road.discard(v);
      return;
    }
    v.bookedAtMin = nowMin;
    this.monitor.booked(v, nowMin);
    const slotMin = hour * MIN_PER_H;
    if (slotMin <= nowMin) {
      this.leave(v, nowMin);
      return;
    }
    this.area.inside++;
    // No slot to come (validation refuses hours without one; closed dates to the end of time): it stays there.
    if (slotMin !== Infinity) this.sim.scheduleAt(slotMin, this.release, v, Priority.arrival);
  }

  /** A waiting vehicle's slot hour starts. */
  private readonly release = (v: Vehicle): void => {
    this.area.inside--;
    this.leave(v, this.sim.nowMin);
  };

  private leave(v: Vehicle, nowMin: number): void {
    v.arrivedAtMin = nowMin;
    v.passedGateAtMin = nowMin;
    this.monitor.leftWaitingArea(v, nowMin);
    this.road!.drive(v, nowMin);
  }
}

/** A crossing's booking service in one replication: one slot book per booking (direction, class), the waiting area. */
export class BookingDesk implements WaitingArea {
  inside = 0;
  private readonly books = new Map<string, SlotBook>();

  constructor(
    private readonly plan: BookingPlan | null,
    private readonly sim: Simulation,
    private readonly monitor: VehicleMonitor,
  ) {}

  /** The bookings of `source`'s vehicles, drawing no-shows from `noShowRng()`; null when they do not book. */
  forSource(source: DemandSource, noShowRng: () => Rng): PathBooking | null {
    const plan = this.plan;
    const perHour = slotsPerHourOf(plan?.booking ?? null, source);
    if (plan === null || perHour === null) return null;
    const key = `${source.direction}/${source.vehicleClass}`;
    let book = this.books.get(key);
    if (book === undefined) {
      book = new SlotBook(perHour, plan.hours);
      this.books.set(key, book);
    }
    return new PathBooking(this.sim, book, plan.booking.noShowShare, noShowRng(), this.monitor, this);
  }
}
