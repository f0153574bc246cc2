// Cross-field and cross-reference checks of raw scenario data: duplicate ids, demand quantities, returnOf
// targets, stages that match no demand, mode mismatches, inherited hours. Runs on possibly invalid data
// (reads defensively) so its problems come out together with the schema's.
import { endsByLastDate, isIsoDate, LAST_DATE, windowsHoldHourStart } from './calendar.js';
import { BOOKING_DEFAULTS, CROSSING_DEFAULTS, defaultCargo, STAGE_DEFAULTS } from './defaults.js';
import type { Path } from './errors.js';
import type { Scenario } from './types.js';
import type { RawProblem } from './validate.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter(isPlain) : []);
const strings = (v: unknown, fallback: readonly string[]): readonly string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const MODE_CLASSES: Record<string, string[]> = { road: ['truck', 'car'], rail: ['train'] };

/** Every cross-reference problem of raw scenario data (empty when consistent). */
export function referenceProblems(data: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  const add: Add = (path, message, showValue = false, matching = false) =>
    out.push({ path, message, showValue, ...(matching ? { matching } : {}) });
  if (!isPlain(data)) return out;
  const crossings = Array.isArray(data.crossings) ? data.crossings : [];
  duplicateIds(crossings, ['crossings'], 'crossing', add);
  if (typeof data.days === 'number' && typeof data.warmupDays === 'number' && data.warmupDays >= data.days) {
    add(['warmupDays'], `must be fewer than days (${data.days})`, true);
  }
  if (typeof data.startDate === 'string' && isIsoDate(data.startDate) && Number.isInteger(data.days) && (data.days as number) > 0 && !endsByLastDate(data.startDate, data.days as number)) {
    add(['days'], `runs past ${LAST_DATE} from startDate ${data.startDate}`, true);
  }
  checkDateRanges(data.holidays, ['holidays'], add);
  // Corridor demand sources count as demand of every crossing they may use (its stages serve them too).
  const corridorDemand = (id: unknown): Plain[] =>
    list(data.corridors).filter((k) => list(k.crossings).some((o) => o.crossing === id)).flatMap((k) => list(k.demand));
  crossings.forEach((crossing, c) => {
    if (isPlain(crossing)) checkCrossing(crossing, ['crossings', c], add, corridorDemand(crossing.id));
  });
  duplicateIds(data.corridors, ['corridors'], 'corridor', add);
  list(data.corridors).forEach((corridor, k) => checkCorridor(corridor, ['corridors', k], list(crossings), add));
  return out;
}

type Add = (path: Path, message: string, showValue?: boolean, matching?: boolean) => void;

function duplicateIds(items: unknown, path: Path, what: string, add: Add): void {
  const first = new Map<string, number>();
  (Array.isArray(items) ? items : []).forEach((item, i) => {
    const id = isPlain(item) ? str(item.id) : undefined;
    if (id === undefined) return;
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else add([...path, i, 'id'], `duplicate ${what} id "${id}" (also ${what} ${at})`);
  });
}

function checkDateRanges(items: unknown, path: Path, add: Add): void {
  list(items).forEach((item, i) => {
    const from = str(item.from);
    const to = str(item.to);
    if (from !== undefined && to !== undefined && to < from) add([...path, i, 'to'], `ends before it starts (from ${from})`, true);
  });
}

