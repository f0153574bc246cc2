// Resource behaviour on tiny deterministic setups: a timetabled resource (closed nights, a dated change,
// a closed interval) against a hand-computed start/finish trace, overtime, capacity rises, priority lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { CapacitySchedule, Priority, Resource, Simulation } from '../../src/engine/index.js';

const DAY = 1440;

/** Open 08:00–18:00 every day of the week (minute 0 is a Monday 00:00). */
const dayShifts = Array.from({ length: 7 }, (_, d) => ({ fromMin: d * DAY + 480, toMin: d * DAY + 1080 }));

interface Job {
  name: string;
  arriveAtMin: number;
  serviceMin: number;
}

/** Every grant of a resource traced by runTrace: the job, when it started, and the resource's lastWaitMin then. */
const granted = new WeakMap<Resource<Job>, { job: Job; startAt: number; lastWaitMin: number }[]>();

/** Runs fixed arrivals with fixed service times through `r`; returns [name, startAt, finishAt] in finish order. */
function runTrace(sim: Simulation, r: Resource<Job>, jobs: Job[], untilMin: number): [string, number, number][] {
  const log: [string, number, number][] = [];
  const grants: { job: Job; startAt: number; lastWaitMin: number }[] = [];
  granted.set(r, grants);
  const startService = (job: Job): void => {
    const startAt = sim.nowMin;
    grants.push({ job, startAt, lastWaitMin: r.lastWaitMin });
    sim.schedule(job.serviceMin, () => {
      log.push([job.name, startAt, sim.nowMin]);
      r.release();
    }, null, Priority.release);
  };
  for (const job of jobs) {
    sim.scheduleAt(job.arriveAtMin, () => {
      if (r.request(job, startService)) startService(job);
    }, null, Priority.arrival);
  }
  sim.run(untilMin);
  return log;
}

describe('Resource with a timetable (hand-computed trace)', () => {
  // Day 0: 2 servers 08:00–18:00. Day 1: from 12:00 (minute 2160) 1 server (a dated change).
  // Day 2: closed 10:00–12:00 (3480–3600, a holiday); a change to 3 servers at 3540 takes effect at 3600.
  const schedule = new CapacitySchedule({
    servers: 2,
    weeklyOpen: dayShifts,
    changes: [{ atMin: 3540, servers: 3 }, { atMin: 2160, servers: 1 }],
    closed: [{ fromMin: 3480, toMin: 3600 }],
  });
  const jobs: Job[] = [
    // a, b wait for the 08:00 opening; c takes the server a frees at 490.
    { name: 'a', arriveAtMin: 400, serviceMin: 10 },
    { name: 'b', arriveAtMin: 400, serviceMin: 100 },
    { name: 'c', arriveAtMin: 485, serviceMin: 30 },
    // d ends exactly at closing (1080): the freed server must not start f. e runs 10 min overtime.
    { name: 'd', arriveAtMin: 1000, serviceMin: 80 },
    { name: 'e', arriveAtMin: 1070, serviceMin: 20 },
    // f, g wait overnight; both start at once when two servers open at 1920.
    { name: 'f', arriveAtMin: 1075, serviceMin: 10 },
    { name: 'g', arriveAtMin: 1085, serviceMin: 5 },
    // Capacity drops 2 → 1 at 2160 while h and i are busy: both finish (40 min overtime until h
    // ends at 2200), j does not start at 2200 (busy 1 = capacity), only when i ends at 2210.
    { name: 'h', arriveAtMin: 2100, serviceMin: 100 },
    { name: 'i', arriveAtMin: 2110, serviceMin: 100 },
    { name: 'j', arriveAtMin: 2150, serviceMin: 10 },
    // k is caught by the closure at 3480 (20 min overtime); l, m, n wait and start together at 3600
    // when capacity rises 0 → 3. m arrives at the instant k leaves, while closed.
    { name: 'k', arriveAtMin: 3400, serviceMin: 100 },
    { name: 'l', arriveAtMin: 3450, serviceMin: 10 },
    { name: 'm', arriveAtMin: 3500, serviceMin: 20 },
    { name: 'n', arriveAtMin: 3590, serviceMin: 30 },
  ];

  const sim = new Simulation();
  const r = new Resource<Job>(sim, 'booths', { schedule });
  const log = runTrace(sim, r, jobs, 3 * DAY);

  it('starts and finishes every job at the hand-computed instants', () => {
    expect(log).toEqual([
      ['a', 480, 490],
      ['c', 490, 520],
      ['b', 480, 580],
      ['d', 1000, 1080],
      ['e', 1070, 1090],
      ['g', 1920, 1925],
      ['f', 1920, 1930],
      ['h', 2100, 2200],
      ['i', 2110, 2210],
      ['j', 2210, 2220],
      ['k', 3400, 3500],
      ['l', 3600, 3610],
      ['m', 3600, 3620],
      ['n', 3600, 3630],
    ]);
  });

  it('accounts open, busy and overtime server-minutes', () => {
    const s = r.stats();
    expect(s.served).toBe(jobs.length);
    // e 10 + (h, i beyond capacity 2160–2200) 40 + k 20
    expect(s.overtimeMin).toBe(70);
    // day 0: 2×600; day 1: 2×240 + 1×360; day 2: 1×120 + 3×360
    expect(s.openServerMin).toBe(3240);
    const serviceSum = jobs.reduce((acc, j) => acc + j.serviceMin, 0);
    expect(s.busyOpenMin).toBe(serviceSum - 70);
    expect(s.utilisation).toBeCloseTo((serviceSum - 70) / 3240, 12);
    expect(s.busyMean).toBeCloseTo(serviceSum / (3 * DAY), 12);
    // a, b wait before 08:00; l, m, n wait through the closure
    expect(s.queueMax).toBe(3);
    expect(r.capacity).toBe(0); // 3 servers but closed at 72:00 (00:00 of day 3)
  });
});

