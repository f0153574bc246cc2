// The groups of one crossing: a group per direction × class with demand and their totals, and the set of groups
// each vehicle updates (its own, and the approach queues of the totals it belongs to) in one call per event.
import type { LevelMonitor } from '../engine/index.js';
import type { Direction, VehicleClass } from '../scenario/types.js';
import { GroupStats } from './groups.js';
import { type ClassKey, type DirectionKey, type GroupResult, type PeriodResult } from './results.js';

/**
 * A vehicle's own group, and the approach-queue monitors of its direction's, class's and crossing's totals,
 * updated together in one call per vehicle event (no loop over the totals on the hot path).
 */
export class GroupSet {
  readonly totalApproach: readonly LevelMonitor[];
  private readonly directionTotal: LevelMonitor;
  private readonly classTotal: LevelMonitor;
  private readonly crossingTotal: LevelMonitor;

  constructor(
    readonly base: GroupStats,
    directionTotal: LevelMonitor,
    classTotal: LevelMonitor,
    crossingTotal: LevelMonitor,
  ) {
    this.directionTotal = directionTotal;
    this.classTotal = classTotal;
    this.crossingTotal = crossingTotal;
    this.totalApproach = [directionTotal, classTotal, crossingTotal];
  }

  /** A vehicle that arrived now could not go straight in: it joins the approach queues at `nowMin`. */
  startWaiting(nowMin: number): void {
    this.base.startWaiting(nowMin);
    this.directionTotal.up(nowMin);
    this.classTotal.up(nowMin);
    this.crossingTotal.up(nowMin);
  }

  /**
   * A vehicle arrived at `arrivedAtMin` leaves the approach at `nowMin` (`waited`: it had joined the queues);
   * throws RangeError if a level would go below 0.
   */
  enter(nowMin: number, arrivedAtMin: number, holdsZone: boolean, waited: boolean): void {
    this.base.enter(nowMin, arrivedAtMin, holdsZone, waited);
    if (waited) {
      this.directionTotal.down(nowMin);
      this.classTotal.down(nowMin);
      this.crossingTotal.down(nowMin);
    }
  }
}

function isTotal(g: GroupStats): boolean {
  return g.direction === 'all' || g.vehicleClass === 'all';
}

/** Creates and indexes the groups of one crossing for the (direction, class) pairs that have demand. */
export class CrossingGroups {
  private readonly byKey = new Map<string, GroupStats>();
  readonly ordered: GroupStats[] = [];

  constructor(crossing: string, pairs: readonly { readonly direction: Direction; readonly vehicleClass: VehicleClass }[], startMin: number) {
    const dirs: DirectionKey[] = ['south', 'north', 'all'];
    const classes: ClassKey[] = ['truck', 'car', 'train', 'all'];
    const has = (d: DirectionKey, c: ClassKey): boolean =>
      pairs.some((p) => (d === 'all' || p.direction === d) && (c === 'all' || p.vehicleClass === c));
    for (const d of dirs) {
      for (const c of classes) {
        if (!has(d, c)) continue;
        const g = new GroupStats(crossing, d, c, startMin);
        this.byKey.set(`${d}/${c}`, g);
        this.ordered.push(g);
      }
    }
    if (!this.byKey.has('all/all')) {
      const g = new GroupStats(crossing, 'all', 'all', startMin);
      this.byKey.set('all/all', g);
      this.ordered.push(g);
    }
  }

  /** The group of a (direction, class) key; throws if the pair had no demand when the groups were built. */
  get(direction: DirectionKey, vehicleClass: ClassKey): GroupStats {
    const g = this.byKey.get(`${direction}/${vehicleClass}`);
    if (!g) throw new Error(`no statistics group for ${direction}/${vehicleClass}`);
    return g;
  }

  /** The groups updated by a vehicle of this direction and class. */
  setFor(direction: Direction, vehicleClass: VehicleClass): GroupSet {
    const base = this.get(direction, vehicleClass);
    return new GroupSet(base, this.get(direction, 'all').approach, this.get('all', vehicleClass).approach, this.get('all', 'all').approach);
  }

  /** Every group's metrics at the end of a run: totals absorb their base groups first. */
  results(nowMin: number): GroupResult[] {
    for (const g of this.ordered) if (isTotal(g)) g.absorb(this.partsOf(g), nowMin);
    return this.ordered.map((g) => g.result(nowMin));
  }

  /** Every group's row for the month ending at `nowMin`; totals take their parts' month first. */
  closeMonth(month: string, nowMin: number): PeriodResult[] {
    for (const g of this.ordered) {
      if (!isTotal(g)) continue;
      g.periods.month.reset();
      for (const p of this.partsOf(g)) g.periods.month.merge(p.periods.month);
    }
    return this.ordered.map((g) => g.closeMonth(month, nowMin));
  }

  /** Every group's rows by hour of arrival (after results(), which folds the parts into the totals). */
  hourlyResults(): PeriodResult[] {
    return this.ordered.flatMap((g) => g.hourlyResults());
  }

  /** The base groups a total is made of. */
  private partsOf(total: GroupStats): GroupStats[] {
    return this.ordered.filter(
      (b) => !isTotal(b) && (total.direction === 'all' || b.direction === total.direction) && (total.vehicleClass === 'all' || b.vehicleClass === total.vehicleClass),
    );
  }

  /** The crossing's total group. */
  get total(): GroupStats {
    return this.get('all', 'all');
  }
}
