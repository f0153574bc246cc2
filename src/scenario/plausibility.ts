// Plausibility warnings (not errors) for likely unit slips in a valid scenario: service minutes given in hours,
// tonnes in kilotonnes, payloads in kilograms, demand far below a vehicle a day. Pure: load.ts adds file and line.
import { distMean } from '../random/moments.js';
import { formatPath, formatProblem, formatValue, type Path } from './errors.js';
import type { ScenarioInput } from './schema.js';
import type { DemandSource, Scenario, Stage } from './types.js';
import { daysInYearFrom } from './year.js';
import { MIN_PER_DAY, MIN_PER_H } from '../units.js';

/**
 * Least mean service minutes at a stage that serves trucks or trains, and per wagon at a detailed inspection. The
 * quickest such step in the data sheet is an X-ray scan, ≈ 10 min a truck [24]; a mean under a minute is far more
 * likely hours written where minutes are meant (0.36 for 21.6 min). Car-only stages are left alone (a wave-through
 * can take seconds).
 */
export const MIN_FREIGHT_SERVICE_MIN = 1;

/**
 * Most mean minutes one vehicle (or one wagon) may spend at one stage: a day. The slowest step in the data sheet
 * is a train's 3–8 h at Naushki [25]; more than a day is more likely seconds written as minutes, or a
 * whole-crossing time (waiting included) entered as a service time.
 */
export const MAX_SERVICE_MIN = MIN_PER_DAY;

/**
 * Least tonnes per year of a source that gives tonnes. The smallest flow in the data sheet is 750 t/yr (15% of a
 * small Tuva crossing's 0.005 Mt, §6); 500 t is 25 truckloads a year, so a figure below it is more likely
 * kilotonnes (or million tonnes) written as tonnes.
 */
export const MIN_TONNES_PER_YEAR = 500;

/**
 * Least trucks or cars a day from one source (growth included): one every ten days. The smallest road flows in
 * the data sheet are ≈ 0.1 trucks a day (750 t/yr in 20-t loads, §6); below it a figure is more likely in
 * kilotonnes, or per year where per day is meant.
 */
export const MIN_VEHICLES_PER_DAY = 0.1;

/**
 * Least trains a day from one source (growth included): one every 20 days. Rail flows come in few, long trains:
 * the smallest in the data sheet is Solovyevsk's northbound loaded flow, ≈ 0.09 trains a day (§6, [11]); below
 * one train in 20 days a tonnage is more likely kilotonnes (Naushki's 6,162 kt as tonnes gives 0.005 a day).
 */
export const MIN_TRAINS_PER_DAY = 0.05;

/**
 * Tonnes per loaded truck: 5 t is a light lorry, 80 t above any road train here (nominal 20 t [20], tankers ≈ 24 t
 * [1]); outside it the payload is more likely in kilograms or kilotonnes.
 */
export const PAYLOAD_T = { min: 5, max: 80 } as const;

/**
 * Net tonnes per loaded wagon: a 1520 mm gondola carries 69.5–70 t [21] (64 t assumed); under 10 t a wagon is
 * nearly empty and above 80 t no wagon here carries it, so the figure is more likely in other units.
 */
export const WAGON_LOAD_T = { min: 10, max: 80 } as const;

/** Which rule a warning comes from (stable names for run.json). */
export type PlausibilityRule = 'service-minutes' | 'tonnes-per-year' | 'demand-rate' | 'payload' | 'wagon-load';

/** One plausibility warning, shaped like a Problem: `file:line path: message, got value`. */
export interface ScenarioWarning {
  rule: PlausibilityRule;
  /** Id of the crossing the value belongs to (a plan's path counts its own list, not the scenario's). */
  crossing: string;
  /** The file that wrote the value (set by loadScenarioWithWarnings; absent from plausibilityWarnings). */
  file?: string;
  line?: number;
  /** Path inside the file, e.g. `crossings[0].stages[1].serviceMin`. */
  path: string;
  /** The value as written (the raw input's, when given), or the resolved one. */
  value?: unknown;
  message: string;
}