describe('Resource capacity changes', () => {
  it('lets every busy server finish after a drop to zero and starts nobody new', () => {
    const schedule = new CapacitySchedule({ servers: 3, closed: [{ fromMin: 50, toMin: 200 }] });
    const sim = new Simulation();
    const r = new Resource<Job>(sim, 'lanes', { schedule });
    const log = runTrace(sim, r, [
      { name: 'a', arriveAtMin: 10, serviceMin: 100 },
      { name: 'b', arriveAtMin: 20, serviceMin: 60 },
      { name: 'c', arriveAtMin: 30, serviceMin: 25 },
      { name: 'd', arriveAtMin: 40, serviceMin: 5 },
      { name: 'e', arriveAtMin: 60, serviceMin: 5 },
    ], 300);
    expect(log).toEqual([
      ['c', 30, 55],
      ['b', 20, 80],
      ['a', 10, 110],
      ['d', 200, 205], // d waited from 40 (3 busy), through the closure, and starts at the reopening
      ['e', 200, 205],
    ]);
    expect(r.stats().overtimeMin).toBe(5 + 30 + 60); // c 50–55, b 50–80, a 50–110
  });

  it('starts every waiting entity at once when capacity rises', () => {
    const schedule = new CapacitySchedule({ servers: 1, changes: [{ atMin: 100, servers: 4 }] });
    const sim = new Simulation();
    const r = new Resource<Job>(sim, 'lanes', { schedule });
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, arriveAtMin: 0, serviceMin: 1000 }));
    const log = runTrace(sim, r, jobs, 5000);
    expect(log.map(([n, s]) => [n, s])).toEqual([
      ['a', 0],
      ['b', 100],
      ['c', 100],
      ['d', 100],
      ['e', 1000], // the fifth waits for a to finish
    ]);
  });
});

