// Raw schema of one crossing as written in a scenario file: hours, zone, stages, demand sources.
// Cross-field rules (one demand quantity, returnOf targets, stage/demand matching) live in check.ts.
import { z } from 'zod';
import {
  Cargo,
  Direction,
  Id,
  IsoDate,
  listOf,
  Mode,
  NonNegativeInt,
  NonNegativeNumber,
  PositiveInt,
  PositiveNumber,
  Share,
  Source,
  Text,
  TimeRangeText,
  VehicleClass,
  Weekday,
  weights,
} from './schema-base.js';
import { DistInput } from './schema-dist.js';
import { named } from './schema-names.js';

/** One opening window: `{ time: "08:00-20:00", weekdays: [Mon, Tue], source }`. */
export const WindowInput = named(z.strictObject({
  time: TimeRangeText,
  weekdays: listOf(Weekday, 'weekday').optional().describe('ISO weekdays (1 = Monday or Mon…Sun); default every day.'),
  source: Source.optional(),
}), 'OpeningWindow');

/** Opening hours: "08:00-20:00", "24h", a window object, or a list of them. */
export const HoursInput = named(
  z
    .union([TimeRangeText, WindowInput, listOf(z.union([TimeRangeText, WindowInput]), 'opening window')], {
      error: 'expected opening hours: "08:00-20:00", "24h", { time, weekdays } or a list of them',
    })
    .describe('Opening hours: "08:00-20:00", "24h", { time: "08:00-20:00", weekdays: [Mon, Tue, Wed, Thu, Fri] } or a list of those.'),
  'Hours',
);

/** Default hours per vehicle class at a crossing; stages inherit them unless they set their own. */
export const ClassHoursInput = named(z.strictObject({
  truck: HoursInput.optional(),
  car: HoursInput.optional(),
  train: HoursInput.optional(),
}), 'HoursByClass');

/** The most servers a stage may have: more parallel lanes than any border post has is a typo. */
export const MAX_SERVERS = 10_000;
const tooMany = { error: `at most ${MAX_SERVERS} servers (more is surely a typo)` };

/** A dated change of a stage's servers (lanes open on a date). */
export const ServerChangeInput = named(z.strictObject({
  from: IsoDate.describe('Local date from whose midnight the new server count applies.'),
  servers: NonNegativeInt.max(MAX_SERVERS, tooMany),
  source: Source,
}), 'ServerChange');

export const WagonInspectionInput = named(z.strictObject({
  share: Share.describe('Share of a train\'s wagons selected for detailed inspection (each independently).'),
  places: PositiveInt.describe('Wagon inspection places at the station.'),
  perWagonMin: DistInput,
  source: Source,
}), 'WagonInspection');

export const StageInput = named(z.strictObject({
  id: Id,
  name: Text,
  directions: listOf(Direction, 'direction').optional().describe('Directions served by these servers; default both.'),
  classes: listOf(VehicleClass, 'vehicle class', 'vehicle classes'),
  cargo: listOf(Cargo, 'cargo', 'cargo values').optional().describe('Loaded and/or empty vehicles; default both.'),
  share: Share.optional().describe('Share of eligible vehicles sent to this stage; default 1.'),
  servers: PositiveInt.max(MAX_SERVERS, tooMany).describe('Lanes, booths, scanners, crews or places working in parallel.'),
  changes: z.array(ServerChangeInput).optional(),
  hours: HoursInput.optional().describe('Own opening hours; default the crossing\'s hours for the stage\'s classes.'),
  closesOnHolidays: z.boolean({ error: 'expected true or false' }).optional(),
  serviceMin: DistInput,
  perWagonMin: DistInput.optional().describe('Extra minutes per wagon (trains); default 0.'),
  wagonInspection: WagonInspectionInput.nullable().optional(),
  source: Source,
}), 'Stage');

export const ProfileInput = named(z.strictObject({
  monthly: weights(12, 'monthly').optional().describe('12 relative weights, January…December; default flat.'),
  weekday: weights(7, 'weekday').optional().describe('7 relative weights, Monday…Sunday; default flat.'),
  hourly: weights(24, 'hourly').optional().describe('24 relative weights, 00h…23h local; default flat.'),
}), 'DemandProfile');

export const DemandInput = named(z.strictObject({
  id: Id,
  direction: Direction,
  class: VehicleClass,
  cargo: Cargo.optional().describe('Default loaded, or empty for a returnOf source.'),
  tonnesPerYear: PositiveNumber.optional().describe('Loaded tonnes per year, turned into vehicles by payloadT or wagonsPerTrain × tonnesPerWagon, spread over the days of the year from startDate (365, or 366 when it holds a 29 February).'),
  vehiclesPerDay: NonNegativeNumber.optional().describe('Mean vehicles (trucks, cars or trains) per day.'),
  returnOf: Id.optional().describe('Empty returns of another (loaded) source of this crossing.'),
  emptyPerLoaded: NonNegativeNumber.optional().describe('Empty vehicles per vehicle of the returnOf source; default 1.'),
  payloadT: PositiveNumber.optional().describe('Tonnes per loaded truck.'),
  wagonsPerTrain: PositiveInt.optional(),
  tonnesPerWagon: PositiveNumber.optional().describe('Net tonnes per loaded wagon.'),
  profile: ProfileInput.optional(),
  arrivals: z
    .enum(['poisson', 'regular'], { error: 'expected arrivals: poisson or regular' })
    .optional()
    .describe('poisson (default): random arrivals at the profiled rate; regular: one arrival each time the expected count grows by one (timetabled trains).'),
  source: Source,
}), 'DemandSource');

export const ZoneInput = named(z.strictObject({
  places: PositiveInt.describe('Places held from entering the crossing to leaving it (terminal places, station tracks).'),
  classes: listOf(VehicleClass, 'vehicle class', 'vehicle classes').optional().describe('Classes that need a place; default truck and train.'),
  source: Source,
}), 'Zone');

export const ClosureInput = named(z.strictObject({
  name: Text,
  from: IsoDate,
  to: IsoDate,
  source: Source,
}), 'Closure');

export const GrowthInput = named(z.strictObject({
  south: PositiveNumber.optional().describe('Multiplier of southbound (Russia→Mongolia) demand.'),
  north: PositiveNumber.optional().describe('Multiplier of northbound (Mongolia→Russia) demand.'),
}), 'Growth');

export const CrossingInput = named(z.strictObject({
  id: Id,
  name: Text,
  mode: Mode,
  utcOffsetH: z.number({ error: 'expected a UTC offset in hours' }).min(-12).max(14),
  zone: ZoneInput,
  approachLimit: PositiveInt.nullable().optional().describe('Vehicles of one direction and class waiting on their approach (the queue approach_queue_* reports) at which a further arrival of that direction and class is turned away; each direction and class has its own queue; default unlimited.'),
  closesOnHolidays: z.boolean({ error: 'expected true or false' }).optional().describe('Closed on the scenario\'s holidays; default false.'),
  closures: z.array(ClosureInput).optional().describe('Closures of this crossing only (all stages), in addition to holidays.'),
  hours: ClassHoursInput.optional(),
  growth: GrowthInput.optional().describe('Overrides the scenario\'s demand.growth for this crossing.'),
  stages: listOf(StageInput, 'stage'),
  demand: listOf(DemandInput, 'demand source'),
  source: Source,
}), 'Crossing');

export type HoursInput = z.infer<typeof HoursInput>;
export type StageInput = z.infer<typeof StageInput>;
export type DemandInput = z.infer<typeof DemandInput>;
export type CrossingInput = z.infer<typeof CrossingInput>;