function checkCrossing(crossing: Plain, path: Path, add: Add, corridorDemand: Plain[] = []): void {
  const mode = str(crossing.mode) ?? '';
  const allowed = MODE_CLASSES[mode] ?? ['truck', 'car', 'train'];
  // Elements of a class the mode does not allow are reported once and left out of the matching checks.
  const fits = (cls: unknown): boolean => typeof cls === 'string' && allowed.includes(cls);
  const stages = list(crossing.stages);
  const demand = list(crossing.demand);
  const matchedStages = stages.filter((s) => strings(s.classes, []).every(fits));
  const matchedDemand = demand.filter((d) => fits(d.class));
  if (demand.length === 0 && corridorDemand.length === 0 && (crossing.demand === undefined || Array.isArray(crossing.demand))) {
    add([...path, 'demand'], 'no demand: give the crossing demand sources of its own, or list it in a corridor');
  }
  duplicateIds(crossing.stages, [...path, 'stages'], 'stage', add);
  duplicateIds(crossing.demand, [...path, 'demand'], 'demand', add);
  checkDateRanges(crossing.closures, [...path, 'closures'], add);

  const hours = isPlain(crossing.hours) ? crossing.hours : {};
  const demandCargo = (d: Plain): string => str(d.cargo) ?? defaultCargo(d.returnOf !== undefined);
  const serves = (s: Plain, d: Plain): boolean =>
    strings(s.classes, []).includes(str(d.class) ?? '') &&
    strings(s.directions, STAGE_DEFAULTS.directions).includes(str(d.direction) ?? '') &&
    strings(s.cargo, STAGE_DEFAULTS.cargo).includes(demandCargo(d));

  stages.forEach((stage, s) => {
    const at = [...path, 'stages', s];
    const classes = strings(stage.classes, []);
    classes.forEach((cls, k) => {
      if (!allowed.includes(cls)) add([...at, 'classes', k], `a ${mode} crossing has no ${cls} traffic (allowed: ${allowed.join(', ')})`, true);
    });
    if (mode === 'road' && stage.wagonInspection !== undefined && stage.wagonInspection !== null) {
      add([...at, 'wagonInspection'], 'wagon inspection applies to rail crossings only');
    }
    if (classes.length > 0 && matchedStages.includes(stage) && demand.length + corridorDemand.length > 0 && ![...matchedDemand, ...corridorDemand.filter((d) => fits(d.class))].some((d) => serves(stage, d))) {
      add(at, `stage "${str(stage.id) ?? s}" serves no demand source (no demand of class ${classes.join('/')} in its directions and cargo)`, false, true);
    }
    if (stage.hours === undefined) {
      const specs = classes.map((cls) => JSON.stringify(hours[cls] ?? CROSSING_DEFAULTS.hours, (key, v: unknown) => (key === 'source' ? undefined : v)));
      if (new Set(specs).size > 1) {
        add(at, `serves ${classes.join(' and ')}, whose crossing hours differ: give the stage its own hours`, false, true);
      }
    }
    const dates = list(stage.changes).map((ch) => str(ch.from));
    dates.forEach((d, k) => {
      if (d !== undefined && dates.indexOf(d) !== k) add([...at, 'changes', k, 'from'], 'two server changes on the same date', true);
    });
  });

  demand.forEach((d, k) => checkDemand(d, k, demand, [...path, 'demand', k], allowed, mode, add));
  if (isPlain(crossing.booking)) checkBooking(crossing.booking, [...path, 'booking'], [...demand, ...corridorDemand], allowed, mode, add);
  demand.forEach((d, k) => {
    if (matchedDemand.includes(d) && stages.length > 0 && !matchedStages.some((s) => serves(s, d))) {
      add([...path, 'demand', k], `demand "${str(d.id) ?? k}" passes no stage (no stage serves ${str(d.class)} ${str(d.direction)} ${demandCargo(d)})`, false, true);
    }
  });
}

