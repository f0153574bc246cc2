// Gathers replication results one at a time (nothing but the per-replication metric values is kept) and
// turns them into sorted per-replication rows, across-replication summaries, daily means and warnings.
import type {
  ClassKey,
  CorridorMetric,
  CorridorResult,
  DirectionKey,
  DailyResult,
  GroupMetric,
  ReplicationResult,
} from '../../model/results.js';
import { CORRIDOR_METRICS, GROUP_METRICS, HOURLY_METRICS, MONTHLY_METRICS } from '../../model/results.js';
import { demandPairs, fixedOption } from '../../scenario/corridor-routes.js';
import type { Direction, Scenario, VehicleClass } from '../../scenario/types.js';
import { summariseValues, type MetricSummary } from './stats.js';
import { DailyMeans, type DailyMeanRow } from './daily.js';
import { PeriodCollector, type PeriodSummaryRow } from './periods.js';

/** One metric of one group in one replication (a row of replications.csv). */
export interface ReplicationRow {
  replication: number;
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  metric: GroupMetric;
  value: number;
}

/** Across-replication summary of one metric of one crossing × direction × class group (a row of summary.csv). */
export interface SummaryRow extends MetricSummary {
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  metric: GroupMetric;
}

/** Per-stage metrics, in output order, with their units. */
export const STAGE_METRICS = [
  'utilisation', 'overtime_h', 'queue_mean', 'served', 'open_server_h', 'servers_mean', 'busy_mean', 'full_share',
  'queue_wait_h_mean', 'queue_wait_h_p95',
] as const;
export type StageMetric = (typeof STAGE_METRICS)[number];
export const STAGE_METRIC_UNITS: Record<StageMetric, string> = {
  utilisation: 'fraction',
  overtime_h: 'h',
  queue_mean: 'vehicles',
  served: 'vehicles',
  open_server_h: 'h',
  servers_mean: 'servers',
  busy_mean: 'servers',
  full_share: 'fraction',
  queue_wait_h_mean: 'h',
  queue_wait_h_p95: 'h',
};

/** Across-replication summary of one stage metric (a row of stages.csv). */
export interface StageSummaryRow extends MetricSummary {
  crossing: string;
  stage: string;
  directions: string;
  metric: StageMetric;
  /** True on every row of the crossing's busiest resource (highest mean utilisation over replications). */
  bottleneck: boolean;
}

/** The keys of one corridor row: corridor × direction × class × crossing (the crossing it chose). */
export interface CorridorKey {
  corridor: string;
  direction: Direction;
  vehicleClass: VehicleClass;
  crossing: string;
}

/** One corridor metric of one corridor × direction × class × crossing in one replication. */
export interface CorridorReplicationRow extends CorridorKey {
  replication: number;
  metric: CorridorMetric;
  value: number;
}

/** Across-replication summary of one corridor metric (a row of corridors.csv). */
export interface CorridorSummaryRow extends CorridorKey, MetricSummary {
  /** The crossing is the corridor's fixed route (its vehicles there are not diverted). */
  fixedRoute: boolean;
  metric: CorridorMetric;
}

/** A broken invariant of one replication, for run.json. */
export interface RunWarning {
  replication: number;
  check: string;
  crossing: string;
  detail: string;
}

export interface CollectedResults {
  replications: number;
  rows: ReplicationRow[];
  summary: SummaryRow[];
  stages: StageSummaryRow[];
  /** Daily means by date then group, generated as they are read (iterate once). */
  daily: Iterable<DailyMeanRow>;
  /** Calendar months × groups × MONTHLY_METRICS, and hours of arrival × groups × HOURLY_METRICS. */
  monthly: PeriodSummaryRow[];
  hourly: PeriodSummaryRow[];
  /**
   * The corridors' choices, by corridor (scenario order), its (direction, class) pairs (order of their first demand
   * source), its crossings (listed order), metric (CORRIDOR_METRICS order); empty when the scenario has no corridors.
   */
  corridors: CorridorSummaryRow[];
  /** The per-replication values behind `corridors`, by replication, then in `corridors`' order. */
  corridorRows: CorridorReplicationRow[];
  warnings: RunWarning[];
  /** Engine events over all replications. */
  events: number;
  /** Vehicles arrived after warm-up over all replications (sum of the crossings' all × all arrivals). */
  vehicles: number;
}

const DIRECTION_ORDER: Record<string, number> = { south: 0, north: 1, all: 2 };
const CLASS_ORDER: Record<string, number> = { truck: 0, car: 1, train: 2, all: 3 };

interface GroupAcc {
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  values: Map<GroupMetric, number[]>;
}

