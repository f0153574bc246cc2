// Raw schema of one crossing as written in a scenario file: hours, zone, booking, stages, demand sources.
// Cross-field rules (one demand quantity, returnOf targets, stage/demand matching) live in check.ts, the
// defaults it shows in defaults.ts.
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
import { BOOKING_DEFAULTS, CROSSING_DEFAULTS, DEMAND_DEFAULTS, GROWTH_DEFAULTS, STAGE_DEFAULTS, ZONE_DEFAULTS } from './defaults.js';

/** One opening window: `{ time: "08:00-20:00", weekdays: [Mon, Tue], source }`. */
export const WindowInput = named(z.strictObject({
  time: TimeRangeText,
  weekdays: listOf(Weekday, 'weekday').optional().describe('ISO weekdays the window applies to (1 = Monday … 7 = Sunday, or Mon…Sun); default every day.'),
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
  truck: HoursInput.optional().describe(`Opening hours for trucks (local time); default ${CROSSING_DEFAULTS.hours}.`),
  car: HoursInput.optional().describe(`Opening hours for cars and buses (local time); default ${CROSSING_DEFAULTS.hours}.`),
  train: HoursInput.optional().describe(`Opening hours for trains (local time); default ${CROSSING_DEFAULTS.hours}.`),
}), 'HoursByClass');

/** The most servers a stage may have: more parallel lanes than any border post has is a typo. */
export const MAX_SERVERS = 10_000;
const tooMany = { error: `at most ${MAX_SERVERS} servers (more is surely a typo)` };

/** A dated change of a stage's servers (lanes open on a date). */
export const ServerChangeInput = named(z.strictObject({
  from: IsoDate.describe('Local date from whose midnight the new server count applies.'),
  servers: NonNegativeInt.max(MAX_SERVERS, tooMany).describe('Servers working from that date on (0 closes the stage).'),
  source: Source,
}), 'ServerChange');

export const WagonInspectionInput = named(z.strictObject({
  share: Share.describe('Share of a train\'s wagons selected for detailed inspection (each independently).'),
  places: PositiveInt.describe('Wagon inspection places at the station.'),
  perWagonMin: DistInput.describe('Inspection time of one selected wagon, minutes.'),
  source: Source,
}), 'WagonInspection');

export const StageInput = named(z.strictObject({
  id: Id.describe('Stage id, unique within its crossing (stages.csv, override paths crossings.<id>.stages.<id>).'),
  name: Text.describe('Readable name of the stage.'),
  directions: listOf(Direction, 'direction').optional().describe('Directions served by these servers (south, north).').meta({ default: STAGE_DEFAULTS.directions }),
  classes: listOf(VehicleClass, 'vehicle class', 'vehicle classes').describe('Vehicle classes that pass this stage (truck, car, train).'),
  cargo: listOf(Cargo, 'cargo', 'cargo values').optional().describe('Loaded and/or empty vehicles that pass it.').meta({ default: STAGE_DEFAULTS.cargo }),
  share: Share.optional().describe('Share of the matching vehicles sent to this stage, 0–1 (0.33 = a third, drawn for each vehicle).').meta({ default: STAGE_DEFAULTS.share }),
  servers: PositiveInt.max(MAX_SERVERS, tooMany).describe('Lanes, booths, scanners, crews or places working in parallel.'),
  changes: z.array(ServerChangeInput).optional().describe('Dated changes of the number of servers (lanes opening on a date).').meta({ default: STAGE_DEFAULTS.changes }),
  hours: HoursInput.optional().describe('Own opening hours (local time); default the crossing\'s hours for the stage\'s classes.'),
  closesOnHolidays: z.boolean({ error: 'expected true or false' }).optional().describe('Closed on the scenario\'s holidays; default the crossing\'s closesOnHolidays.'),
  serviceMin: DistInput.describe('Service time per vehicle (per train at rail stages), minutes.'),
  perWagonMin: DistInput.optional().describe('Extra service minutes per wagon of a train, added to serviceMin.').meta({ default: STAGE_DEFAULTS.perWagonMin }),
  wagonInspection: WagonInspectionInput.nullable().optional().describe('Detailed inspection of a share of each train\'s wagons at a few wagon places (rail stages); the train waits for its wagons. null = none.').meta({ default: STAGE_DEFAULTS.wagonInspection }),
  source: Source,
}), 'Stage');