/** A booking's slots: some class, of the crossing's mode, with demand in the booking directions. */
function checkBooking(booking: Plain, at: Path, demand: Plain[], allowed: string[], mode: string, add: Add): void {
  if (!isPlain(booking.slotsPerHour)) return;
  const slots = booking.slotsPerHour;
  const classes = Object.keys(slots).filter((cls) => slots[cls] !== undefined && slots[cls] !== null);
  if (classes.length === 0) add([...at, 'slotsPerHour'], `give the slots per hour of at least one class (${allowed.join(', ')})`);
  const directions = strings(booking.directions, BOOKING_DEFAULTS.directions);
  classes.forEach((cls) => {
    if (!['truck', 'car', 'train'].includes(cls)) return; // the schema names it
    if (!allowed.includes(cls)) {
      add([...at, 'slotsPerHour', cls], `a ${mode} crossing has no ${cls} traffic (allowed: ${allowed.join(', ')})`, true);
    } else if (demand.length > 0 && !demand.some((d) => d.class === cls && directions.includes(str(d.direction) ?? ''))) {
      add([...at, 'slotsPerHour', cls], `no ${cls} demand source (of the crossing or of a corridor using it) in the booking directions (${directions.join(', ')}) would book these slots`, true);
    }
  });
}

/** Bookings whose hours hold no clock hour's start: they would never have a slot. */
export function bookingHourProblems(s: Scenario): RawProblem[] {
  const out: RawProblem[] = [];
  s.crossings.forEach((c, i) => {
    const windows = c.booking?.timetable.windows ?? null;
    if (windows === null) return;
    if (!windowsHoldHourStart(windows)) out.push({ path: ['crossings', i, 'booking', 'hours'], message: 'no clock hour starts within these hours: the booking service would have no slot', showValue: false });
  });
  return out;
}

function checkDemand(d: Plain, k: number, all: Plain[], at: Path, allowed: string[], mode: string, add: Add): void {
  const cls = str(d.class) ?? '';
  if (cls !== '' && !allowed.includes(cls)) {
    add([...at, 'class'], `a ${mode} crossing has no ${cls} traffic (allowed: ${allowed.join(', ')})`, true);
    return;
  }
  const given = ['tonnesPerYear', 'vehiclesPerDay', 'returnOf'].filter((key) => d[key] !== undefined);
  if (given.length !== 1) {
    add(at, given.length === 0 ? 'give one of tonnesPerYear, vehiclesPerDay or returnOf' : `give only one of ${given.join(', ')}`);
  }
  if (d.emptyPerLoaded !== undefined && d.returnOf === undefined) add([...at, 'emptyPerLoaded'], 'applies only with returnOf');
  const cargo = str(d.cargo) ?? defaultCargo(d.returnOf !== undefined);
  if (d.tonnesPerYear !== undefined && cargo !== 'loaded') add([...at, 'tonnesPerYear'], 'tonnes apply to loaded vehicles only');
  if (d.tonnesPerYear !== undefined && cls === 'car') add([...at, 'tonnesPerYear'], 'cars carry no tonnes; use vehiclesPerDay');
  const returnOf = str(d.returnOf);
  if (returnOf !== undefined) {
    const target = all.find((o) => o.id === returnOf);
    if (cargo !== 'empty') add([...at, 'cargo'], 'a returnOf source carries empty vehicles', true);
    if (!target) {
      const ids = all.filter((o, i) => i !== k && str(o.id)).map((o) => o.id as string);
      add([...at, 'returnOf'], `no demand source "${returnOf}" at this crossing (known: ${ids.join(', ')})`, true);
    } else if (target.returnOf !== undefined) {
      add([...at, 'returnOf'], `"${returnOf}" is itself a return flow; point at a loaded source`, true);
    } else if (target.class !== d.class) {
      add([...at, 'returnOf'], `"${returnOf}" is a ${str(target.class)} source, this one ${cls}`, true);
    }
  }
  // Per-class quantities: payload for loaded trucks, wagons (and tonnes per wagon when loaded) for trains.
  const needs = (key: string, when: boolean, why: string) => {
    if (when && d[key] === undefined) add(at, `missing ${key} (${why})`);
    if (!when && d[key] !== undefined) add([...at, key], `applies only to ${why}`, true);
  };
  needs('payloadT', cls === 'truck' && cargo === 'loaded', 'loaded trucks');
  needs('tonnesPerWagon', cls === 'train' && cargo === 'loaded', 'loaded trains');
  if (cls === 'train' && d.wagonsPerTrain === undefined && returnOf === undefined) add(at, 'missing wagonsPerTrain (trains)');
  if (cls !== 'train' && d.wagonsPerTrain !== undefined) add([...at, 'wagonsPerTrain'], 'applies only to trains', true);
}

