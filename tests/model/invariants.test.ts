// The end-of-run checks on synthetic vehicle lives fed straight to a crossing's groups: conservation and Little's
// law hold for any arrivals, waits, exits and warm-up instant (vehicles straddling it, some still inside at the
// end), the totals are the sums of their parts, and each check reports a broken account instead of passing it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { CrossingGroups } from '../../src/model/crossing-groups.js';
import { checkInvariants, type WalkerCounts } from '../../src/model/invariants.js';
import type { Direction, VehicleClass } from '../../src/scenario/types.js';

const PAIRS: { direction: Direction; vehicleClass: VehicleClass }[] = [
  { direction: 'south', vehicleClass: 'truck' },
  { direction: 'north', vehicleClass: 'truck' },
  { direction: 'south', vehicleClass: 'car' },
];

/** A vehicle's life: arrival, minutes on the approach (0 = straight in), minutes inside; Infinity = not by the end. */
interface Life {
  pair: number;
  arriveAtMin: number;
  waitMin: number;
  insideMin: number;
}

/** Quarter minutes: fractional instants whose sums stay exact. */
const quarter = (max: number) => fc.integer({ min: 0, max: 4 * max }).map((q) => q / 4);
const life = fc.record({
  pair: fc.integer({ min: 0, max: PAIRS.length - 1 }),
  arriveAtMin: quarter(200),
  waitMin: fc.oneof(fc.constant(0), quarter(80), fc.constant(Infinity)),
  insideMin: fc.oneof(quarter(60), fc.constant(Infinity)),
});

/**
 * Feeds the lives to a crossing's groups in time order, with a warm-up reset at `resetAtMin`, up to `endMin`; also
 * counts, as the engine would, the vehicles still walking at the end and those finished after the reset.
 */
function play(lives: Life[], resetAtMin: number, endMin: number): { groups: CrossingGroups; walkers: WalkerCounts } {
  const groups = new CrossingGroups('x', PAIRS, 0);
  const sets = PAIRS.map((p) => groups.setFor(p.direction, p.vehicleClass));
  // (instant, order at that instant, action): arrivals, then entries, then exits; the reset after them all.
  const events: [number, number, () => void][] = [[resetAtMin, 3, () => groups.ordered.forEach((g) => g.reset(resetAtMin))]];
  for (const v of lives) {
    const set = sets[v.pair]!;
    const waited = v.waitMin > 0;
    const enterAt = v.arriveAtMin + v.waitMin;
    const exitAt = enterAt + v.insideMin;
    events.push([v.arriveAtMin, 0, () => {
      set.base.arrive(v.arriveAtMin);
      if (waited) set.startWaiting(v.arriveAtMin);
      else set.enter(v.arriveAtMin, v.arriveAtMin, false, false);
    }]);
    if (waited && enterAt <= endMin) events.push([enterAt, 1, () => set.enter(enterAt, v.arriveAtMin, false, true)]);
    if (exitAt <= endMin) events.push([exitAt, 2, () => set.base.exit(exitAt, v.arriveAtMin, 20, 0, false, v.waitMin, 0, 0)]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, , act] of events) act();
  const exits = lives.map((v) => v.arriveAtMin + v.waitMin + v.insideMin);
  const walkers = {
    walking: exits.filter((t) => !(t <= endMin)).length,
    finishedSinceReset: exits.filter((t) => t > resetAtMin && t <= endMin).length,
    inWaitingArea: 0,
  };
  return { groups, walkers };
}

describe('invariants on a crossing’s groups', () => {
  it('hold for any vehicle lives and warm-up instant, and totals are the sums of their parts (property)', () => {
    fc.assert(
      fc.property(fc.array(life, { maxLength: 60 }), quarter(150), (lives, resetAtMin) => {
        const endMin = 300;
        const { groups, walkers } = play(lives, resetAtMin, endMin);
        const results = groups.results(endMin);
        const checks = checkInvariants(groups, 'x', endMin, walkers);
        expect(checks.map((c) => [c.name, c.ok])).toEqual([['conservation', true], ['littles_law', true]]);
        const of = (d: string, c: string) => results.find((r) => r.direction === d && r.vehicleClass === c)!.values;
        const bases = PAIRS.map((p) => of(p.direction, p.vehicleClass));
        for (const m of ['arrivals', 'completed', 'in_system_end', 'tonnes'] as const) {
          expect(of('all', 'all')[m]).toBe(bases.reduce((s, b) => s + b[m], 0));
          expect(of('south', 'all')[m]).toBe(bases[0]![m] + bases[2]![m]);
          expect(of('all', 'truck')[m]).toBe(bases[0]![m] + bases[1]![m]);
        }
        // The total's queue is tracked live; its time-average must equal the sum of the parts' (time-averages add).
        expect(of('all', 'all').approach_queue_mean).toBeCloseTo(bases.reduce((s, b) => s + b.approach_queue_mean, 0), 9);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('reports a vehicle counted twice on arrival as a conservation break: the account balances, the engine disagrees', () => {
    const { groups, walkers } = play([{ pair: 0, arriveAtMin: 10, waitMin: 5, insideMin: Infinity }], 0, 100);
    groups.get('south', 'truck').arrive(10); // a second count for the same vehicle
    groups.results(100);
    const c = checkInvariants(groups, 'x', 100, walkers).find((x) => x.name === 'conservation')!;
    expect(c.ok).toBe(false);
    expect(c.detail).toBe('arrived 2 + inside at start 0 = completed 0 + inside at end 2 + turned away 0 + no-shows 0; the engine counts 1 inside (0 of them in the waiting area) and 0 completed');
  });

  it('reports an exit the statistics missed as a conservation break', () => {
    const { groups } = play([{ pair: 2, arriveAtMin: 10, waitMin: 0, insideMin: Infinity }], 0, 100);
    groups.results(100);
    // The engine saw the vehicle finish; the statistics never heard of it.
    const c = checkInvariants(groups, 'x', 100, { walking: 0, finishedSinceReset: 1, inWaitingArea: 0 }).find((x) => x.name === 'conservation')!;
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('the engine counts 0 inside (0 of them in the waiting area) and 1 completed');
  });

  it('reports a queue that counts somebody who never waits as a Little’s-law break', () => {
    const { groups, walkers } = play([{ pair: 1, arriveAtMin: 10, waitMin: 30, insideMin: 20 }], 0, 100);
    groups.total.approach.up(50); // a phantom on the total approach from minute 50 to the end
    groups.results(100);
    const l = checkInvariants(groups, 'x', 100, walkers).find((x) => x.name === 'littles_law')!;
    expect(l.ok).toBe(false);
    // 30 minutes of real waiting plus the phantom's 50 in the area; the waits side counts it as waiting since 0.
    expect(l.detail).toMatch(/queue area 80\.0 veh·min vs sum of waits 130\.0 veh·min/);
  });
});