describe('Resource waiting lines', () => {
  it.each([
    { discipline: 'fifo' as const, priorities: [3, 1, 2, 1, 0], order: ['w0', 'w1', 'w2', 'w3', 'w4'] },
    { discipline: 'priority' as const, priorities: [3, 1, 2, 1, 0], order: ['w4', 'w1', 'w3', 'w2', 'w0'] },
    { discipline: 'priority' as const, priorities: [5, 5, 5, 5, 5], order: ['w0', 'w1', 'w2', 'w3', 'w4'] },
  ])('$discipline line grants in the order $order', ({ discipline, priorities, order }) => {
    const sim = new Simulation();
    const r = new Resource<string>(sim, 'x', { capacity: 1, discipline });
    const granted: string[] = [];
    expect(r.request('holder', () => {})).toBe(true);
    priorities.forEach((p, i) => expect(r.request(`w${i}`, (e) => granted.push(e), p)).toBe(false));
    expect(r.waiting).toBe(priorities.length);
    for (let k = 0; k < priorities.length; k++) r.release(); // each release hands the server to the next
    expect(granted).toEqual(order);
    expect(r.busy).toBe(1);
  });

  it('does not let a newcomer overtake a waiting entity when a server is free', () => {
    const schedule = new CapacitySchedule({ servers: 1, closed: [{ fromMin: 0, toMin: 10 }] });
    const sim = new Simulation();
    const r = new Resource<string>(sim, 'x', { schedule });
    const granted: string[] = [];
    r.request('first', (e) => granted.push(e));
    sim.run(10); // reopens at 10 and grants 'first'
    expect(granted).toEqual(['first']);
    expect(r.request('second', (e) => granted.push(e))).toBe(false);
  });

  it.each([
    { capacity: -1 },
    { capacity: 1.5 },
    { capacity: Number.NaN },
  ])('rejects a capacity of $capacity', ({ capacity }) => {
    expect(() => new Resource(new Simulation(), 'x', { capacity })).toThrow(/capacity must be a non-negative integer/);
  });

  it('throws on a release with no busy server', () => {
    const r = new Resource(new Simulation(), 'gate', { capacity: 2 });
    expect(() => r.release()).toThrow(/gate.*no busy server/);
  });

  it('reset() forgets figures before the warm-up instant', () => {
    const sim = new Simulation();
    const r = new Resource<Job>(sim, 'x', { capacity: 1 });
    runTrace(sim, r, [{ name: 'a', arriveAtMin: 0, serviceMin: 50 }, { name: 'b', arriveAtMin: 0, serviceMin: 50 }], 60);
    r.reset(); // at 60: b in service until 100, nobody waiting
    sim.run(200);
    const s = r.stats();
    expect(s.served).toBe(1);
    expect(s.openServerMin).toBe(140);
    expect(s.busyOpenMin).toBe(40);
    expect(s.queueMean).toBe(0);
    expect(s.queueMax).toBe(0);
  });
});

/**
 * A naive reference of the same semantics, written for reading rather than speed: the pending events in a
 * plain array searched for the smallest (time, priority, order scheduled) each step, the line an array, and
 * the figures integrated between consecutive event instants. Integer instants keep every sum exact.
 */