/** A warning located by a path array (load.ts turns it into file, line and a path string). */
export interface PlausibilityFinding {
  rule: PlausibilityRule;
  crossing: string;
  path: Path;
  value?: unknown;
  message: string;
}

/**
 * Every plausibility warning of a resolved scenario, with paths as strings and no file. With `input` (the raw
 * scenario it was resolved from) a warning points at the key as written (tonnesPerYear, vehiclesPerDay) and
 * return flows are judged by their loaded flow; without it, at the demand source with its resolved rate. Never throws.
 */
export function plausibilityWarnings(scenario: Scenario, input?: ScenarioInput): ScenarioWarning[] {
  return plausibilityFindings(scenario, input).map((f) => ({ rule: f.rule, crossing: f.crossing, path: formatPath(f.path), ...('value' in f ? { value: f.value } : {}), message: f.message }));
}

/** plausibilityWarnings with paths as key arrays (for locating them in files); never throws. */
export function plausibilityFindings(scenario: Scenario, input?: ScenarioInput): PlausibilityFinding[] {
  const out: PlausibilityFinding[] = [];
  const daysPerYear = daysInYearFrom(scenario.startDate);
  scenario.crossings.forEach((c, ci) => {
    const rawCrossing = input?.crossings[ci];
    const of = (f: Finding): PlausibilityFinding => ({ ...f, crossing: c.id });
    c.stages.forEach((st, si) => out.push(...stageFindings(st, ['crossings', ci, 'stages', si], rawCrossing?.stages[si]).map(of)));
    c.demand.forEach((d, di) => {
      const raw = rawCrossing?.demand?.[di];
      out.push(...demandFindings(d, ['crossings', ci, 'demand', di], daysPerYear, raw).map(of));
    });
  });
  return out;
}

/** One warning as `file:line path: message, got value`, as a scenario problem reads (`path: …` without a file). */
export function formatWarning(w: ScenarioWarning): string {
  if (w.file !== undefined) {
    return formatProblem({ file: w.file, ...(w.line !== undefined ? { line: w.line } : {}), path: w.path, value: w.value, message: w.message });
  }
  const got = w.value !== undefined ? `, got ${formatValue(w.value)}` : '';
  return `${w.path === '' ? '' : `${w.path}: `}${w.message}${got}`;
}

type RawStage = ScenarioInput['crossings'][number]['stages'][number];
type RawDemand = NonNullable<ScenarioInput['crossings'][number]['demand']>[number];

const minutes = (m: number): string => (m >= 120 ? `${fmt(m)} min (${fmt(m / MIN_PER_H)} h)` : `${fmt(m)} min`);
const fmt = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3))));

/** A finding of one crossing's value, before the crossing is named. */
type Finding = Omit<PlausibilityFinding, 'crossing'>;

function stageFindings(st: Stage, at: Path, raw: RawStage | undefined): Finding[] {
  const out: Finding[] = [];
  const freight = st.classes.some((cls) => cls !== 'car');
  const check = (key: Path, mean: number, value: unknown, what: string, least: boolean) => {
    if (least && mean < MIN_FREIGHT_SERVICE_MIN) {
      out.push({
        rule: 'service-minutes',
        path: [...at, ...key],
        value,
        message: `mean ${what} ${minutes(mean)}: under ${MIN_FREIGHT_SERVICE_MIN} minute for ${st.classes.join('/')}; hours written as minutes? (${fmt(mean)} h = ${fmt(mean * MIN_PER_H)} min)`,
      });
    } else if (mean > MAX_SERVICE_MIN) {
      out.push({
        rule: 'service-minutes',
        path: [...at, ...key],
        value,
        message: `mean ${what} ${minutes(mean)}: over a day; seconds written as minutes (${fmt(mean)} s = ${fmt(mean / 60)} min), or a whole-crossing time with its waiting?`,
      });
    }
  };
  check(['serviceMin'], distMean(st.serviceMin), raw ? raw.serviceMin : st.serviceMin, 'service time', freight);
  check(['perWagonMin'], distMean(st.perWagonMin), raw ? raw.perWagonMin : st.perWagonMin, 'extra time per wagon', false);
  if (st.wagonInspection) {
    const wi = st.wagonInspection;
    check(['wagonInspection', 'perWagonMin'], distMean(wi.perWagonMin), raw?.wagonInspection ? raw.wagonInspection.perWagonMin : wi.perWagonMin, 'inspection time per wagon', true);
  }
  return out;
}

