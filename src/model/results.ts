// What one replication of the border model hands to experiment/: flat rows whose keys become CSV columns.
import type { Direction, VehicleClass } from '../scenario/types.js';

/** Metric names carry their unit; the order here is the stable column/row order of every output. */
export const GROUP_METRICS = [
  'arrivals',
  'completed',
  'in_system_end',
  'turned_away',
  'tonnes',
  'railcars',
  'approach_queue_mean',
  'approach_queue_p95',
  'approach_queue_max',
  'approach_wait_h_mean',
  'approach_wait_h_p50',
  'approach_wait_h_p90',
  'approach_wait_h_p95',
  'approach_wait_h_max',
  'crossing_time_h_mean',
  'crossing_time_h_p95',
  'zone_occupancy_mean',
  'wait_closed_h_mean',
  'wait_zone_full_h_mean',
  'wait_stages_h_mean',
  'wait_total_h_mean',
  'wait_total_h_p95',
  'delay_vehicle_h_per_year',
  'delay_tonne_h_per_year',
  'diverted_in',
  'diverted_out',
  'no_shows',
  'no_show_share',
  'booking_wait_h_mean',
  'booking_wait_h_p95',
] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

/** Unit of each metric, for the `unit` column. */
export const METRIC_UNITS: Record<GroupMetric, string> = {
  arrivals: 'vehicles',
  completed: 'vehicles',
  in_system_end: 'vehicles',
  turned_away: 'vehicles',
  tonnes: 't',
  railcars: 'wagons',
  approach_queue_mean: 'vehicles',
  approach_queue_p95: 'vehicles',
  approach_queue_max: 'vehicles',
  approach_wait_h_mean: 'h',
  approach_wait_h_p50: 'h',
  approach_wait_h_p90: 'h',
  approach_wait_h_p95: 'h',
  approach_wait_h_max: 'h',
  crossing_time_h_mean: 'h',
  crossing_time_h_p95: 'h',
  zone_occupancy_mean: 'places',
  wait_closed_h_mean: 'h',
  wait_zone_full_h_mean: 'h',
  wait_stages_h_mean: 'h',
  wait_total_h_mean: 'h',
  wait_total_h_p95: 'h',
  delay_vehicle_h_per_year: 'vehicle-h/yr',
  delay_tonne_h_per_year: 't-h/yr',
  diverted_in: 'vehicles',
  diverted_out: 'vehicles',
  no_shows: 'vehicles',
  no_show_share: 'share',
  booking_wait_h_mean: 'h',
  booking_wait_h_p95: 'h',
};

/** monthly.csv's metrics, in row order: the group metrics of the same names, over one month. */
export const MONTHLY_METRICS = [
  'arrivals', 'completed', 'tonnes', 'approach_wait_h_mean', 'approach_wait_h_p95', 'wait_closed_h_mean',
  'wait_zone_full_h_mean', 'wait_stages_h_mean', 'wait_total_h_mean', 'approach_queue_mean', 'approach_queue_max',
  'diverted_in', 'diverted_out',
] as const satisfies readonly GroupMetric[];
export type MonthlyMetric = (typeof MONTHLY_METRICS)[number];

/** hourly.csv's metrics (by hour of arrival), in row order: group metrics of the same names. */
export const HOURLY_METRICS = [
  'arrivals', 'approach_wait_h_mean', 'approach_wait_h_p95', 'wait_closed_h_mean', 'wait_zone_full_h_mean',
  'wait_stages_h_mean', 'wait_total_h_mean',
] as const satisfies readonly GroupMetric[];
export type HourlyMetric = (typeof HOURLY_METRICS)[number];

/** 'all' rows are totals over directions and/or classes (computed from their own monitors, not averaged). */
export type DirectionKey = Direction | 'all';
export type ClassKey = VehicleClass | 'all';

/** Metrics of one crossing × direction × class group in one replication (after warm-up). */
export interface GroupResult {
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  values: Record<GroupMetric, number>;
}

/** One group's figures in one period (a month 'YYYY-MM', or an hour of arrival '00'–'23'), in its metric list's order. */
export interface PeriodResult {
  period: string;
  crossing: string;
  direction: DirectionKey;
  vehicleClass: ClassKey;
  values: number[];
}

