// What report.html and results.xlsx say about a result besides its tables: the command, the scenarios, what was
// run, the warnings as printed, and the group, swept paths or limit the command's answer is about.
import type { Scenario } from '../scenario/types.js';
import { MS_PER_DAY } from '../units.js';

/** A group of one crossing: direction and class (class may be freight, the crossing's trucks or trains). */
export interface ReportGroup {
  direction: string;
  vehicleClass: string;
}

export interface ReportMeta {
  command: 'run' | 'compare' | 'sweep' | 'capacity';
  version: string;
  /** The scenarios run, the base first, each with its label in the tables (compare's plan labels) and its file. */
  scenarios: Array<{ label: string; file: string; scenario: Scenario }>;
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  /** Warning lines as printed on the terminal (`warning: …`). */
  warnings: string[];
  /** compare and sweep: the group their terminal table shows. */
  group?: ReportGroup;
  /** sweep: the swept paths, in --set order. */
  sweptPaths?: string[];
  /** capacity: the limit. */
  limit?: ReportGroup & { metric: string; max: number };
  /** run: vehicles.csv was written. */
  traced?: boolean;
}

/** The measured days (after the warm-up). */
export function measuredDays(meta: Pick<ReportMeta, 'days' | 'warmupDays'>): number {
  return meta.days - meta.warmupDays;
}

/** The first and last measured local dates (YYYY-MM-DD) of a scenario run with `meta`'s days. */
export function measuredPeriod(startDate: string, meta: Pick<ReportMeta, 'days' | 'warmupDays'>): { from: string; to: string } {
  const day = (i: number): string => new Date(Date.parse(`${startDate}T00:00:00Z`) + i * MS_PER_DAY).toISOString().slice(0, 10);
  return { from: day(meta.warmupDays), to: day(meta.days - 1) };
}