const vehicles = (d: DemandSource): string => (d.vehicleClass === 'train' ? 'trains' : d.vehicleClass === 'car' ? 'cars' : 'trucks');

function demandFindings(d: DemandSource, at: Path, daysPerYear: number, raw: RawDemand | undefined): Finding[] {
  const out: Finding[] = [];
  if (d.vehicleClass === 'truck' && d.cargo === 'loaded' && (d.payloadT < PAYLOAD_T.min || d.payloadT > PAYLOAD_T.max)) {
    out.push({
      rule: 'payload',
      path: [...at, 'payloadT'],
      value: d.payloadT,
      message: `${fmt(d.payloadT)} t per truck, outside ${PAYLOAD_T.min}–${PAYLOAD_T.max} t; ${d.payloadT > PAYLOAD_T.max ? 'kilograms' : 'kilotonnes'} written as tonnes?`,
    });
  }
  if (d.vehicleClass === 'train' && d.cargo === 'loaded' && (d.tonnesPerWagon < WAGON_LOAD_T.min || d.tonnesPerWagon > WAGON_LOAD_T.max)) {
    out.push({
      rule: 'wagon-load',
      path: [...at, 'tonnesPerWagon'],
      value: d.tonnesPerWagon,
      message: `${fmt(d.tonnesPerWagon)} t per wagon, outside ${WAGON_LOAD_T.min}–${WAGON_LOAD_T.max} t; ${d.tonnesPerWagon > WAGON_LOAD_T.max ? 'kilograms, or tonnes per train,' : 'kilotonnes'} written as tonnes per wagon?`,
    });
  }
  // Return flows follow their loaded flow, which is judged itself; a rate of exactly 0 is a source switched off;
  // a payload already flagged explains its rate, so the rate is not flagged again as kilotonnes.
  if (raw?.returnOf !== undefined || d.vehiclesPerDay === 0 || out.length > 0) return out;
  const perVehicleT = d.vehicleClass === 'train' ? d.wagonsPerTrain * d.tonnesPerWagon : d.payloadT;
  const givesTonnes = raw ? raw.tonnesPerYear !== undefined : d.cargo === 'loaded' && d.vehicleClass !== 'car';
  const tonnesPerYear = raw?.tonnesPerYear ?? d.vehiclesPerDay * perVehicleT * daysPerYear;
  const key: Path = raw ? [givesTonnes ? 'tonnesPerYear' : 'vehiclesPerDay'] : [];
  const value = raw ? (givesTonnes ? raw.tonnesPerYear : raw.vehiclesPerDay) : d.vehiclesPerDay;
  const perDay = d.vehiclesPerDay * d.growth;
  const least = d.vehicleClass === 'train' ? MIN_TRAINS_PER_DAY : MIN_VEHICLES_PER_DAY;
  const asKilotonnes = `(×1000 would be ${fmt(perDay * 1000)} ${vehicles(d)} a day)`;
  if (givesTonnes && tonnesPerYear < MIN_TONNES_PER_YEAR) {
    out.push({
      rule: 'tonnes-per-year',
      path: [...at, ...key],
      value,
      message: `${fmt(tonnesPerYear)} t a year, under ${MIN_TONNES_PER_YEAR} t (${fmt(perDay)} ${vehicles(d)} a day); kilotonnes written as tonnes? ${asKilotonnes}`,
    });
  } else if (perDay < least) {
    out.push({
      rule: 'demand-rate',
      path: [...at, ...key],
      value,
      message:
        `comes to ${fmt(perDay)} ${vehicles(d)} a day (one every ${fmt(1 / perDay)} days, growth included), under ${least} a day; ` +
        (givesTonnes ? `kilotonnes written as tonnes? ${asKilotonnes}` : 'a figure per year or per month written per day?'),
    });
  }
  return out;
}
