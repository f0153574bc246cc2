// The resolved Scenario: plain data with every field present, defaults filled and plans applied.
// The model accepts only this type; the raw file shape lives in schema.ts.
import type { Dist } from '../random/types.js';

export type Direction = 'south' | 'north';
export type VehicleClass = 'truck' | 'car' | 'train';
export type Cargo = 'loaded' | 'empty';
export type Mode = 'road' | 'rail';

export const DIRECTIONS: readonly Direction[] = ['south', 'north'];
export const VEHICLE_CLASSES: readonly VehicleClass[] = ['truck', 'car', 'train'];

/** Where a value comes from: 'article', a data-sheet reference such as '[12]', or 'assumption: <reason>'. */
export type Source = string;

/** One weekly opening window in local clock time: open on the listed ISO weekdays (1 = Monday … 7 = Sunday). */
export interface OpeningWindow {
  weekdays: number[];
  /** Minutes after local midnight, 0–1440. */
  openMin: number;
  /** Minutes after local midnight, openMin < closeMin ≤ 1440 (windows do not cross midnight; split them). */
  closeMin: number;
}

/** When something is open: weekly windows, minus closed local dates (holidays). */
export interface Timetable {
  windows: OpeningWindow[];
  /** Local ISO dates (YYYY-MM-DD) closed all day, sorted, unique. */
  closedDates: string[];
}

/** A dated change of a stage's server count, effective from local midnight of `fromDate`. */
export interface ServerChange {
  fromDate: string;
  servers: number;
  source: Source;
}

/** Detailed inspection of a share of a train's wagons at a limited number of wagon places (fork/join). */
export interface WagonInspection {
  /** Share of wagons selected, 0–1 (each wagon independently). */
  share: number;
  /** Wagon inspection places at the station (e.g. 12 at Naushki). */
  places: number;
  /** Inspection time per wagon, minutes. */
  perWagonMin: Dist;
  source: Source;
}

/** A processing stage: a group of identical servers that vehicles pass through in order. */
export interface Stage {
  id: string;
  name: string;
  /** Directions this stage serves (the stage's servers are dedicated to these directions). */
  directions: Direction[];
  classes: VehicleClass[];
  cargo: Cargo[];
  /** Share of eligible vehicles selected for this stage, 0–1 (e.g. 0.33 to X-ray). */
  share: number;
  servers: number;
  serverChanges: ServerChange[];
  timetable: Timetable;
  /** Service time per vehicle (or per train), minutes. */
  serviceMin: Dist;
  /** Extra service time per wagon for trains, minutes (0 fixed for road stages). */
  perWagonMin: Dist;
  /** Present only on rail stages that send a share of wagons to detailed inspection. */
  wagonInspection: WagonInspection | null;
  source: Source;
}

/** Monthly (12, Jan..Dec), weekday (7, Mon..Sun) and hour-of-day (24) relative intensity; each averages to 1 after resolution. */
export interface DemandProfile {
  monthly: number[];
  weekday: number[];
  hourly: number[];
}

/** One stream of arriving vehicles at a crossing. */
export interface DemandSource {
  /** Unique inside the crossing; the arrival stream is seeded from crossing id + this id. */
  id: string;
  direction: Direction;
  vehicleClass: VehicleClass;
  cargo: Cargo;
  /** Mean vehicles (trucks, cars or trains) per day before profiles and growth; derived from tonnes where the file gives tonnes. */
  vehiclesPerDay: number;
  /** Tonnes carried per truck (loaded trucks), 0 for empty trucks and cars. */
  payloadT: number;
  /** Wagons per train (trains only, else 0). */
  wagonsPerTrain: number;
  /** Net tonnes per loaded wagon (trains only, else 0). */
  tonnesPerWagon: number;
  profile: DemandProfile;
  /**
   * 'poisson' (default): a non-homogeneous Poisson process; 'regular': deterministic arrivals each time the
   * integrated rate grows by one (timetabled trains, scripted test arrivals).
   */
  arrivals: 'poisson' | 'regular';
  /** Growth multiplier already folded from the scenario's growth factors (1 = none). */
  growth: number;
  source: Source;
}

