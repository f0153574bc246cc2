// Checks over a whole experiment's results that a planner must not miss: crossings (or classes of a crossing)
// that end the run unstable (a backlog that grows with the run) or closed (arrivals, nothing through; stages
// never open). Pure functions over CollectedResults with named thresholds; warnings share run.json's shape.
import type { GroupMetric } from '../../model/results.js';
import type { CollectedResults, SummaryRow } from './collect.js';

/**
 * A warning in run.json: a failed invariant of one replication (RunWarning), or a check over all replications
 * (`replication` null) or over the run's files (`crossing` null too). `check` names the kind.
 */
export interface ResultWarning {
  replication: number | null;
  check: string;
  crossing: string | null;
  detail: string;
}

/** Check names of the run-level warnings (invariant failures use the invariant's name). */
export const WARNING_CHECKS = {
  /** A backlog at the end that a stable crossing would not have. */
  unstable: 'unstable',
  /** Vehicles arrived and none completed in any replication. */
  closed: 'closed',
  /** A stage with no open server-hours in any replication. */
  stageClosed: 'stage_closed',
} as const;

/** Unstable whatever the run's length: most vehicles present in the measured period are still in the system at the end. */
export const UNSTABLE_MOST_SHARE = 0.5;
/** Unstable in a long run: at least this share of them still in the system at the end… */
export const UNSTABLE_BACKLOG_SHARE = 0.1;
/** …and that backlog is at least this many days of arrivals (a weekend closure leaves two or three). */
export const UNSTABLE_BACKLOG_DAYS = 7;

/** The measured period of the experiment: days simulated and warm-up days discarded. */
export interface MeasuredPeriod {
  days: number;
  warmupDays: number;
}

const BASE_CLASSES = ['truck', 'car', 'train'] as const;
const DIRECTIONS = ['south', 'north'] as const;
const CLASS_WORDS: Record<string, string> = { truck: 'trucks', car: 'cars', train: 'trains' };

/** A crossing's group: a direction (or all) and a class (or all). */
interface Group {
  direction: string;
  vehicleClass: string;
}

function meanOf(summary: readonly SummaryRow[], crossing: string, g: Group, metric: GroupMetric): SummaryRow | undefined {
  return summary.find((r) => r.crossing === crossing && r.direction === g.direction && r.vehicleClass === g.vehicleClass && r.metric === metric);
}

/** The class's warning over both directions, else (a backlog in one direction is diluted by the other) each direction's. */
function classWarnings(summary: readonly SummaryRow[], crossing: string, vehicleClass: string, measuredDays: number): ResultWarning[] {
  const both = groupWarning(summary, crossing, { direction: 'all', vehicleClass }, measuredDays);
  if (both) return [both];
  return DIRECTIONS.map((direction) => groupWarning(summary, crossing, { direction, vehicleClass }, measuredDays)).filter((w) => w !== null);
}

const f1 = (x: number): string => x.toFixed(1);
const pct = (x: number): string => `${Math.round(100 * x)}%`;

/**
 * Unstable and closed classes of each crossing (over both directions, else per direction), in crossing order, or
 * the crossing as a whole when it is closed or when no single class is flagged but the total is; then stages
 * never open (of crossings not closed as a whole). Throws nothing.
 */
export function stabilityWarnings(res: CollectedResults, period: MeasuredPeriod): ResultWarning[] {
  const measuredDays = Math.max(period.days - period.warmupDays, 1);
  const crossings = [...new Set(res.summary.map((r) => r.crossing))];
  const out: ResultWarning[] = [];
  const closed = new Set<string>();
  for (const crossing of crossings) {
    const whole = groupWarning(res.summary, crossing, { direction: 'all', vehicleClass: 'all' }, measuredDays);
    if (whole?.check === WARNING_CHECKS.closed) closed.add(crossing);
    const classes = closed.has(crossing) ? [] : BASE_CLASSES.flatMap((c) => classWarnings(res.summary, crossing, c, measuredDays));
    out.push(...(classes.length > 0 ? classes : whole ? [whole] : []));
  }
  for (const crossing of crossings) {
    const arrived = meanOf(res.summary, crossing, { direction: 'all', vehicleClass: 'all' }, 'arrivals')?.mean ?? 0;
    if (!(arrived > 0) || closed.has(crossing)) continue;
    for (const s of res.stages) {
      if (s.crossing !== crossing || s.metric !== 'open_server_h' || s.max === null || s.max > 0) continue;
      out.push({
        replication: null, check: WARNING_CHECKS.stageClosed, crossing,
        detail: `stage ${s.stage} was never open (0 open server-hours in every replication); vehicles that need it never get through`,
      });
    }
  }
  return out;
}

/** The closed or unstable warning of one group of a crossing, or null when it looks fine (or is absent). */
function groupWarning(summary: readonly SummaryRow[], crossing: string, g: Group, measuredDays: number): ResultWarning | null {
  const arrivals = meanOf(summary, crossing, g, 'arrivals');
  const completed = meanOf(summary, crossing, g, 'completed');
  const turned = meanOf(summary, crossing, g, 'turned_away')?.mean ?? 0;
  const backlog = meanOf(summary, crossing, g, 'in_system_end')?.mean ?? 0;
  if (arrivals?.mean == null || completed === undefined) return null;
  const entered = arrivals.mean - turned;
  if (!(entered > 0)) return null;
  const who = `${crossing}${g.vehicleClass === 'all' ? '' : ` ${CLASS_WORDS[g.vehicleClass] ?? g.vehicleClass}`}${g.direction === 'all' ? '' : `, ${g.direction}bound`}`;
  if (completed.max === 0) {
    return {
      replication: null, check: WARNING_CHECKS.closed, crossing,
      detail: `${who}: ${f1(arrivals.mean)} vehicles arrived per replication and none completed in any replication (closed all the measured period, or a stage never opens)`,
    };
  }
  // Vehicles present in the measured period: those that left plus those still there (with a warm-up, some of
  // them arrived before it), so the share is at most 1.
  const present = completed.mean! + backlog;
  const share = present > 0 ? backlog / present : 0;
  const backlogDays = backlog / (entered / measuredDays);
  if (share >= UNSTABLE_MOST_SHARE || (share >= UNSTABLE_BACKLOG_SHARE && backlogDays >= UNSTABLE_BACKLOG_DAYS)) {
    return {
      replication: null, check: WARNING_CHECKS.unstable, crossing,
      detail:
        `${who}: ${f1(backlog)} vehicles still in the system at the end, ${pct(share)} of the ${f1(present)} present in the measured period ` +
        `(${f1(backlogDays)} days of arrivals; means over replications): the queue grows faster than it clears (demand beyond capacity, ` +
        'or closures long against the run), so waits of completed vehicles understate it',
    };
  }
  return null;
}
