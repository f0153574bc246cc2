// Choosing one crossing × direction × class group of the results (commands/group-flags.ts reads the --class /
// --direction / --scale flags into these): the keys accepted, the summary row of a group, whether a crossing's
// demand gives a group, and class lists for scaling.
import type { ClassKey, DirectionKey, GroupMetric } from '../../model/results.js';
import type { Crossing, VehicleClass } from '../../scenario/types.js';
import type { SummaryRow } from '../statistics/collect.js';

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
