// What one corridor's vehicles chose in one replication: per source and option the vehicles, their foreseen
// waits and detours, the whole waits of those that left the crossing, and the bookkeeping of vehicles on their detour (for the corridor's conservation check).
import { MIN_PER_H } from '../units.js';
import type { CorridorPlan } from './plan.js';
import type { CorridorResult, InvariantCheck } from './results.js';

export class CorridorCounts {
  /** chosen[source * options + option], and the sums of the foreseen waits and detours (minutes) of those vehicles. */
  private readonly chosen: Float64Array;
  private readonly waitSumMin: Float64Array;
  private readonly timeSumMin: Float64Array;
  /** completed[source * options + option]: those of its vehicles that left that crossing, and their whole waits (minutes). */
  private readonly completedCount: Float64Array;
  private readonly completedWaitMin: Float64Array;
  private readonly options: number;
  /** Vehicles on their detour now; those that reached their crossing since the last reset; on a detour at the reset. */
  enRoute = 0;
  reached = 0;
  private enRouteAtReset = 0;
  private decided = 0;

  constructor(private readonly plan: CorridorPlan) {
    this.options = plan.options.length;
    const n = plan.sources.length * this.options;
    this.chosen = new Float64Array(n);
    this.waitSumMin = new Float64Array(n);
    this.timeSumMin = new Float64Array(n);
    this.completedCount = new Float64Array(n);
    this.completedWaitMin = new Float64Array(n);
  }

  /** A vehicle of source `source` left option `option`'s crossing having waited `waitMin` in all (closed, for a place, at stages). */
  completed(source: number, option: number, waitMin: number): void {
    const i = source * this.options + option;
    this.completedCount[i]! += 1;
    this.completedWaitMin[i]! += waitMin;
  }

  /** A vehicle of source `source` chose option `option`, foreseeing a wait of `waitMin` after a detour of `detourMin`. */
  chose(source: number, option: number, waitMin: number, detourMin: number): void {
    const i = source * this.options + option;
    this.decided++;
    this.chosen[i]! += 1;
    this.waitSumMin[i]! += waitMin;
    this.timeSumMin[i]! += waitMin + detourMin;
  }

  /** Forgets the choices made before now (warm-up); vehicles on their detour carry on. */
  reset(): void {
    this.chosen.fill(0);
    this.waitSumMin.fill(0);
    this.timeSumMin.fill(0);
    this.completedCount.fill(0);
    this.completedWaitMin.fill(0);
    this.enRouteAtReset = this.enRoute;
    this.reached = 0;
    this.decided = 0;
  }

  /** Rows of corridors.csv: the corridor's (direction, class) pairs in order, each with its options in listed order. */
  results(): CorridorResult[] {
    const { plan } = this;
    const rows: CorridorResult[] = [];
    plan.pairs.forEach((pair, p) => {
      const sources = plan.sources.map((s, i) => (s.pair === p ? i : -1)).filter((i) => i >= 0);
      const sum = (a: Float64Array, option: number): number => sources.reduce((acc, s) => acc + a[s * this.options + option]!, 0);
      let total = 0;
      for (let o = 0; o < this.options; o++) total += sum(this.chosen, o);
      plan.options.forEach((option, o) => {
        const vehicles = sum(this.chosen, o);
        const completed = sum(this.completedCount, o);
        rows.push({
          corridor: plan.corridor.id,
          crossing: plan.corridor.crossings[o]!.crossing,
          direction: pair.direction,
          vehicleClass: pair.vehicleClass,
          values: {
            vehicles,
            share: total > 0 ? vehicles / total : NaN,
            diverted: o === plan.fixed ? 0 : vehicles,
            detour_h: option.detourMin / MIN_PER_H,
            foreseen_wait_h_mean: vehicles > 0 ? sum(this.waitSumMin, o) / vehicles / MIN_PER_H : NaN,
            foreseen_time_h_mean: vehicles > 0 ? sum(this.timeSumMin, o) / vehicles / MIN_PER_H : NaN,
            completed,
            wait_h_mean: completed > 0 ? sum(this.completedWaitMin, o) / completed / MIN_PER_H : NaN,
          },
        });
      });
    });
    return rows;
  }

  /**
   * Every vehicle that chose since the reset, and every one on its detour then, reached its crossing or is still
   * on its detour (decided + on a detour at the reset = reached + on a detour now), and the crossings counted as
   * many arrivals on the corridor's paths (`arrivedAtCrossings`, from their own statistics) as reached them.
   */
  conservation(arrivedAtCrossings: number): InvariantCheck {
    const lhs = this.decided + this.enRouteAtReset;
    const rhs = this.reached + this.enRoute;
    const ok = lhs === rhs && arrivedAtCrossings === this.reached;
    return {
      name: 'corridor_conservation',
      crossing: this.plan.corridor.id,
      ok,
      detail:
        `chose ${this.decided} + on a detour at start ${this.enRouteAtReset} = reached a crossing ${this.reached} + on a detour at end ${this.enRoute}` +
        (lhs === rhs ? '' : ` (off by ${lhs - rhs})`) +
        (arrivedAtCrossings === this.reached ? '' : `; the crossings counted ${arrivedAtCrossings} arrivals from it`),
    };
  }
}
