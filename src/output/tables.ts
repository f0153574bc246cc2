// Column lists and row formatters of the run folder's CSV files; the column order here is the file order.
// Every number goes through number.ts, so cells never depend on locale and never use exponents.
import type { CollectedResults, CorridorSummaryRow, ReplicationRow, StageSummaryRow, SummaryRow } from '../experiment/statistics/collect.js';
import type { DailyMeanRow } from '../experiment/statistics/daily.js';
import { STAGE_METRIC_UNITS } from '../experiment/statistics/collect.js';
import type { PeriodSummaryRow } from '../experiment/statistics/periods.js';
import { CORRIDOR_METRIC_UNITS, METRIC_UNITS, type GroupMetric, type VehicleTrace } from '../model/results.js';
import type { MetricSummary } from '../experiment/statistics/stats.js';
import { formatCount, formatFixed } from './number.js';
import type { CsvRow } from './csvfile.js';
import { MIN_PER_H } from '../units.js';

const STAT_COLUMNS = ['mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max', 'replications'] as const;

export const SUMMARY_COLUMNS = ['scenario', 'crossing', 'direction', 'class', 'total', 'metric', 'unit', ...STAT_COLUMNS] as const;
export const REPLICATION_COLUMNS = ['scenario', 'replication', 'crossing', 'direction', 'class', 'total', 'metric', 'unit', 'value'] as const;
export const STAGE_COLUMNS = ['scenario', 'crossing', 'stage', 'directions', 'bottleneck', 'metric', 'unit', ...STAT_COLUMNS] as const;
export const DAILY_COLUMNS = [
  'scenario', 'date', 'crossing', 'direction', 'class', 'replications', 'arrivals', 'completed', 'tonnes', 'railcars',
  'approach_queue_mean', 'approach_queue_max', 'approach_wait_h_mean', 'entered', 'approach_wait_vehicle_h', 'diverted_in', 'diverted_out',
] as const;
export const MONTHLY_COLUMNS = ['scenario', 'month', 'crossing', 'direction', 'class', 'total', 'metric', 'unit', ...STAT_COLUMNS] as const;
export const HOURLY_COLUMNS = ['scenario', 'hour', 'crossing', 'direction', 'class', 'total', 'metric', 'unit', ...STAT_COLUMNS] as const;
export const CORRIDOR_COLUMNS = [
  'scenario', 'corridor', 'direction', 'class', 'crossing', 'fixed_route', 'metric', 'unit', ...STAT_COLUMNS,
] as const;
export const VEHICLE_COLUMNS = [
  'scenario', 'replication', 'vehicle', 'crossing', 'direction', 'class', 'cargo', 'tonnes', 'railcars', 'outcome',
  'arrived_local', 'arrived_at_min', 'entered_at_min', 'exited_at_min', 'approach_wait_h', 'crossing_time_h', 'source', 'corridor', 'diverted',
] as const;

/** Metrics whose per-replication value is a whole number of vehicles or wagons (written without decimals). */
const COUNT_METRICS = new Set(['arrivals', 'completed', 'in_system_end', 'turned_away', 'railcars', 'approach_queue_max', 'served']);

function statCells(s: MetricSummary): CsvRow {
  return {
    mean: formatFixed(s.mean),
    sd: formatFixed(s.sd),
    ci95_low: formatFixed(s.ci95Low),
    ci95_high: formatFixed(s.ci95High),
    min: formatFixed(s.min),
    max: formatFixed(s.max),
    replications: formatCount(s.n),
  };
}

/** 'true' on a row that totals other rows (all directions or all classes), so a pivot can leave it out. */
export function totalCell(r: { direction: string; vehicleClass: string }): string {
  return r.direction === 'all' || r.vehicleClass === 'all' ? 'true' : 'false';
}

/** A summary.csv row. */
export function summaryRow(scenario: string, r: SummaryRow): CsvRow {
  return {
    scenario, crossing: r.crossing, direction: r.direction, class: r.vehicleClass, total: totalCell(r), metric: r.metric,
    unit: METRIC_UNITS[r.metric as GroupMetric], ...statCells(r),
  };
}

/** A monthly.csv or hourly.csv row (`periodColumn` is 'month' or 'hour'). */
export function periodRow(scenario: string, periodColumn: 'month' | 'hour', r: PeriodSummaryRow): CsvRow {
  return {
    scenario, [periodColumn]: r.period, crossing: r.crossing, direction: r.direction, class: r.vehicleClass, total: totalCell(r),
    metric: r.metric, unit: METRIC_UNITS[r.metric as GroupMetric], ...statCells(r),
  };
}

/** A replications.csv row. */
export function replicationRow(scenario: string, r: ReplicationRow): CsvRow {
  return {
    scenario, replication: formatCount(r.replication), crossing: r.crossing, direction: r.direction, class: r.vehicleClass,
    total: totalCell(r), metric: r.metric, unit: METRIC_UNITS[r.metric as GroupMetric], value: COUNT_METRICS.has(r.metric) ? formatCount(r.value) : formatFixed(r.value),
  };
}