/** A corridor's references: crossings known, listed once, in one time zone, able to serve its demand; logit's scale. */
function checkCorridor(corridor: Plain, path: Path, crossings: Plain[], add: Add): void {
  const demand = list(corridor.demand);
  duplicateIds(corridor.demand, [...path, 'demand'], 'demand', add);
  const options = list(corridor.crossings);
  if (Array.isArray(corridor.crossings) && options.length === 1) {
    add([...path, 'crossings'], 'a corridor needs at least two crossings to choose from (give one crossing\'s traffic as that crossing\'s demand)');
  }
  if (corridor.choice === 'logit' && corridor.logitScaleH === undefined) add(path, 'missing logitScaleH (choice: logit)');
  if (corridor.choice !== 'logit' && corridor.logitScaleH !== undefined) add([...path, 'logitScaleH'], 'applies only with choice: logit', true);
  if ((corridor.choice ?? 'fixed') === 'fixed' && corridor.foresight !== undefined) add([...path, 'foresight'], 'applies only with choice: least-time or logit (the fixed route foresees nothing)', true);
  const seen = new Map<string, number>();
  let zone: { offset: unknown; id: string } | null = null;
  options.forEach((o, j) => {
    const at = [...path, 'crossings', j, 'crossing'];
    const id = str(o.crossing);
    if (id === undefined) return;
    const before = seen.get(id);
    if (before !== undefined) add(at, `crossing "${id}" is listed twice (also crossings ${before})`, true);
    seen.set(id, j);
    const crossing = crossings.find((c) => c.id === id);
    if (!crossing) {
      add(at, `no crossing "${id}" in this scenario (known: ${crossings.map((c) => str(c.id)).filter(Boolean).join(', ')})`, true);
      return;
    }
    if (zone === null) zone = { offset: crossing.utcOffsetH, id };
    else if (typeof crossing.utcOffsetH === 'number' && crossing.utcOffsetH !== zone.offset) {
      add(at, `"${id}" is at UTC${signed(crossing.utcOffsetH)}, "${zone.id}" at UTC${signed(zone.offset)}: a corridor's crossings run on one clock and must share a time zone`, true);
    }
    const mode = str(crossing.mode) ?? '';
    const allowed = MODE_CLASSES[mode] ?? ['truck', 'car', 'train'];
    const stages = list(crossing.stages);
    demand.forEach((d, k) => {
      const cls = str(d.class);
      if (cls === undefined) return;
      if (!allowed.includes(cls)) {
        add([...path, 'demand', k, 'class'], `"${id}" is a ${mode} crossing: it has no ${cls} traffic`, true);
        return;
      }
      const cargo = str(d.cargo) ?? defaultCargo(d.returnOf !== undefined);
      const served = stages.some(
        (s) => strings(s.classes, []).includes(cls) && strings(s.directions, STAGE_DEFAULTS.directions).includes(str(d.direction) ?? '') && strings(s.cargo, STAGE_DEFAULTS.cargo).includes(cargo),
      );
      if (stages.length > 0 && !served) add([...path, 'demand', k], `demand "${str(d.id) ?? k}" passes no stage at "${id}" (no stage serves ${cls} ${str(d.direction)} ${cargo})`);
    });
  });
  demand.forEach((d, k) => checkDemand(d, k, demand, [...path, 'demand', k], ['truck', 'car', 'train'], 'corridor', add));
}

function signed(h: unknown): string {
  return typeof h === 'number' ? (h >= 0 ? `+${h}` : `${h}`) : String(h);
}