export const ProfileInput = named(z.strictObject({
  monthly: weights(12, 'monthly').optional().describe('12 relative weights, January…December (scaled to mean 1); default flat.'),
  weekday: weights(7, 'weekday').optional().describe('7 relative weights, Monday…Sunday (scaled to mean 1); default flat.'),
  hourly: weights(24, 'hourly').optional().describe('24 relative weights, hours 00…23 local time (scaled to mean 1); default flat.'),
}), 'DemandProfile');

export const DemandInput = named(z.strictObject({
  id: Id.describe('Source id, unique within its crossing; seeds the source\'s own arrival stream.'),
  direction: Direction.describe('south (Russia → Mongolia) or north (Mongolia → Russia).'),
  class: VehicleClass.describe('truck or car at a road crossing, train at a rail crossing.'),
  cargo: Cargo.optional().describe(`loaded or empty; default ${DEMAND_DEFAULTS.cargo}, or ${DEMAND_DEFAULTS.returnCargo} for a returnOf source.`),
  tonnesPerYear: PositiveNumber.optional().describe('Loaded tonnes per year, turned into vehicles by payloadT or wagonsPerTrain × tonnesPerWagon, spread over the days of the year from startDate (365, or 366 when it holds a 29 February).'),
  vehiclesPerDay: NonNegativeNumber.optional().describe('Mean vehicles (trucks, cars or trains) per day over the first year, before growth.'),
  returnOf: Id.optional().describe('Empty returns of another (loaded) source of this crossing.'),
  emptyPerLoaded: NonNegativeNumber.optional().describe('Empty vehicles per vehicle of the returnOf source (with returnOf only).').meta({ default: DEMAND_DEFAULTS.emptyPerLoaded }),
  payloadT: PositiveNumber.optional().describe('Tonnes per loaded truck (loaded trucks only, required there).'),
  wagonsPerTrain: PositiveInt.optional().describe('Wagons per train (trains; a return flow takes its loaded flow\'s by default).'),
  tonnesPerWagon: PositiveNumber.optional().describe('Net tonnes per loaded wagon (loaded trains only, required there).'),
  profile: ProfileInput.optional().describe('Relative intensity by month, weekday and hour; a return flow takes its loaded flow\'s; default flat.'),
  arrivals: z
    .enum(['poisson', 'regular'], { error: 'expected arrivals: poisson or regular' })
    .optional()
    .describe('poisson: random arrivals at the profiled rate; regular: one arrival each time the expected count grows by one (timetabled trains).')
    .meta({ default: DEMAND_DEFAULTS.arrivals }),
  source: Source,
}), 'DemandSource');

export const ZoneInput = named(z.strictObject({
  places: PositiveInt.describe('Places held from entering the crossing to leaving it (terminal places, station tracks).'),
  classes: listOf(VehicleClass, 'vehicle class', 'vehicle classes').optional().describe('Classes that need a place; the others pass without one.').meta({ default: ZONE_DEFAULTS.classes }),
  source: Source,
}), 'Zone');

export const ClosureInput = named(z.strictObject({
  name: Text.describe('Readable name (e.g. Naadam).'),
  from: IsoDate.describe('First closed local date, YYYY-MM-DD.'),
  to: IsoDate.describe('Last closed local date, YYYY-MM-DD (inclusive; from = to for one day).'),
  source: Source,
}), 'Closure');

export const GrowthInput = named(z.strictObject({
  south: PositiveNumber.optional().describe('Multiplier of southbound (Russia → Mongolia) demand (1.125 = +12.5%).').meta({ default: GROWTH_DEFAULTS.south }),
  north: PositiveNumber.optional().describe('Multiplier of northbound (Mongolia → Russia) demand (2 = doubled).').meta({ default: GROWTH_DEFAULTS.north }),
}), 'Growth');

/** Where a crossing is: for report.html's map only (the model does not use it). */
export const LocationInput = named(z.strictObject({
  longitudeDeg: z
    .number({ error: 'expected a longitude in degrees east' })
    .min(-180, { error: 'expected a longitude from -180 to 180 degrees' })
    .max(180, { error: 'expected a longitude from -180 to 180 degrees' })
    .describe('Longitude, degrees east of Greenwich (−180 to 180).'),
  latitudeDeg: z
    .number({ error: 'expected a latitude in degrees north' })
    .min(-90, { error: 'expected a latitude from -90 to 90 degrees' })
    .max(90, { error: 'expected a latitude from -90 to 90 degrees' })
    .describe('Latitude, degrees north of the equator (−90 to 90).'),
  source: Source,
}), 'Location');