/** One stage's figures in one replication (after warm-up). */
export interface StageResult {
  crossing: string;
  stage: string;
  /** Directions the stage serves, joined with '+' (e.g. 'south+north'). */
  directions: string;
  /** Busy server-time / open server-time, 0–1 (busy time inside open hours only). */
  utilisation: number;
  /** Server-hours spent finishing vehicles after the servers went off shift. */
  overtimeH: number;
  /** Time-average number of vehicles waiting for this stage. */
  queueMean: number;
  served: number;
  /** Open server-hours in the measured period. */
  openServerH: number;
  /** Mean servers (places, for the zone) while open: open server-hours / open hours. */
  serversMean: number;
  /** Time-average number in service (busy servers, places held). */
  busyMean: number;
  /** Share of the open time with every server busy (every place held). */
  fullShare: number;
  /** Queue wait of the vehicles granted a server (0 for those served at once), hours: mean and p95. */
  queueWaitHMean: number;
  queueWaitHP95: number;
}

/** One local date × crossing × direction × class. */
export interface DailyResult {
  date: string;
  crossing: string;
  direction: Direction;
  vehicleClass: VehicleClass;
  arrivals: number;
  completed: number;
  tonnes: number;
  railcars: number;
  approachQueueMean: number;
  approachQueueMax: number;
  /** Vehicles that left the approach (entered the crossing) on this date. */
  entered: number;
  /** Their approach waits summed, vehicle-hours: Σ over days of this ÷ Σ of entered is the period's mean wait. */
  approachWaitH: number;
  /** Mean approach wait of vehicles that entered the crossing on this date, hours (NaN when none did). */
  approachWaitHMean: number;
  /** Corridor vehicles that came here on this date though their corridor's fixed route is another crossing. */
  divertedIn: number;
  /** Corridor vehicles whose fixed route is this crossing that chose another on this date. */
  divertedOut: number;
}

/** An invariant checked at the end of a replication. */
export interface InvariantCheck {
  name: 'conservation' | 'littles_law' | 'corridor_conservation';
  /** The crossing checked (a corridor's id for corridor_conservation). */
  crossing: string;
  ok: boolean;
  detail: string;
}

/** One vehicle's life, emitted to a trace sink when tracing is on (never retained by the model). */
export interface VehicleTrace {
  replication: number;
  vehicle: number;
  crossing: string;
  direction: Direction;
  vehicleClass: VehicleClass;
  cargo: 'loaded' | 'empty';
  /** Its demand source (a corridor's as `corridor:source`). */
  source: string;
  /** The corridor it came by ('' for a crossing's own demand), and whether this crossing is off its fixed route. */
  corridor: string;
  diverted: boolean;
  tonnes: number;
  railcars: number;
  /** Minutes since scenario start; NaN where the vehicle never got there. */
  arrivedAtMin: number;
  enteredAtMin: number;
  exitedAtMin: number;
  outcome: 'completed' | 'in_system' | 'turned_away' | 'no_show';
}

/** What one corridor's vehicles of one direction and class chose, by crossing, in one replication. */
export const CORRIDOR_METRICS = ['vehicles', 'share', 'diverted', 'detour_h', 'foreseen_wait_h_mean', 'foreseen_time_h_mean', 'completed', 'wait_h_mean'] as const;
export type CorridorMetric = (typeof CORRIDOR_METRICS)[number];

export const CORRIDOR_METRIC_UNITS: Record<CorridorMetric, string> = {
  vehicles: 'vehicles',
  share: 'share',
  diverted: 'vehicles',
  detour_h: 'h',
  foreseen_wait_h_mean: 'h',
  foreseen_time_h_mean: 'h',
  completed: 'vehicles',
  wait_h_mean: 'h',
};

/**
 * One corridor × direction × class × crossing of one replication (after the warm-up): `vehicles` that chose the
 * crossing at the decision point, their `share` of the corridor's vehicles, those of them `diverted` (the crossing
 * is not the corridor's fixed route), the crossing's `detour_h`, and the mean wait and detour + wait foreseen
 * for it by the vehicles that chose it (NaN when none did). Rows 'all' classes/directions are not made.
 */
export interface CorridorResult {
  corridor: string;
  crossing: string;
  direction: Direction;
  vehicleClass: VehicleClass;
  values: Record<CorridorMetric, number>;
}

export interface ReplicationResult {
  replication: number;
  groups: GroupResult[];
  stages: StageResult[];
  daily: DailyResult[];
  /** Every closed calendar month of the measured window, group by group. */
  monthly: PeriodResult[];
  /** Every hour of arrival (00–23) over the measured window, group by group. */
  hourly: PeriodResult[];
  invariants: InvariantCheck[];
  /** The corridors' choices (empty when the scenario has no corridors). */
  corridors: CorridorResult[];
  /** Events the engine processed (for events/s). */
  events: number;
}
