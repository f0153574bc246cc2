// Raw (validated) scenario → resolved Scenario: every default filled (from defaults.ts), stage hours inherited from the crossing,
// holidays turned into closed dates, profiles normalised to mean 1, tonnes turned into vehicles per day.
import type { z } from 'zod';
import { datesBetween, parseTimeRange, weekdayNumber, windowsFor } from './calendar.js';
import { bookingHourProblems, referenceProblems } from './check.js';
import {
  BOOKING_DEFAULTS,
  CORRIDOR_DEFAULTS,
  CROSSING_DEFAULTS,
  DEMAND_DEFAULTS,
  DEMAND_GROWTH_DEFAULTS,
  defaultCargo,
  FLAT_PROFILE_WEIGHT,
  GROWTH_DEFAULTS,
  OPENING_WINDOW_DEFAULTS,
  SCENARIO_DEFAULTS,
  STAGE_DEFAULTS,
  ZONE_DEFAULTS,
} from './defaults.js';
import { formatPath, ScenarioError } from './errors.js';
import { ScenarioInputSchema, type ScenarioInput } from './schema.js';
import type { BookingInput, CrossingInput, DemandInput, HoursInput, StageInput } from './schema-crossing.js';
import type { CorridorInput } from './schema-corridor.js';
import { toDist } from './schema-dist.js';
import { VEHICLE_CLASSES } from './types.js';
import type {
  Booking,
  Cargo,
  Corridor,
  Crossing,
  DemandProfile,
  DemandSource,
  Direction,
  Holiday,
  OpeningWindow,
  Scenario,
  Stage,
  Timetable,
} from './types.js';
import { schemaProblems, valueAt, withoutCascades, type RawProblem } from './validate.js';
import { daysInYearFrom } from './year.js';

export { daysInYearFrom } from './year.js';

/** Validates raw scenario data (schema, then cross-references) and resolves it; throws ScenarioError naming `file`. */
export function resolveScenario(input: unknown, file = '<scenario>'): Scenario {
  const schema = schemaProblems(ScenarioInputSchema, input);
  const problems = [...schema, ...withoutCascades(referenceProblems(input), schema)];
  if (problems.length > 0) throw scenarioError(problems, input, file);
  const scenario = resolveValid(input as ScenarioInput);
  const implausible = resolvedProblems(scenario);
  if (implausible.length > 0) throw scenarioError(implausible, input, file);
  return scenario;
}

function scenarioError(problems: RawProblem[], input: unknown, file: string): ScenarioError {
  return new ScenarioError(
    problems.map((p) => ({
      file,
      path: formatPath(p.path),
      message: p.message,
      ...(p.showValue ? { value: valueAt(input, p.path) } : {}),
    })),
  );
}

/**
 * Most vehicles a day one demand source may bring (after growth): 69 a minute, far above any crossing here. A
 * source above it is almost surely a unit slip (kilotonnes for tonnes, a payload in tonnes × 1000), which would
 * otherwise run for hours or exhaust memory.
 */
export const MAX_VEHICLES_PER_DAY = 100_000;

/** Problems only the resolved scenario shows: demand rates past the limit, booking hours without a slot. */
export function resolvedProblems(s: Scenario): RawProblem[] {
  return [...demandRateProblems(s), ...bookingHourProblems(s)];
}

/** Sources whose resolved demand (vehicles per day × growth) is above MAX_VEHICLES_PER_DAY. */
export function demandRateProblems(s: Scenario): RawProblem[] {
  const out: RawProblem[] = [];
  const owners = [...s.crossings.map((c, i) => ({ c, path: ['crossings', i] })), ...s.corridors.map((c, i) => ({ c, path: ['corridors', i] }))];
  owners.forEach(({ c, path }) =>
    c.demand.forEach((d, k) => {
      const perDay = d.vehiclesPerDay * d.growth;
      if (!(perDay <= MAX_VEHICLES_PER_DAY)) {
        out.push({
          path: [...path, 'demand', k],
          message: `comes to ${perDay.toPrecision(3)} ${d.vehicleClass === 'train' ? 'trains' : 'vehicles'} a day (growth included), above the ${MAX_VEHICLES_PER_DAY} a source may bring: check the units of its tonnes, payload or wagons`,
          showValue: false,
        });
      }
    }),
  );
  return out;
}

