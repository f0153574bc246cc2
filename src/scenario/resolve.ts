// Raw (validated) scenario → resolved Scenario: every default filled, stage hours inherited from the crossing,
// holidays turned into closed dates, profiles normalised to mean 1, tonnes turned into vehicles per day.
import type { z } from 'zod';
import { ALL_WEEKDAYS, datesBetween, parseTimeRange, weekdayNumber, windowsFor } from './calendar.js';
import { referenceProblems } from './check.js';
import { formatPath, ScenarioError } from './errors.js';
import { ScenarioInputSchema, type ScenarioInput } from './schema.js';
import type { CrossingInput, DemandInput, HoursInput, StageInput } from './schema-crossing.js';
import { toDist } from './schema-dist.js';
import type {
  Cargo,
  Crossing,
  DemandProfile,
  DemandSource,
  Direction,
  Holiday,
  OpeningWindow,
  Scenario,
  Stage,
  Timetable,
  VehicleClass,
} from './types.js';
import { schemaProblems, valueAt, withoutCascades, type RawProblem } from './validate.js';
import { daysInYearFrom } from './year.js';

export { daysInYearFrom } from './year.js';
export const DEFAULT_REPLICATIONS = 10;
export const DEFAULT_SEED = 1;
export const DEFAULT_GROWTH_CLASSES: readonly VehicleClass[] = ['truck', 'train'];