/** Slots per clock hour of one booking class. */
const slots = (what: string): z.ZodOptional<typeof PositiveInt> =>
  PositiveInt.optional().describe(`Slots per clock hour (local time) for ${what} of one booking direction; absent: ${what} do not book and arrive on the road.`);

export const BookingSlotsInput = named(z.strictObject({
  truck: slots('trucks'),
  car: slots('cars and buses'),
  train: slots('trains'),
}), 'BookingSlots');

/** Booked arrival slots (electronic queue, as Estonia's GoSwift or Zabaikalsk's); its cross-field rules are in check.ts. */
export const BookingInput = named(z.strictObject({
  slotsPerHour: BookingSlotsInput.describe('Vehicles of one direction and class that may book one clock hour (e.g. { truck: 12 }); classes not listed do not book.'),
  directions: listOf(Direction, 'direction').optional().describe('Directions whose vehicles book (slots are counted per direction and class).').meta({ default: BOOKING_DEFAULTS.directions }),
  hours: HoursInput.optional().describe(`Hours of the booking service (local time): a clock hour has slots when it starts within them; none on the crossing's closed dates (its closures, and holidays when it closesOnHolidays); default ${BOOKING_DEFAULTS.hours}.`),
  noShowShare: Share.optional().describe('Share of booked vehicles that never come, 0–1 (drawn for each; their slot stays booked and unused).').meta({ default: BOOKING_DEFAULTS.noShowShare }),
  source: Source,
}), 'Booking');

export const CrossingInput = named(z.strictObject({
  id: Id.describe('Crossing id (outputs, override paths crossings.<id>...).'),
  name: Text.describe('Readable name, e.g. "Kyakhta – Altanbulag".'),
  mode: Mode.describe('road (trucks and cars) or rail (trains).'),
  location: LocationInput.optional().describe('Where the crossing is, to place it on the map of report.html (the model does not use it); default: not on the map.'),
  utcOffsetH: z
    .number({ error: 'expected a UTC offset in hours' })
    .min(-12)
    .max(14)
    .describe('Local time offset from UTC, hours (−12 to 14); hours, holidays and profiles are local time.'),
  zone: ZoneInput.describe('Places held from entering the crossing to leaving it (yard, terminal, station tracks).'),
  approachLimit: PositiveInt.nullable().optional().describe('Vehicles of one direction and class waiting on their approach (the queue approach_queue_* reports) at which a further arrival of that direction and class is turned away; each direction and class has its own queue; null = unlimited.').meta({ default: CROSSING_DEFAULTS.approachLimit }),
  booking: BookingInput.nullable().optional().describe('Booked arrival slots (electronic queue): vehicles of the booking classes and directions wait in a waiting area until their slot\'s clock hour, then drive onto the road approach (approachLimit does not apply to them); null = no booking.').meta({ default: CROSSING_DEFAULTS.booking }),
  closesOnHolidays: z.boolean({ error: 'expected true or false' }).optional().describe('Closed all day on the scenario\'s holidays.').meta({ default: CROSSING_DEFAULTS.closesOnHolidays }),
  closures: z.array(ClosureInput).optional().describe('Closed dates of this crossing only (all its stages), in addition to holidays.').meta({ default: CROSSING_DEFAULTS.closures }),
  hours: ClassHoursInput.optional().describe(`Opening hours per vehicle class; stages inherit them unless they set their own; default ${CROSSING_DEFAULTS.hours}.`),
  growth: GrowthInput.optional().describe('Overrides the scenario\'s demand.growth for this crossing.'),
  stages: listOf(StageInput, 'stage').describe('Stages in the order vehicles pass them; a vehicle passes those matching its class, direction and cargo.'),
  demand: z.array(DemandInput, { error: 'expected a list of demand sources' }).optional().describe('Demand sources: the streams of arriving vehicles; may be left out (or empty) only when a corridor lists the crossing.').meta({ default: CROSSING_DEFAULTS.demand }),
  source: Source,
}), 'Crossing');

export type HoursInput = z.infer<typeof HoursInput>;
export type StageInput = z.infer<typeof StageInput>;
export type DemandInput = z.infer<typeof DemandInput>;
export type CrossingInput = z.infer<typeof CrossingInput>;
export type BookingInput = z.infer<typeof BookingInput>;