/** Resolves data that already passed the schema and the reference checks (no further checks). */
export function resolveValid(input: ScenarioInput): Scenario {
  const holidays: Holiday[] = (input.holidays ?? SCENARIO_DEFAULTS.holidays).map((h) => ({ ...h }));
  const holidayDates = holidays.flatMap((h) => datesBetween(h.from, h.to));
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? SCENARIO_DEFAULTS.description,
    startDate: input.startDate,
    days: input.days,
    warmupDays: input.warmupDays ?? SCENARIO_DEFAULTS.warmupDays,
    replications: input.replications ?? SCENARIO_DEFAULTS.replications,
    seed: input.seed ?? SCENARIO_DEFAULTS.seed,
    holidays,
    crossings: input.crossings.map((c) => resolveCrossing(c, input, holidayDates)),
    corridors: (input.corridors ?? SCENARIO_DEFAULTS.corridors).map((k) => resolveCorridor(k, input)),
  };
}

function resolveCorridor(k: CorridorInput, input: ScenarioInput): Corridor {
  const rule = k.choice ?? CORRIDOR_DEFAULTS.choice;
  return {
    id: k.id,
    name: k.name,
    rule,
    foresight: k.foresight ?? CORRIDOR_DEFAULTS.foresight,
    logitScaleH: rule === 'logit' ? (k.logitScaleH ?? 0) : 0,
    crossings: k.crossings.map((o) => ({ crossing: o.crossing, detourH: o.detourH, source: o.source })),
    demand: resolveDemand(k, input),
    source: k.source,
  };
}

function resolveCrossing(c: CrossingInput, input: ScenarioInput, holidayDates: string[]): Crossing {
  const closureDates = (c.closures ?? CROSSING_DEFAULTS.closures).flatMap((h) => datesBetween(h.from, h.to));
  return {
    id: c.id,
    name: c.name,
    mode: c.mode,
    ...(c.location ? { location: { longitudeDeg: c.location.longitudeDeg, latitudeDeg: c.location.latitudeDeg, source: c.location.source } } : {}),
    utcOffsetH: c.utcOffsetH,
    zone: { places: c.zone.places, classes: c.zone.classes ?? [...ZONE_DEFAULTS.classes], source: c.zone.source },
    approachLimit: c.approachLimit ?? CROSSING_DEFAULTS.approachLimit,
    booking: c.booking ? resolveBooking(c.booking, (c.closesOnHolidays ?? CROSSING_DEFAULTS.closesOnHolidays) ? [...holidayDates, ...closureDates] : closureDates) : CROSSING_DEFAULTS.booking,
    closesOnHolidays: c.closesOnHolidays ?? CROSSING_DEFAULTS.closesOnHolidays,
    stages: c.stages.map((s) => resolveStage(s, c, holidayDates, closureDates)),
    demand: resolveDemand(c, input),
    source: c.source,
  };
}

/** A booking, its hours closed on `closedDates` (the crossing's closures, and its holidays when it closes on them). */
function resolveBooking(b: BookingInput, closedDates: string[]): Booking {
  const slotsPerHour: Booking['slotsPerHour'] = {};
  for (const cls of VEHICLE_CLASSES) {
    const n = b.slotsPerHour[cls];
    if (n !== undefined) slotsPerHour[cls] = n;
  }
  return {
    slotsPerHour,
    directions: b.directions ? [...b.directions] : [...BOOKING_DEFAULTS.directions],
    noShowShare: b.noShowShare ?? BOOKING_DEFAULTS.noShowShare,
    timetable: timetableOf(b.hours ?? BOOKING_DEFAULTS.hours, closedDates),
    source: b.source,
  };
}

function resolveStage(s: StageInput, c: CrossingInput, holidayDates: string[], closureDates: string[]): Stage {
  const closes = s.closesOnHolidays ?? c.closesOnHolidays ?? CROSSING_DEFAULTS.closesOnHolidays;
  return {
    id: s.id,
    name: s.name,
    directions: s.directions ?? [...STAGE_DEFAULTS.directions],
    classes: s.classes,
    cargo: s.cargo ?? [...STAGE_DEFAULTS.cargo],
    share: s.share ?? STAGE_DEFAULTS.share,
    servers: s.servers,
    serverChanges: [...(s.changes ?? STAGE_DEFAULTS.changes)]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((ch) => ({ fromDate: ch.from, servers: ch.servers, source: ch.source })),
    timetable: timetableOf(stageHours(s, c), closes ? [...holidayDates, ...closureDates] : closureDates),
    serviceMin: toDist(s.serviceMin),
    perWagonMin: toDist(s.perWagonMin ?? STAGE_DEFAULTS.perWagonMin),
    wagonInspection: s.wagonInspection
      ? {
          share: s.wagonInspection.share,
          places: s.wagonInspection.places,
          perWagonMin: toDist(s.wagonInspection.perWagonMin),
          source: s.wagonInspection.source,
        }
      : STAGE_DEFAULTS.wagonInspection,
    source: s.source,
  };
}