/** Accumulates ReplicationResults in any order and produces rows in the stable output order. */
export class ResultCollector {
  private readonly crossingOrder = new Map<string, number>();
  private readonly stageOrder = new Map<string, number>();
  private readonly groups = new Map<string, GroupAcc>();
  private readonly stageAcc = new Map<string, { crossing: string; stage: string; directions: string; values: Map<StageMetric, number[]> }>();
  private readonly dailyMeans = new DailyMeans();
  private readonly monthly = new PeriodCollector(MONTHLY_METRICS);
  private readonly hourly = new PeriodCollector(HOURLY_METRICS);
  private readonly rows: ReplicationRow[] = [];
  /** Rank of each corridor × direction × class × crossing in the scenario; keys the scenario does not name come after, by text. */
  private readonly corridorOrder = new Map<string, number>();
  /** `corridor\u0000crossing` of each corridor's fixed route. */
  private readonly fixedRoutes = new Set<string>();
  private readonly corridorAcc = new Map<string, { key: CorridorKey; values: Map<CorridorMetric, number[]> }>();
  private readonly corridorRows: CorridorReplicationRow[] = [];
  private readonly warnings: RunWarning[] = [];
  private count = 0;
  private events = 0;
  private vehicles = 0;

  constructor(scenario: Scenario) {
    scenario.crossings.forEach((c, i) => {
      this.crossingOrder.set(c.id, i);
      c.stages.forEach((s, k) => this.stageOrder.set(`${c.id}\u0000${s.id}`, k));
    });
    for (const k of scenario.corridors) {
      this.fixedRoutes.add(`${k.id}\u0000${k.crossings[fixedOption(k)]!.crossing}`);
      for (const { direction, vehicleClass } of demandPairs(k)) {
        for (const o of k.crossings) this.corridorOrder.set(corridorKeyText({ corridor: k.id, direction, vehicleClass, crossing: o.crossing }), this.corridorOrder.size);
      }
    }
  }

  /** Adds one replication's results. */
  add(result: ReplicationResult): void {
    this.count += 1;
    this.events += result.events;
    for (const g of result.groups) {
      const key = `${g.crossing}\u0000${g.direction}\u0000${g.vehicleClass}`;
      let acc = this.groups.get(key);
      if (!acc) {
        acc = { crossing: g.crossing, direction: g.direction, vehicleClass: g.vehicleClass, values: new Map() };
        this.groups.set(key, acc);
      }
      for (const metric of GROUP_METRICS) {
        const value = g.values[metric];
        const list = acc.values.get(metric) ?? [];
        list.push(value);
        acc.values.set(metric, list);
        this.rows.push({ replication: result.replication, crossing: g.crossing, direction: g.direction, vehicleClass: g.vehicleClass, metric, value });
      }
      if (g.direction === 'all' && g.vehicleClass === 'all' && Number.isFinite(g.values.arrivals)) this.vehicles += g.values.arrivals;
    }
    for (const s of result.stages) {
      const key = `${s.crossing}\u0000${s.stage}`;
      let acc = this.stageAcc.get(key);
      if (!acc) {
        acc = { crossing: s.crossing, stage: s.stage, directions: s.directions, values: new Map() };
        this.stageAcc.set(key, acc);
      }
      const values: Record<StageMetric, number> = {
        utilisation: s.utilisation,
        overtime_h: s.overtimeH,
        queue_mean: s.queueMean,
        served: s.served,
        open_server_h: s.openServerH,
        servers_mean: s.serversMean,
        busy_mean: s.busyMean,
        full_share: s.fullShare,
        queue_wait_h_mean: s.queueWaitHMean,
        queue_wait_h_p95: s.queueWaitHP95,
      };
      for (const metric of STAGE_METRICS) {
        const list = acc.values.get(metric) ?? [];
        list.push(values[metric]);
        acc.values.set(metric, list);
      }
    }
    for (const k of result.corridors) this.addCorridor(result.replication, k);
    for (const d of result.daily) this.addDay(d);
    this.monthly.add(result.monthly);
    this.hourly.add(result.hourly);
    for (const inv of result.invariants) {
      if (!inv.ok) this.warnings.push({ replication: result.replication, check: inv.name, crossing: inv.crossing, detail: inv.detail });
    }
  }

  private addCorridor(replication: number, k: CorridorResult): void {
    const id = corridorKeyText(k);
    let acc = this.corridorAcc.get(id);
    if (!acc) {
      acc = { key: { corridor: k.corridor, direction: k.direction, vehicleClass: k.vehicleClass, crossing: k.crossing }, values: new Map() };
      this.corridorAcc.set(id, acc);
    }
    for (const metric of CORRIDOR_METRICS) {
      const value = k.values[metric];
      const list = acc.values.get(metric) ?? [];
      list.push(value);
      acc.values.set(metric, list);
      this.corridorRows.push({ replication, ...acc.key, metric, value });
    }
  }

  /** Adds one daily row of a replication (the model streams them here, so they are not kept per replication). */
  addDay(d: DailyResult): void {
    this.dailyMeans.add(d);
  }

