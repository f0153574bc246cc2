// Booked arrival slots: the slot arithmetic, the instants booked vehicles drive on, the road queue a booking leaves
// (none with enough slots, bounded with few), the waiting-area time, no-shows, and common random numbers.
import { describe, expect, it } from 'vitest';
import { planBooking, SlotBook } from '../../src/model/booking.js';
import { runReplication } from '../../src/model/run.js';
import { describeRoutes } from '../../src/model/describe.js';
import { buildPlan } from '../../src/model/plan.js';
import { formatRoutes } from '../../src/commands/explain.js';
import type { GroupResult, ReplicationResult, VehicleTrace } from '../../src/model/results.js';
import type { Booking, Crossing } from '../../src/scenario/types.js';
import { ModelClock } from '../../src/model/clock.js';
import { buildGateSchedule } from '../../src/model/timetable.js';
import { ALWAYS, crossing, demand, hours, scenario, stage } from '../helpers/scenarios.js';

const booking = (over: Partial<Booking> = {}): Booking => ({ slotsPerHour: { truck: 2 }, directions: ['south', 'north'], noShowShare: 0, timetable: ALWAYS, source: 'test', ...over });

/** One road crossing without a zone (a vehicle leaves the approach when its stage starts serving it). */
function roadCrossing(over: Partial<Crossing> & { servers: number; serviceMin: number; vehiclesPerDay: number; arrivals?: 'poisson' | 'regular' }): Crossing {
  const { servers, serviceMin, vehiclesPerDay, arrivals = 'poisson', ...rest } = over;
  return crossing({
    id: 'x',
    zone: { places: 1, classes: [], source: 'test' },
    stages: [stage({ id: 'customs', classes: ['truck'], servers, serviceMin: { kind: 'fixed', value: serviceMin } })],
    demand: [demand({ id: 's', vehiclesPerDay, arrivals })],
    ...rest,
  });
}

function run(c: Crossing, days: number, seed = 1, onVehicle?: (t: VehicleTrace) => void): ReplicationResult {
  return runReplication(scenario([c], { days }), { seed, replication: 0, days, warmupDays: 0, ...(onVehicle ? { onVehicle } : {}) });
}

const truckSouth = (r: ReplicationResult): GroupResult['values'] => r.groups.find((g) => g.direction === 'south' && g.vehicleClass === 'truck')!.values;

describe('SlotBook', () => {
  it('books the current hour while it has room, then the next hours in turn, and skips hours gone by', () => {
    const book = new SlotBook(2, buildGateSchedule(ALWAYS, new ModelClock('2023-01-02')));
    expect([0, 10, 20, 30, 40].map((t) => book.book(t))).toEqual([0, 0, 1, 1, 2]);
    // Hour 2 still has one slot; at minute 200 (hour 3) the hours before are gone.
    expect(book.book(100)).toBe(2);
    expect(book.book(200)).toBe(3);
    expect(book.book(239.9)).toBe(3);
    expect(book.book(239.95)).toBe(4);
  });
});

describe('SlotBook.slotStartMin', () => {
  it('tells, without booking, when the slot of a booking at that minute would start (that minute in the current hour)', () => {
    for (const timetable of [ALWAYS, hours('08:00', '10:00', ['2023-01-03'])]) {
      const book = new SlotBook(2, buildGateSchedule(timetable, new ModelClock('2023-01-02')));
      const twin = new SlotBook(2, buildGateSchedule(timetable, new ModelClock('2023-01-02')));
      // bookings at uneven instants over three days, some in bursts: the peek agrees with the booking that follows
      let t = 0;
      for (let i = 0; i < 400; i++) {
        t += ((i * 37) % 11) * 3.7 + (i % 5 === 0 ? 0 : 0.5);
        const peek = book.slotStartMin(t);
        const hour = book.book(t);
        expect(peek, `booking ${i} at ${t}`).toBe(hour * 60 <= t ? t : hour * 60);
        // peeking books nothing: the twin, never peeked, books the same hours
        expect(twin.book(t)).toBe(hour);
      }
    }
  });

  it('is Infinity when the service never opens again', () => {
    expect(new SlotBook(1, null).slotStartMin(5)).toBe(Infinity);
  });
});