/** A stage's own hours, else its crossing's hours for its (first) class, else the default (round the clock). */
export function stageHours(s: StageInput, c: CrossingInput): HoursInput {
  if (s.hours !== undefined) return s.hours;
  const cls = s.classes[0];
  return (cls !== undefined ? c.hours?.[cls] : undefined) ?? CROSSING_DEFAULTS.hours;
}

/** Opening windows of an hours spec plus sorted, unique closed dates. */
export function timetableOf(hours: HoursInput, closedDates: string[]): Timetable {
  const entries = Array.isArray(hours) ? hours : [hours];
  const windows: OpeningWindow[] = entries.flatMap((entry) => {
    const spec = typeof entry === 'string' ? { time: entry } : entry;
    const range = parseTimeRange(spec.time);
    if (typeof range === 'string') throw new Error(`unvalidated hours "${spec.time}": ${range}`);
    const weekdays = spec.weekdays ? spec.weekdays.map(weekdayNumber) : OPENING_WINDOW_DEFAULTS.weekdays;
    return windowsFor(range, weekdays);
  });
  return { windows, closedDates: [...new Set(closedDates)].sort() };
}

type DemandProfileInput = NonNullable<z.infer<typeof ScenarioInputSchema>['crossings'][number]['demand']>[number]['profile'];

/** The demand of a crossing or a corridor (its own growth overrides the scenario's). */
function resolveDemand(c: Pick<CrossingInput, 'demand' | 'growth'>, input: ScenarioInput): DemandSource[] {
  const demand = c.demand ?? CROSSING_DEFAULTS.demand;
  const byId = new Map(demand.map((d) => [d.id, d]));
  const growthClasses = input.demand?.growthClasses ?? DEMAND_GROWTH_DEFAULTS.growthClasses;
  const daysPerYear = daysInYearFrom(input.startDate);
  const growthOf = (d: DemandInput): number =>
    growthClasses.includes(d.class) ? (c.growth?.[d.direction] ?? input.demand?.growth?.[d.direction] ?? GROWTH_DEFAULTS[d.direction]) : 1;
  return demand.map((d) => {
    const loaded = d.returnOf !== undefined ? byId.get(d.returnOf) : undefined;
    const cargo: Cargo = d.cargo ?? defaultCargo(loaded !== undefined);
    const wagonsPerTrain = d.class === 'train' ? (d.wagonsPerTrain ?? loaded?.wagonsPerTrain ?? 0) : 0;
    return {
      id: d.id,
      direction: d.direction as Direction,
      vehicleClass: d.class,
      cargo,
      vehiclesPerDay: (loaded ? (d.emptyPerLoaded ?? DEMAND_DEFAULTS.emptyPerLoaded) : 1) * baseVehiclesPerDay(loaded ?? d, daysPerYear),
      payloadT: d.class === 'truck' && cargo === 'loaded' ? (d.payloadT ?? 0) : 0,
      wagonsPerTrain,
      tonnesPerWagon: d.class === 'train' && cargo === 'loaded' ? (d.tonnesPerWagon ?? 0) : 0,
      profile: resolveProfile(d.profile, loaded?.profile),
      arrivals: d.arrivals ?? DEMAND_DEFAULTS.arrivals,
      // Empty returns follow the loaded flow they return from (its direction's growth).
      growth: growthOf(loaded ?? d),
      source: d.source,
    };
  });
}

/** Vehicles per day of a source that gives tonnes (spread over `daysPerYear`) or vehicles (not a return flow). */
export function baseVehiclesPerDay(d: DemandInput, daysPerYear: number): number {
  if (d.vehiclesPerDay !== undefined) return d.vehiclesPerDay;
  const tonnes = d.tonnesPerYear ?? 0;
  const perVehicleT = d.class === 'train' ? (d.wagonsPerTrain ?? 0) * (d.tonnesPerWagon ?? 0) : (d.payloadT ?? 0);
  return perVehicleT > 0 ? tonnes / perVehicleT / daysPerYear : 0;
}

function resolveProfile(own: DemandProfileInput, inherited: DemandProfileInput): DemandProfile {
  return {
    monthly: normalise(own?.monthly ?? inherited?.monthly, 12),
    weekday: normalise(own?.weekday ?? inherited?.weekday, 7),
    hourly: normalise(own?.hourly ?? inherited?.hourly, 24),
  };
}

/** Scales weights to mean 1 (flat when absent). */
export function normalise(weights: readonly number[] | undefined, n: number): number[] {
  if (!weights) return Array.from({ length: n }, () => FLAT_PROFILE_WEIGHT);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w * weights.length) / sum);
}