/** The place a vehicle holds from entering the crossing to leaving it (terminal places, station tracks). */
export interface Zone {
  places: number;
  /** Classes that need a place; others pass without one. */
  classes: VehicleClass[];
  source: Source;
}

/** Where a crossing is (report.html's map; the model does not use it). */
export interface Location {
  longitudeDeg: number;
  latitudeDeg: number;
  source: Source;
}

/**
 * A crossing's booking service (electronic queue): a booking vehicle books, on arrival at the waiting area, the
 * earliest clock hour (local time) of its direction and class with a free slot, waits there until that hour starts
 * (or leaves at once when it is the current hour) and then drives onto the road approach.
 */
export interface Booking {
  /** Slots per clock hour of each booking class, per direction (a class not listed does not book). */
  slotsPerHour: Partial<Record<VehicleClass, number>>;
  /** Directions whose vehicles book. */
  directions: Direction[];
  /** Share of booked vehicles that never come, 0–1 (their slot stays booked and unused). */
  noShowShare: number;
  /** When the booking service has slots: a clock hour that starts while it is open (the crossing's closed dates have none). */
  timetable: Timetable;
  source: Source;
}

export interface Crossing {
  id: string;
  name: string;
  mode: Mode;
  /** Absent when the scenario does not say. */
  location?: Location;
  /** Local time offset from UTC, hours (informational: each crossing runs on its own local clock). */
  utcOffsetH: number;
  zone: Zone;
  /** Vehicles of one direction and class waiting on their approach at which the next such arrival is turned away; null = unlimited. */
  approachLimit: number | null;
  /** Booked arrival slots; null = none (every vehicle arrives on the road). */
  booking: Booking | null;
  closesOnHolidays: boolean;
  stages: Stage[];
  demand: DemandSource[];
  source: Source;
}

export interface Holiday {
  name: string;
  /** First and last closed local date, inclusive. */
  from: string;
  to: string;
  source: Source;
}

/**
 * How a corridor's vehicles choose a crossing at the decision point: `fixed` takes the corridor's fixed route (the
 * crossing with the shortest detour, the first listed among equals); `least-time` the crossing with the least detour
 * + foreseen wait; `logit` draws a crossing with probability ∝ exp(−(detour + foreseen wait) / scale).
 */
export type ChoiceRule = 'fixed' | 'least-time' | 'logit';
/** What a choosing driver's foreseen wait counts: the vehicles at the crossing, or those and the ones driving there. */
export type Foresight = 'queue' | 'queue-and-en-route';

/** A crossing a corridor's vehicles may use, with its detour against the corridor's best route. */
export interface CorridorCrossing {
  crossing: string;
  /** Extra driving hours against the corridor's best route (≥ 0): the vehicle reaches this crossing that much later. */
  detourH: number;
  source: Source;
}

/** Traffic between an origin and a destination region that may use any of several crossings. */
export interface Corridor {
  id: string;
  name: string;
  rule: ChoiceRule;
  foresight: Foresight;
  /** Scale of the logit choice, hours (logit only; 0 otherwise). */
  logitScaleH: number;
  /** At least two, each listed once; the first with the least detour is the fixed route. */
  crossings: CorridorCrossing[];
  /** The vehicles arriving at the decision point (profiles in the crossings' shared local time). */
  demand: DemandSource[];
  source: Source;
}

export interface Scenario {
  id: string;
  name: string;
  description: string;
  /** Local date at which the clock's minute 0 falls (00:00). */
  startDate: string;
  days: number;
  warmupDays: number;
  replications: number;
  seed: number;
  holidays: Holiday[];
  crossings: Crossing[];
  /** Corridors joining crossings (empty: every crossing is an island). */
  corridors: Corridor[];
}