/** A stages.csv row. */
export function stageRow(scenario: string, r: StageSummaryRow): CsvRow {
  return {
    scenario, crossing: r.crossing, stage: r.stage, directions: r.directions, bottleneck: r.bottleneck ? 'true' : 'false', metric: r.metric,
    unit: STAGE_METRIC_UNITS[r.metric], ...statCells(r),
  };
}

/** A corridors.csv row. */
export function corridorRow(scenario: string, r: CorridorSummaryRow): CsvRow {
  return {
    scenario, corridor: r.corridor, direction: r.direction, class: r.vehicleClass, crossing: r.crossing, fixed_route: r.fixedRoute ? 'true' : 'false',
    metric: r.metric, unit: CORRIDOR_METRIC_UNITS[r.metric], ...statCells(r),
  };
}

/** A daily.csv row (every figure is a mean over replications). */
export function dailyRow(scenario: string, r: DailyMeanRow): CsvRow {
  return {
    scenario, date: r.date, crossing: r.crossing, direction: r.direction, class: r.vehicleClass, replications: formatCount(r.replications),
    arrivals: formatFixed(r.arrivals), completed: formatFixed(r.completed), tonnes: formatFixed(r.tonnes), railcars: formatFixed(r.railcars),
    approach_queue_mean: formatFixed(r.approachQueueMean), approach_queue_max: formatFixed(r.approachQueueMax),
    approach_wait_h_mean: formatFixed(r.approachWaitHMean), entered: formatFixed(r.entered), approach_wait_vehicle_h: formatFixed(r.approachWaitH),
    diverted_in: formatFixed(r.divertedIn), diverted_out: formatFixed(r.divertedOut),
  };
}

/** Local date-time text 'YYYY-MM-DD HH:MM:SS' of `min` minutes after 00:00 on ISO date `startDate` ('' for NaN). */
export function localDateTime(startDate: string, min: number): string {
  if (!Number.isFinite(min)) return '';
  const ms = Date.parse(`${startDate}T00:00:00Z`) + Math.floor(min * 60) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A vehicles.csv row; durations in hours are empty where the vehicle never reached that point. */
export function vehicleRow(scenario: string, startDate: string, t: VehicleTrace): CsvRow {
  return {
    scenario, replication: formatCount(t.replication), vehicle: formatCount(t.vehicle), crossing: t.crossing, direction: t.direction,
    class: t.vehicleClass, cargo: t.cargo, tonnes: formatFixed(t.tonnes), railcars: formatCount(t.railcars), outcome: t.outcome,
    arrived_local: localDateTime(startDate, t.arrivedAtMin), arrived_at_min: formatFixed(t.arrivedAtMin),
    entered_at_min: formatFixed(t.enteredAtMin), exited_at_min: formatFixed(t.exitedAtMin),
    approach_wait_h: formatFixed((t.enteredAtMin - t.arrivedAtMin) / MIN_PER_H), crossing_time_h: formatFixed((t.exitedAtMin - t.arrivedAtMin) / MIN_PER_H),
    source: t.source, corridor: t.corridor, diverted: t.diverted ? 'true' : 'false',
  };
}

/** The result tables of a run, as (file name, columns, rows) in write order; corridors.csv is written (its header) also without corridors. */
export function resultTables(scenario: string, res: CollectedResults): Array<{ file: string; columns: readonly string[]; rows: Iterable<CsvRow> }> {
  return [
    { file: 'summary.csv', columns: SUMMARY_COLUMNS, rows: res.summary.map((r) => summaryRow(scenario, r)) },
    { file: 'replications.csv', columns: REPLICATION_COLUMNS, rows: mapIter(res.rows, (r) => replicationRow(scenario, r)) },
    { file: 'stages.csv', columns: STAGE_COLUMNS, rows: res.stages.map((r) => stageRow(scenario, r)) },
    { file: 'daily.csv', columns: DAILY_COLUMNS, rows: mapIter(res.daily, (r) => dailyRow(scenario, r)) },
    { file: 'monthly.csv', columns: MONTHLY_COLUMNS, rows: res.monthly.map((r) => periodRow(scenario, 'month', r)) },
    { file: 'hourly.csv', columns: HOURLY_COLUMNS, rows: res.hourly.map((r) => periodRow(scenario, 'hour', r)) },
    { file: 'corridors.csv', columns: CORRIDOR_COLUMNS, rows: res.corridors.map((r) => corridorRow(scenario, r)) },
  ];
}

function* mapIter<T>(items: Iterable<T>, fn: (item: T) => CsvRow): Iterable<CsvRow> {
  for (const item of items) yield fn(item);
}