function referenceRun(servers: number, changes: { atMin: number; servers: number }[], jobs: Job[], untilMin: number) {
  type Ev = { atMin: number; prio: number; seq: number; run: () => void };
  const pending: Ev[] = [];
  let seq = 0;
  let now = 0;
  const at = (atMin: number, prio: number, run: () => void): void => void pending.push({ atMin, prio, seq: seq++, run });
  const sorted = [...changes].sort((a, b) => a.atMin - b.atMin);
  const capacityAt = (t: number): number => sorted.filter((c) => c.atMin <= t).reduce((_, c) => c.servers, servers);
  let capacity = capacityAt(0);
  let busy = 0;
  let served = 0;
  const line: Job[] = [];
  const log: [string, number, number][] = [];
  const start = (job: Job): void => {
    const startAt = now;
    at(now + job.serviceMin, Priority.release, () => {
      log.push([job.name, startAt, now]);
      busy--;
      served++;
      startWaiting();
    });
  };
  const startWaiting = (): void => {
    while (line.length > 0 && busy < capacity) {
      busy++;
      start(line.shift()!);
    }
  };
  // Capacity events at every instant where it differs from just before, as the resource schedules them.
  const instants = [...new Set(sorted.map((c) => c.atMin))].filter((t) => t > 0 && capacityAt(t) !== capacityAt(t - 1));
  for (const t of instants) at(t, Priority.capacity, () => { capacity = capacityAt(now); startWaiting(); });
  for (const job of jobs) {
    at(job.arriveAtMin, Priority.arrival, () => {
      if (busy < capacity && line.length === 0) {
        busy++;
        start(job);
      } else line.push(job);
    });
  }
  let open = 0, busyOpen = 0, overtime = 0, queueArea = 0, queueMax = 0, openTime = 0, fullTime = 0;
  const accrue = (to: number): void => {
    const dt = to - now;
    if (capacity > 0) {
      openTime += dt;
      if (busy >= capacity) fullTime += dt;
    }
    open += capacity * dt;
    busyOpen += Math.min(busy, capacity) * dt;
    overtime += Math.max(busy - capacity, 0) * dt;
    queueArea += line.length * dt;
  };
  for (;;) {
    let best = -1;
    pending.forEach((e, i) => {
      const b = pending[best];
      if (e.atMin <= untilMin && (!b || e.atMin < b.atMin || (e.atMin === b.atMin && (e.prio < b.prio || (e.prio === b.prio && e.seq < b.seq))))) best = i;
    });
    if (best < 0) break;
    const [ev] = pending.splice(best, 1);
    accrue(ev!.atMin);
    now = ev!.atMin;
    ev!.run();
    queueMax = Math.max(queueMax, line.length);
  }
  accrue(untilMin);
  return { log, served, open, busyOpen, overtime, queueMean: queueArea / untilMin, queueMax, openTime, fullTime };
}

describe('Resource against a naive reference (property)', () => {
  it('starts and finishes every job, and accounts server-minutes, as the reference does for any timetable', () => {
    const change = fc.record({ atMin: fc.integer({ min: 0, max: 300 }), servers: fc.integer({ min: 0, max: 3 }) });
    const job = fc.record({ arriveAtMin: fc.integer({ min: 0, max: 300 }), serviceMin: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(change, { maxLength: 12 }), fc.array(job, { maxLength: 40 }), (servers, changes, raw) => {
        const jobs: Job[] = raw.map((j, i) => ({ name: `j${i}`, ...j })).sort((a, b) => a.arriveAtMin - b.arriveAtMin);
        const untilMin = 400;
        const sim = new Simulation();
        const r = new Resource<Job>(sim, 'r', { schedule: new CapacitySchedule({ servers, changes }) });
        const log = runTrace(sim, r, jobs, untilMin);
        const ref = referenceRun(servers, changes, jobs, untilMin);
        expect(log).toEqual(ref.log);
        const s = r.stats();
        expect(s.served).toBe(ref.served);
        expect(s.openServerMin).toBe(ref.open);
        expect(s.busyOpenMin).toBe(ref.busyOpen);
        expect(s.overtimeMin).toBe(ref.overtime);
        expect(s.queueMax).toBe(ref.queueMax);
        expect(s.queueMean).toBeCloseTo(ref.queueMean, 12);
        expect(s.openMin).toBe(ref.openTime);
        expect(s.fullMin).toBe(ref.fullTime);
        // One wait per grant: from the job's arrival to its start (0 when it started at once), and lastWaitMin
        // holds it when the granted job starts.
        const waits = granted.get(r)!;
        expect(waits.map((w) => w.lastWaitMin)).toEqual(waits.map((w) => w.startAt - w.job.arriveAtMin));
        expect(s.waits.count).toBe(waits.length);
        expect(s.waits.sum).toBeCloseTo(waits.reduce((a, w) => a + w.startAt - w.job.arriveAtMin, 0), 9);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
