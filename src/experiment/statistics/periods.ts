// Monthly and hourly figures across replications: each (period, group, metric) keeps its per-replication values
// and is summarised like summary.csv (mean, sd, Student-t 95% CI, min, max over the replications that define it).
import type { ClassKey, DirectionKey, PeriodResult } from '../../model/results.js';
import { summariseValues, type MetricSummary } from './stats.js';

/** One period × group × metric across replications (a row of monthly.csv or hourly.csv). */
export interface PeriodSummaryRow extends MetricSummary {
  period: string;
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  metric: string;
}

interface PeriodAcc {
  period: string;
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  /** values[metric index] = the replications' values. */
  values: number[][];
}

/** Collects one kind of period rows (monthly or hourly) from any number of replications. */
export class PeriodCollector {
  private readonly acc = new Map<string, PeriodAcc>();

  constructor(private readonly metrics: readonly string[]) {}

  /** Adds one replication's rows. */
  add(rows: readonly PeriodResult[]): void {
    for (const r of rows) {
      const key = `${r.period}\u0000${r.crossing}\u0000${r.direction}\u0000${r.vehicleClass}`;
      let a = this.acc.get(key);
      if (!a) {
        a = { period: r.period, crossing: r.crossing, direction: r.direction, vehicleClass: r.vehicleClass, values: this.metrics.map(() => []) };
        this.acc.set(key, a);
      }
      for (let m = 0; m < this.metrics.length; m++) a.values[m]!.push(r.values[m]!);
    }
  }

  /** Rows ordered by period (text order: 'YYYY-MM' and '00'–'23' sort in time), then `cmpGroup`, then metric. */
  rows(cmpGroup: (a: PeriodAcc, b: PeriodAcc) => number): PeriodSummaryRow[] {
    const groups = [...this.acc.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : cmpGroup(a, b)));
    return groups.flatMap((g) =>
      this.metrics.map((metric, m) => ({
        period: g.period,
        crossing: g.crossing,
        direction: g.direction,
        vehicleClass: g.vehicleClass,
        metric,
        ...summariseValues(g.values[m]!),
      })),
    );
  }
}