/** Validates raw scenario data (schema, then cross-references) and resolves it; throws ScenarioError naming `file`. */
export function resolveScenario(input: unknown, file = '<scenario>'): Scenario {
  const schema = schemaProblems(ScenarioInputSchema, input);
  const problems = [...schema, ...withoutCascades(referenceProblems(input), schema)];
  if (problems.length > 0) throw scenarioError(problems, input, file);
  const scenario = resolveValid(input as ScenarioInput);
  const implausible = demandRateProblems(scenario);
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

/** Sources whose resolved demand (vehicles per day × growth) is above MAX_VEHICLES_PER_DAY. */
export function demandRateProblems(s: Scenario): RawProblem[] {
  const out: RawProblem[] = [];
  s.crossings.forEach((c, ci) =>
    c.demand.forEach((d, k) => {
      const perDay = d.vehiclesPerDay * d.growth;
      if (!(perDay <= MAX_VEHICLES_PER_DAY)) {
        out.push({
          path: ['crossings', ci, 'demand', k],
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
  const holidays: Holiday[] = (input.holidays ?? []).map((h) => ({ ...h }));
  const holidayDates = holidays.flatMap((h) => datesBetween(h.from, h.to));
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? '',
    startDate: input.startDate,
    days: input.days,
    warmupDays: input.warmupDays ?? 0,
    replications: input.replications ?? DEFAULT_REPLICATIONS,
    seed: input.seed ?? DEFAULT_SEED,
    holidays,
    crossings: input.crossings.map((c) => resolveCrossing(c, input, holidayDates)),
  };
}

function resolveCrossing(c: CrossingInput, input: ScenarioInput, holidayDates: string[]): Crossing {
  const closureDates = (c.closures ?? []).flatMap((h) => datesBetween(h.from, h.to));
  return {
    id: c.id,
    name: c.name,
    mode: c.mode,
    ...(c.location ? { location: { longitudeDeg: c.location.longitudeDeg, latitudeDeg: c.location.latitudeDeg, source: c.location.source } } : {}),
    utcOffsetH: c.utcOffsetH,
    zone: { places: c.zone.places, classes: c.zone.classes ?? ['truck', 'train'], source: c.zone.source },
    approachLimit: c.approachLimit ?? null,
    closesOnHolidays: c.closesOnHolidays ?? false,
    stages: c.stages.map((s) => resolveStage(s, c, holidayDates, closureDates)),
    demand: resolveDemand(c, input),
    source: c.source,
  };
}

function resolveStage(s: StageInput, c: CrossingInput, holidayDates: string[], closureDates: string[]): Stage {
  const closes = s.closesOnHolidays ?? c.closesOnHolidays ?? false;
  return {
    id: s.id,
    name: s.name,
    directions: s.directions ?? ['south', 'north'],
    classes: s.classes,
    cargo: s.cargo ?? ['loaded', 'empty'],
    share: s.share ?? 1,
    servers: s.servers,
    serverChanges: [...(s.changes ?? [])]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((ch) => ({ fromDate: ch.from, servers: ch.servers, source: ch.source })),
    timetable: timetableOf(stageHours(s, c), closes ? [...holidayDates, ...closureDates] : closureDates),
    serviceMin: toDist(s.serviceMin),
    perWagonMin: toDist(s.perWagonMin ?? 0),
    wagonInspection: s.wagonInspection
      ? {
          share: s.wagonInspection.share,
          places: s.wagonInspection.places,
          perWagonMin: toDist(s.wagonInspection.perWagonMin),
          source: s.wagonInspection.source,
        }
      : null,
    source: s.source,
  };
}

/** A stage's own hours, else its crossing's hours for its (first) class, else round the clock. */
export function stageHours(s: StageInput, c: CrossingInput): HoursInput {
  if (s.hours !== undefined) return s.hours;
  const cls = s.classes[0];
  return (cls !== undefined ? c.hours?.[cls] : undefined) ?? '24h';
}

/** Opening windows of an hours spec plus sorted, unique closed dates. */
export function timetableOf(hours: HoursInput, closedDates: string[]): Timetable {
  const entries = Array.isArray(hours) ? hours : [hours];
  const windows: OpeningWindow[] = entries.flatMap((entry) => {
    const spec = typeof entry === 'string' ? { time: entry } : entry;
    const range = parseTimeRange(spec.time);
    if (typeof range === 'string') throw new Error(`unvalidated hours "${spec.time}": ${range}`);
    const weekdays = spec.weekdays ? spec.weekdays.map(weekdayNumber) : ALL_WEEKDAYS;
    return windowsFor(range, weekdays);
  });
  return { windows, closedDates: [...new Set(closedDates)].sort() };
}

type DemandProfileInput = z.infer<typeof ScenarioInputSchema>['crossings'][number]['demand'][number]['profile'];

function resolveDemand(c: CrossingInput, input: ScenarioInput): DemandSource[] {
  const byId = new Map(c.demand.map((d) => [d.id, d]));
  const growthClasses = input.demand?.growthClasses ?? DEFAULT_GROWTH_CLASSES;
  const daysPerYear = daysInYearFrom(input.startDate);
  const growthOf = (d: DemandInput): number =>
    growthClasses.includes(d.class) ? (c.growth?.[d.direction] ?? input.demand?.growth?.[d.direction] ?? 1) : 1;
  return c.demand.map((d) => {
    const loaded = d.returnOf !== undefined ? byId.get(d.returnOf) : undefined;
    const cargo: Cargo = d.cargo ?? (loaded ? 'empty' : 'loaded');
    const wagonsPerTrain = d.class === 'train' ? (d.wagonsPerTrain ?? loaded?.wagonsPerTrain ?? 0) : 0;
    return {
      id: d.id,
      direction: d.direction as Direction,
      vehicleClass: d.class,
      cargo,
      vehiclesPerDay: (loaded ? (d.emptyPerLoaded ?? 1) : 1) * baseVehiclesPerDay(loaded ?? d, daysPerYear),
      payloadT: d.class === 'truck' && cargo === 'loaded' ? (d.payloadT ?? 0) : 0,
      wagonsPerTrain,
      tonnesPerWagon: d.class === 'train' && cargo === 'loaded' ? (d.tonnesPerWagon ?? 0) : 0,
      profile: resolveProfile(d.profile, loaded?.profile),
      arrivals: d.arrivals ?? 'poisson',
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
  if (!weights) return Array.from({ length: n }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w * weights.length) / sum);
}
