// Choosing one crossing × direction × class group of the results (the --class / --direction flags): the keys
// accepted, the summary row of a group, whether a crossing's demand gives a group, and class lists for scaling.
import type { ClassKey, DirectionKey, GroupMetric } from '../../model/results.js';
import type { Crossing, VehicleClass } from '../../scenario/types.js';
import type { SummaryRow } from '../statistics/collect.js';
import { InputError } from '../../errors.js';

/** Class keys a user may choose: the model's classes, freight (trucks + trains together) and all. */
export const CLASS_CHOICES = ['truck', 'car', 'train', 'freight', 'all'] as const;
export type ClassChoice = ClassKey | (typeof CLASS_CHOICES)[number];

/** Direction keys a user may choose. */
export const DIRECTION_CHOICES = ['south', 'north', 'all'] as const satisfies readonly DirectionKey[];

/** The classes freight stands for (as the scenario's default growth classes). */
export const FREIGHT_CLASSES: readonly VehicleClass[] = ['truck', 'train'];

/** One group of a crossing's results: a direction (or all) and a class key (or freight, or all). */
export interface GroupChoice {
  direction: DirectionKey;
  vehicleClass: ClassChoice;
}

/** Every direction and class together (the crossing's total). */
export const ALL_GROUP: GroupChoice = { direction: 'all', vehicleClass: 'all' };

/** A --class, --direction or --scale value that is not one of the accepted keys; the message names both. */
export class GroupChoiceError extends InputError {
  constructor(
    readonly flag: string,
    readonly value: string,
    /** What was expected instead, e.g. `expected one of south, north, all`. */
    readonly expected: string,
  ) {
    super(`${flag} ${value}: ${expected}`);
    this.name = 'GroupChoiceError';
  }
}

/** `text` as a class key; throws GroupChoiceError naming `flag` and the value. */
export function parseClassChoice(text: string, flag = '--class'): ClassChoice {
  const t = text.trim();
  if (!(CLASS_CHOICES as readonly string[]).includes(t)) throw new GroupChoiceError(flag, text, `expected one of ${CLASS_CHOICES.join(', ')}`);
  return t as ClassChoice;
}

/** `text` as a direction key; throws GroupChoiceError naming `flag` and the value. */
export function parseDirectionChoice(text: string, flag = '--direction'): DirectionKey {
  const t = text.trim();
  if (!(DIRECTION_CHOICES as readonly string[]).includes(t)) throw new GroupChoiceError(flag, text, `expected one of ${DIRECTION_CHOICES.join(', ')}`);
  return t as DirectionKey;
}

/**
 * A comma list of classes (`truck,train`; `freight` = truck and train, `all` = every class) as the sorted,
 * unique model classes it names; throws GroupChoiceError naming `flag` and the bad item.
 */
export function parseClassList(text: string, flag = '--scale'): VehicleClass[] {
  const items = text.split(',').map((s) => s.trim());
  const out = new Set<VehicleClass>();
  for (const item of items) {
    if (item === 'freight') FREIGHT_CLASSES.forEach((c) => out.add(c));
    else if (item === 'all') (['truck', 'car', 'train'] as const).forEach((c) => out.add(c));
    else if (item === 'truck' || item === 'car' || item === 'train') out.add(item);
    else throw new GroupChoiceError(flag, text, `"${item}" is not a class (expected a comma list of truck, car, train, freight, all)`);
  }
  return (['truck', 'car', 'train'] as const).filter((c) => out.has(c));
}

/** A class list as written in capacity.csv and run.json: `truck+train`. */
export function classListText(classes: readonly VehicleClass[]): string {
  return classes.join('+');
}

/**
 * Whether a result row is of the chosen group. A crossing carries trucks (road) or trains (rail), never both (the
 * schema refuses other classes for a mode), so its freight is its truck or its train group: those rows are it.
 */
function inGroup(r: SummaryRow, crossing: string, group: GroupChoice): boolean {
  if (r.crossing !== crossing || r.direction !== group.direction) return false;
  return group.vehicleClass === 'freight' ? (FREIGHT_CLASSES as readonly string[]).includes(r.vehicleClass) : r.vehicleClass === group.vehicleClass;
}

/** The summary row of one crossing's group and metric, or undefined when the results have no such group. */
export function groupSummary(summary: readonly SummaryRow[], crossing: string, group: GroupChoice, metric: GroupMetric): SummaryRow | undefined {
  return summary.find((r) => r.metric === metric && inGroup(r, crossing, group));
}

/** Whether the results hold the group for the crossing. */
export function hasGroupResults(summary: readonly SummaryRow[], crossing: string, group: GroupChoice): boolean {
  return summary.some((r) => inGroup(r, crossing, group));
}

/** Whether the crossing has demand in the group (the model reports a group only where it has demand; all × all always). */
export function crossingHasGroup(crossing: Crossing, group: GroupChoice): boolean {
  if (group.direction === 'all' && group.vehicleClass === 'all') return true;
  const classes: readonly string[] = group.vehicleClass === 'freight' ? FREIGHT_CLASSES : group.vehicleClass === 'all' ? ['truck', 'car', 'train'] : [group.vehicleClass];
  return crossing.demand.some((d) => classes.includes(d.vehicleClass) && (group.direction === 'all' || d.direction === group.direction));
}

const CLASS_WORDS: Record<string, string> = { truck: 'trucks', car: 'cars', train: 'trains', freight: 'freight (trucks and trains)', all: 'all classes' };

/** Words for a group in table headings: `trucks, south` or `all classes, all directions`. */
export function groupLabel(group: GroupChoice): string {
  const dir = group.direction === 'all' ? 'all directions' : `${group.direction}bound`;
  return `${CLASS_WORDS[group.vehicleClass] ?? group.vehicleClass}, ${dir}`;
}