describe('SlotBook with booking hours', () => {
  it('gives slots only in hours that start while the service is open, and none on closed dates', () => {
    // Monday 2023-01-02 is day 0; slots 08:00-10:00 every day but Tuesday (closed), 1 an hour.
    const book = new SlotBook(1, buildGateSchedule(hours('08:00', '10:00', ['2023-01-03']), new ModelClock('2023-01-02')));
    const hourOf = (t: number) => book.book(t);
    expect([hourOf(0), hourOf(0), hourOf(0)]).toEqual([8, 9, 24 + 24 + 8]);
    expect(hourOf(8.5 * 60 + 48 * 60)).toBe(24 + 24 + 9);
  });

  it('skip an opening that holds no hour’s start, and give none once the service never opens again', () => {
    const clock = new ModelClock('2023-01-02');
    const odd = hours('08:10', '08:50');
    odd.windows.push({ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 12 * 60, closeMin: 13 * 60 });
    expect(new SlotBook(5, buildGateSchedule(odd, clock)).book(0)).toBe(12);
    const never = planBooking(booking({ timetable: hours('08:10', '08:50') }), clock)!;
    expect(never.hours).toBeNull();
    expect(new SlotBook(5, never.hours).book(0)).toBe(Infinity);
  });
});

describe('booked vehicles', () => {
  it('wait in the waiting area, not on the road, for the booking service to open', () => {
    // Trucks round the clock, stage open 08:00-20:00. Booking slots 08:00-20:00 (enough of them): night arrivals wait
    // in the waiting area; without booking (or with slots round the clock) they wait on the road at the closed gate.
    const c = (b: Booking | null) => roadCrossing({ servers: 4, serviceMin: 10, vehiclesPerDay: 48, booking: b, stages: [stage({ id: 'customs', classes: ['truck'], servers: 4, timetable: hours('08:00', '20:00'), serviceMin: { kind: 'fixed', value: 10 } })] });
    const day = truckSouth(run(c(booking({ slotsPerHour: { truck: 20 }, timetable: hours('08:00', '20:00') })), 20));
    const always = truckSouth(run(c(booking({ slotsPerHour: { truck: 20 } })), 20));
    const none = truckSouth(run(c(null), 20));
    expect(none.wait_closed_h_mean).toBeGreaterThan(2);
    expect(always.wait_closed_h_mean).toBeCloseTo(none.wait_closed_h_mean, 9);
    expect(always.booking_wait_h_mean).toBe(0);
    expect(day.wait_closed_h_mean).toBe(0);
    expect(day.booking_wait_h_mean).toBeGreaterThan(2);
    expect(day.approach_queue_mean).toBeLessThan(none.approach_queue_mean / 10);
  });


  it('leave the waiting area at once in an hour with room, else at the start of their slot’s hour', () => {
    // A truck every 5 minutes, 2 slots an hour, a free stage: the road arrival is the slot's instant.
    const c = roadCrossing({ servers: 100, serviceMin: 1, vehiclesPerDay: 288, arrivals: 'regular', booking: booking() });
    const traces: VehicleTrace[] = [];
    const r = run(c, 1, 1, (t) => traces.push(t));
    // The trucks reach the waiting area at minutes 5, 10, 15, ...; the trace's arrival is on the road.
    const first = traces.filter((t) => t.outcome === 'completed').sort((a, b) => a.vehicle - b.vehicle).slice(0, 7);
    expect(first.map((t) => t.vehicle - first[0]!.vehicle)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(first.map((t) => t.arrivedAtMin)).toEqual([5, 10, 60, 60, 120, 120, 180]);
    expect(first.map((t) => t.enteredAtMin)).toEqual([5, 10, 60, 60, 120, 120, 180]);
    // Inside at the end: the 2 of hour 24's slots, on the road at midnight, and 237 still in the waiting area (their
    // arrival there, no entry).
    const inside = traces.filter((t) => t.outcome === 'in_system');
    expect(inside.filter((t) => t.enteredAtMin === 1440 && t.arrivedAtMin === 1440).length).toBe(2);
    const waiting = inside.filter((t) => Number.isNaN(t.enteredAtMin));
    expect(waiting.length).toBe(237);
    expect(waiting.every((t) => t.arrivedAtMin < 1440)).toBe(true);
    const v = truckSouth(r);
    // 287 arrivals before midnight (the 288th falls on it), 48 slots in the day: 48 came onto the road, the others
    // are in the waiting area at the end.
    expect([v.arrivals, v.completed, v.in_system_end, v.no_shows]).toEqual([287, 48, 239, 0]);
    expect(v.approach_wait_h_max).toBe(0);
    expect(v.booking_wait_h_mean).toBeGreaterThan(0);
    expect(r.invariants.every((i) => i.ok)).toBe(true);
  });

  it('with enough slots leave no road queue where arrivals alone make one', () => {
    // 3 slots an hour, 6 servers, 60-minute service: any 60 minutes hold road arrivals of at most two clock hours (6),
    // so no vehicle ever waits on the road. Without booking the same Poisson arrivals (2.4 an hour) queue.
    const base = { servers: 6, serviceMin: 60, vehiclesPerDay: 57.6 };
    for (const seed of [1, 2, 3]) {
      const booked = truckSouth(run(roadCrossing({ ...base, booking: booking({ slotsPerHour: { truck: 3 } }) }), 30, seed));
      const free = truckSouth(run(roadCrossing(base), 30, seed));
      expect(free.approach_wait_h_max).toBeGreaterThan(0);
      expect([booked.approach_wait_h_max, booked.approach_queue_max, booked.approach_queue_mean]).toEqual([0, 0, 0]);
      expect(booked.completed).toBeGreaterThan(1500);
      expect(booked.booking_wait_h_mean).toBeGreaterThan(0);
    }
  });

  it('with few slots wait longer in the waiting area, ever longer under overload, while the road queue stays bounded', () => {
    // 5 trucks an hour, 3 slots; one server serves 3 an hour (20 min): each hour brings at most 60 minutes of
    // work, so at most 120 minutes are ever unfinished and fewer than 2 × 3 vehicles queue on the road.
    const few = (days: number, slots: number) =>
      truckSouth(run(roadCrossing({ servers: 1, serviceMin: 20, vehiclesPerDay: 120, booking: booking({ slotsPerHour: { truck: slots } }) }), days));
    const free = truckSouth(run(roadCrossing({ servers: 1, serviceMin: 20, vehiclesPerDay: 120 }), 10));
    const tenDays = few(10, 3);
    expect(tenDays.approach_queue_max).toBeLessThan(2 * 3);
    expect(free.approach_queue_max).toBeGreaterThan(100);
    // Overloaded: the waiting area's backlog grows by some 2 trucks an hour, and so does the wait.
    expect(tenDays.booking_wait_h_mean).toBeGreaterThan(1.5 * few(5, 3).booking_wait_h_mean);
    expect(tenDays.booking_wait_h_mean).toBeGreaterThan(10);
    expect(tenDays.completed).toBeLessThanOrEqual(10 * 24 * 3);
    // More slots than trucks (and a server fast enough for them): short waits.
    const more = truckSouth(run(roadCrossing({ servers: 2, serviceMin: 20, vehiclesPerDay: 120, booking: booking({ slotsPerHour: { truck: 6 } }) }), 10));
    expect(more.booking_wait_h_mean).toBeLessThan(1);
    expect(more.booking_wait_h_p95).toBeLessThanOrEqual(1);
  });

  it('include a share of no-shows, within the confidence interval of the share set', () => {
    const share = 0.2;
    const c = roadCrossing({ servers: 4, serviceMin: 5, vehiclesPerDay: 200, booking: booking({ slotsPerHour: { truck: 20 }, noShowShare: share }) });
    for (const seed of [1, 2, 3, 4]) {
      const traces: VehicleTrace[] = [];
      const r = run(c, 20, seed, (t) => traces.push(t));
      const v = truckSouth(r);
      expect(v.arrivals).toBeGreaterThan(3500);
      const measured = v.no_show_share;
      expect(measured).toBe(v.no_shows / v.arrivals);
      const halfWidth = 4 * Math.sqrt((share * (1 - share)) / v.arrivals);
      expect(Math.abs(measured - share)).toBeLessThan(halfWidth);
      expect(traces.filter((t) => t.outcome === 'no_show').length).toBe(v.no_shows);
      expect(v.arrivals).toBe(v.completed + v.in_system_end + v.no_shows);
      expect(r.invariants.every((i) => i.ok)).toBe(true);
    }
  });

  it('book only in their classes and directions, and leave every other source’s draws and results as they were', () => {
    // North trucks book; south trucks and cars (their own stages) run exactly as without booking.
    const c = (b: Booking | null): Crossing => crossing({
      id: 'x',
      zone: { places: 1, classes: [], source: 'test' },
      booking: b,
      stages: [
        stage({ id: 'south', directions: ['south'], classes: ['truck', 'car'], servers: 1, serviceMin: { kind: 'exponential', mean: 12 } }),
        stage({ id: 'north', directions: ['north'], classes: ['truck'], servers: 1, serviceMin: { kind: 'exponential', mean: 12 } }),
      ],
      demand: [
        demand({ id: 'ts', vehiclesPerDay: 60, arrivals: 'poisson' }),
        demand({ id: 'cs', vehicleClass: 'car', payloadT: 0, vehiclesPerDay: 30, arrivals: 'poisson' }),
        demand({ id: 'tn', direction: 'north', vehiclesPerDay: 100, arrivals: 'poisson' }),
      ],
    });
    const with_ = run(c(booking({ slotsPerHour: { truck: 3, car: 1 }, directions: ['north'], noShowShare: 0.1 })), 10);
    const without = run(c(null), 10);
    const pick = (r: ReplicationResult, d: string, k: string) => r.groups.find((g) => g.direction === d && g.vehicleClass === k)!.values;
    expect(pick(with_, 'south', 'truck')).toEqual(pick(without, 'south', 'truck'));
    expect(pick(with_, 'south', 'car')).toEqual(pick(without, 'south', 'car'));
    expect(pick(with_, 'south', 'car').no_shows).toBe(0);
    const north = pick(with_, 'north', 'truck');
    expect(north.arrivals).toBe(pick(without, 'north', 'truck').arrivals);
    expect(north.no_shows).toBeGreaterThan(0);
    expect(north.booking_wait_h_mean).toBeGreaterThan(0);
    expect(pick(without, 'north', 'truck').booking_wait_h_mean).toBeNaN();
    expect(north.approach_queue_max).toBeLessThan(pick(without, 'north', 'truck').approach_queue_max);
    // Totals take their parts' no-shows and waiting-area times.
    const all = pick(with_, 'all', 'all');
    expect(all.no_shows).toBe(north.no_shows);
    expect(all.booking_wait_h_mean).toBeCloseTo(north.booking_wait_h_mean, 9);
    // …and the no-show share is of all their arrivals: 0 where nobody books
    expect(all.no_show_share).toBeCloseTo(north.no_shows / all.arrivals, 12);
    expect(pick(with_, 'south', 'truck').no_show_share).toBe(0);
  });
});

describe('a booked route described (validate --explain)', () => {
  it('starts with the booked slot where the direction and class book, and only there', () => {
    const c = roadCrossing({ servers: 1, serviceMin: 5, vehiclesPerDay: 10, booking: booking({ slotsPerHour: { truck: 4 }, directions: ['south'], noShowShare: 0.05 }) });
    c.demand.push(demand({ id: 'n', direction: 'north', vehiclesPerDay: 10 }));
    const routes = describeRoutes(buildPlan(scenario([c])));
    expect(routes.map((r) => r.steps[0])).toEqual([{ kind: 'booking', slotsPerHour: 4, noShowShare: 0.05 }, { kind: 'stage', stage: 'customs', share: 1, servers: 1, changes: [], entersOnStart: true, wagonPlaces: null }]);
    expect(formatRoutes(routes)).toEqual([
      '  x',
      '    s (south truck loaded, 10 a day): booked slot (4 an hour, 5% no-shows) → customs ×1 (leaves the approach when served)',
      '    n (north truck loaded, 10 a day): customs ×1 (leaves the approach when served)',
    ]);
  });
});
