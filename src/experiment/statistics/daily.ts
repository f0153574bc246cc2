// Daily figures averaged over replications, in compact per-group arrays: memory grows with days × groups
// (a few numbers each), never with vehicles, and no row object is kept until the CSV asks for it.
import type { DailyResult } from '../../model/results.js';

/** Daily figures averaged over replications (a row of daily.csv): the model's daily fields, as means. */
export interface DailyMeanRow extends DailyResult {
  /** Replications that reported this date × group. */
  replications: number;
}

/** The per-day figures averaged, in the order of daily.csv's columns. */
const FIELDS = ['arrivals', 'completed', 'tonnes', 'railcars', 'approachQueueMean', 'approachQueueMax', 'approachWaitHMean', 'entered', 'approachWaitH', 'divertedIn', 'divertedOut'] as const;
const F = FIELDS.length;

interface GroupDays {
  crossing: string;
  direction: DailyResult['direction'];
  vehicleClass: DailyResult['vehicleClass'];
  /** sums[day * F + field] */
  sums: Float64Array;
  /** Replications that reported the day. */
  counts: Float64Array;
  /** Replications whose day had a mean wait (somebody left the approach): the wait's mean is over those. */
  waitCounts: Float64Array;
}

/** Sums daily rows of any number of replications; yields their means by date, then group order. */
export class DailyMeans {
  /** crossing → direction → class → sums. */
  private readonly groups = new Map<string, Map<string, Map<string, GroupDays>>>();
  private readonly all: GroupDays[] = [];
  private readonly dayIndex = new Map<string, number>();
  private readonly dates: string[] = [];

  /** Adds one replication's row for one date and group. */
  add(d: DailyResult): void {
    let day = this.dayIndex.get(d.date);
    if (day === undefined) {
      day = this.dates.length;
      this.dates.push(d.date);
      this.dayIndex.set(d.date, day);
    }
    const g = this.groupOf(d);
    if (day >= g.counts.length) {
      const size = Math.max(day + 1, g.counts.length * 2);
      const sums = new Float64Array(size * F);
      sums.set(g.sums);
      const counts = new Float64Array(size);
      counts.set(g.counts);
      const waitCounts = new Float64Array(size);
      waitCounts.set(g.waitCounts);
      g.sums = sums;
      g.counts = counts;
      g.waitCounts = waitCounts;
    }
    g.counts[day]! += 1;
    // The fields in FIELDS order, written out: a loop over names would be a keyed lookup per field.
    const sums = g.sums;
    const base = day * F;
    sums[base]! += d.arrivals;
    sums[base + 1]! += d.completed;
    sums[base + 2]! += d.tonnes;
    sums[base + 3]! += d.railcars;
    sums[base + 4]! += d.approachQueueMean;
    sums[base + 5]! += d.approachQueueMax;
    // Not defined on a day nobody left the approach (NaN): averaged over the replications where it is.
    if (Number.isFinite(d.approachWaitHMean)) {
      sums[base + 6]! += d.approachWaitHMean;
      g.waitCounts[day]! += 1;
    }
    sums[base + 7]! += d.entered;
    sums[base + 8]! += d.approachWaitH;
    sums[base + 9]! += d.divertedIn;
    sums[base + 10]! += d.divertedOut;
  }

  /** The group of a row, found through maps keyed by the row's own strings (no key built per row). */
  private groupOf(d: DailyResult): GroupDays {
    let byDirection = this.groups.get(d.crossing);
    if (!byDirection) {
      byDirection = new Map();
      this.groups.set(d.crossing, byDirection);
    }
    let byClass = byDirection.get(d.direction);
    if (!byClass) {
      byClass = new Map();
      byDirection.set(d.direction, byClass);
    }
    let g = byClass.get(d.vehicleClass);
    if (!g) {
      g = { crossing: d.crossing, direction: d.direction, vehicleClass: d.vehicleClass, sums: new Float64Array(64 * F), counts: new Float64Array(64), waitCounts: new Float64Array(64) };
      byClass.set(d.vehicleClass, g);
      this.all.push(g);
    }
    return g;
  }

  /** Mean rows sorted by date (ISO text order is chronological), then by `cmpGroup`. */
  *rows(cmpGroup: (a: GroupDays, b: GroupDays) => number): Generator<DailyMeanRow> {
    const groups = [...this.all].sort(cmpGroup);
    const days = this.dates.map((date, i) => ({ date, i })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const { date, i } of days) {
      for (const g of groups) {
        const n = g.counts[i] ?? 0;
        if (n === 0) continue;
        const mean = (f: number): number => g.sums[i * F + f]! / n;
        const waits = g.waitCounts[i]!;
        yield {
          date,
          crossing: g.crossing,
          direction: g.direction,
          vehicleClass: g.vehicleClass,
          replications: n,
          arrivals: mean(0),
          completed: mean(1),
          tonnes: mean(2),
          railcars: mean(3),
          approachQueueMean: mean(4),
          approachQueueMax: mean(5),
          approachWaitHMean: waits > 0 ? g.sums[i * F + 6]! / waits : NaN,
          entered: mean(7),
          approachWaitH: mean(8),
          divertedIn: mean(9),
          divertedOut: mean(10),
        };
      }
    }
  }
}