  /** Sorted rows and summaries of everything added so far. */
  finish(): CollectedResults {
    const cmpGroup = (a: { crossing: string; direction: string; vehicleClass: string }, b: typeof a): number =>
      this.cmpCrossing(a.crossing, b.crossing) ||
      (DIRECTION_ORDER[a.direction] ?? 9) - (DIRECTION_ORDER[b.direction] ?? 9) ||
      (CLASS_ORDER[a.vehicleClass] ?? 9) - (CLASS_ORDER[b.vehicleClass] ?? 9);
    const metricIndex = (m: GroupMetric): number => GROUP_METRICS.indexOf(m);

    const rows = [...this.rows].sort(
      (a, b) => a.replication - b.replication || cmpGroup(a, b) || metricIndex(a.metric) - metricIndex(b.metric),
    );
    const groups = [...this.groups.values()].sort(cmpGroup);
    const summary: SummaryRow[] = groups.flatMap((g) =>
      GROUP_METRICS.map((metric) => ({
        crossing: g.crossing,
        direction: g.direction,
        vehicleClass: g.vehicleClass,
        metric,
        ...summariseValues(g.values.get(metric) ?? []),
      })),
    );
    const stageKey = (c: string, s: string): number => this.stageOrder.get(`${c}\u0000${s}`) ?? Number.MAX_SAFE_INTEGER;
    const stageAccs = [...this.stageAcc.values()].sort(
      (a, b) => this.cmpCrossing(a.crossing, b.crossing) || stageKey(a.crossing, a.stage) - stageKey(b.crossing, b.stage) || cmpText(a.stage, b.stage),
    );
    const busiest = busiestByCrossing(stageAccs);
    const stages: StageSummaryRow[] = stageAccs.flatMap((s) =>
      STAGE_METRICS.map((metric) => ({
        crossing: s.crossing, stage: s.stage, directions: s.directions, metric, bottleneck: busiest.get(s.crossing) === s,
        ...summariseValues(s.values.get(metric) ?? []),
      })),
    );
    const daily = this.dailyMeans.rows(cmpGroup);
    const warnings = [...this.warnings].sort(
      (a, b) => a.replication - b.replication || this.cmpCrossing(a.crossing, b.crossing) || cmpText(a.check, b.check),
    );
    const monthly = this.monthly.rows(cmpGroup);
    const hourly = this.hourly.rows(cmpGroup);
    const cmpCorridor = (a: CorridorKey, b: CorridorKey): number => {
      const ia = this.corridorOrder.get(corridorKeyText(a)) ?? Number.MAX_SAFE_INTEGER;
      const ib = this.corridorOrder.get(corridorKeyText(b)) ?? Number.MAX_SAFE_INTEGER;
      return ia - ib || cmpText(corridorKeyText(a), corridorKeyText(b));
    };
    const corridorMetric = (m: CorridorMetric): number => CORRIDOR_METRICS.indexOf(m);
    const corridors: CorridorSummaryRow[] = [...this.corridorAcc.values()]
      .sort((a, b) => cmpCorridor(a.key, b.key))
      .flatMap((acc) => {
        const fixedRoute = this.fixedRoutes.has(`${acc.key.corridor}\u0000${acc.key.crossing}`);
        return CORRIDOR_METRICS.map((metric) => ({ ...acc.key, fixedRoute, metric, ...summariseValues(acc.values.get(metric) ?? []) }));
      });
    const corridorRows = [...this.corridorRows].sort(
      (a, b) => a.replication - b.replication || cmpCorridor(a, b) || corridorMetric(a.metric) - corridorMetric(b.metric),
    );
    return {
      replications: this.count, rows, summary, stages, daily, monthly, hourly, corridors, corridorRows, warnings, events: this.events, vehicles: this.vehicles,
    };
  }

  private cmpCrossing(a: string, b: string): number {
    const ia = this.crossingOrder.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ib = this.crossingOrder.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ia - ib || cmpText(a, b);
  }
}

/**
 * Each crossing's busiest resource: the highest mean utilisation over replications (the first in stage order on a
 * tie), among stages, wagon places and the zone.
 */
function busiestByCrossing<T extends { crossing: string; values: Map<StageMetric, number[]> }>(accs: readonly T[]): Map<string, T> {
  const best = new Map<string, { acc: T; u: number }>();
  for (const a of accs) {
    const u = summariseValues(a.values.get('utilisation') ?? []).mean ?? -1;
    const b = best.get(a.crossing);
    if (!b || u > b.u) best.set(a.crossing, { acc: a, u });
  }
  return new Map([...best].map(([c, b]) => [c, b.acc]));
}

/** A corridor row's key as text (one per corridor × direction × class × crossing). */
export function corridorKeyText(k: CorridorKey): string {
  return `${k.corridor}\u0000${k.direction}\u0000${k.vehicleClass}\u0000${k.crossing}`;
}

/** Locale-independent string order (code units), so row order never depends on the machine. */
function cmpText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
