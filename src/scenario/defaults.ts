// Every default of the scenario format, written once, one object per part of the format keyed by its fields:
// resolve.ts fills them in, check.ts assumes them where it reads raw data, and the schema shows them (its
// `default`s and the descriptions that name one), so scenarios/README.md and scenario.schema.json say the same.
import { ALL_WEEKDAYS } from './calendar.js';
import type { Cargo, Direction, VehicleClass } from './types.js';

/** The scenario's own keys. */
export const SCENARIO_DEFAULTS = {
  description: '',
  warmupDays: 0,
  replications: 10,
  seed: 1,
  holidays: [] as readonly never[],
  corridors: [] as readonly never[],
} as const;

/** A corridor: its vehicles take the fixed route unless a rule says otherwise. */
export const CORRIDOR_DEFAULTS = {
  choice: 'fixed',
  /** Drivers see what is at the crossing now, not who else is driving there. */
  foresight: 'queue',
} as const;

/** The scenario's `demand` (growth of trade): growth applies to freight, not to cars. */
export const DEMAND_GROWTH_DEFAULTS = {
  growthClasses: ['truck', 'train'] as readonly VehicleClass[],
} as const;

/** A growth factor of either direction (scenario-wide or a crossing's own): no growth. */
export const GROWTH_DEFAULTS = {
  south: 1,
  north: 1,
} as const;

/** A crossing. */
export const CROSSING_DEFAULTS = {
  /** No limit: no arrival is turned away. */
  approachLimit: null,
  closesOnHolidays: false,
  closures: [] as readonly never[],
  /** Opening hours of a class the crossing's `hours` leaves out (and of a stage without hours of its own). */
  hours: '24h',
  /** No booking service: every vehicle arrives on the road. */
  booking: null,
  /** No demand of its own: allowed only for a crossing some corridor lists (its traffic comes from there). */
  demand: [] as readonly never[],
} as const;

/** A crossing's booking service: both directions book, every booked vehicle comes. */
export const BOOKING_DEFAULTS = {
  directions: ['south', 'north'] as readonly Direction[],
  noShowShare: 0,
  /** Slots in every clock hour. */
  hours: '24h',
} as const;

/** A crossing's zone: the classes that need a place in it (cars pass without one). */
export const ZONE_DEFAULTS = {
  classes: ['truck', 'train'] as readonly VehicleClass[],
} as const;

/** An opening window: every day of the week. */
export const OPENING_WINDOW_DEFAULTS = {
  weekdays: ALL_WEEKDAYS,
} as const;

/** A stage: both directions, both cargos, every matching vehicle, no dated changes, no per-wagon time. */
export const STAGE_DEFAULTS = {
  directions: ['south', 'north'] as readonly Direction[],
  cargo: ['loaded', 'empty'] as readonly Cargo[],
  share: 1,
  changes: [] as readonly never[],
  perWagonMin: 0,
  /** No detailed inspection of wagons. */
  wagonInspection: null,
} as const;

/** A demand source. */
export const DEMAND_DEFAULTS = {
  /** The cargo of a source that gives none; a `returnOf` source carries `returnCargo`. */
  cargo: 'loaded' as Cargo,
  returnCargo: 'empty' as Cargo,
  emptyPerLoaded: 1,
  arrivals: 'poisson',
} as const;

/** The weight of every month, weekday or hour of a profile that gives none: flat (already mean 1). */
export const FLAT_PROFILE_WEIGHT = 1;

/** The cargo of a demand source that gives none: empty for a return flow (`returnOf`), else loaded. */
export function defaultCargo(isReturn: boolean): Cargo {
  return isReturn ? DEMAND_DEFAULTS.returnCargo : DEMAND_DEFAULTS.cargo;
}
