// Capacity that follows a timetable: weekly open windows, closed intervals (holidays) and dated
// changes of the server count, all in simulation minutes. Knows nothing of dates or borders.
import { EngineError } from './errors.js';

const WEEK_MIN = 7 * 1440;

/** A half-open interval [fromMin, toMin). */
export interface Interval {
  fromMin: number;
  toMin: number;
}

/** The data a CapacitySchedule is built from. */
export interface ScheduleSpec {
  /** Servers from minute 0 on, before any dated change. */
  servers: number;
  /** Dated changes of the server count, effective from `atMin`. */
  changes?: { atMin: number; servers: number }[];
  /** Weekly open windows in minutes of the week ([0, 10080), 0 = week start); omitted = always open. */
  weeklyOpen?: Interval[];
  /** Simulation minute at which a week starts (may be ≤ 0). */
  weekOriginMin?: number;
  /** Absolute intervals during which capacity is 0 (holidays). */
  closed?: Interval[];
}

/** Thrown for an invalid schedule (negative servers, windows outside the week, reversed intervals). */
export class ScheduleSpecError extends EngineError {}

/** Capacity as a step function of time: servers when open, 0 when closed. */
export class CapacitySchedule {
  private readonly levels: { atMin: number; servers: number }[];
  private readonly weekly: Interval[] | null;
  private readonly weekOriginMin: number;
  private readonly closed: Interval[];

  /** Builds and validates a schedule; throws ScheduleSpecError naming the bad value. */
  constructor(spec: ScheduleSpec) {
    checkServers(spec.servers, 'servers');
    const changes = [...(spec.changes ?? [])].sort((a, b) => a.atMin - b.atMin);
    changes.forEach((c, i) => checkServers(c.servers, `changes[${i}].servers`));
    this.levels = [{ atMin: -Infinity, servers: spec.servers }, ...changes];
    this.weekly = spec.weeklyOpen ? mergeWeekly(spec.weeklyOpen) : null;
    this.weekOriginMin = spec.weekOriginMin ?? 0;
    this.closed = mergeIntervals(spec.closed ?? [], 'closed');
    this.chainAt[0] = 0;
    this.chainNext.length = 0;
    this.chainCap.push(this.capacityAt(0));
  }

  /** Servers available at instant `atMin` (changes take effect at their instant). */
  capacityAt(atMin: number): number {
    if (!this.isOpen(atMin) || atMin !== atMin) return 0; // NaN: 0, as the linear scan it replaces gave
    // levels[0] is at -Infinity, so the last level at or before atMin always exists.
    return this.levels[firstAfter(this.levels, atMin, atOf) - 1]!.servers;
  }

  /**
   * The first instant after `afterMin` (and not after `horizonMin`) at which capacity differs, or Infinity.
   * Resources and gates ask at 0 and then at each change they were given: those answers are remembered (a
   * chain of changes), so a schedule shared by several resources or replications walks its timetable once.
   */
  nextChangeAfter(afterMin: number, horizonMin = Infinity): number {
    const next = this.chainedNextChange(afterMin);
    return next > horizonMin ? Infinity : next;
  }

  /**
   * Instants asked for (0, then each answer in turn) and the answers: chainNext[i] = chainAt[i + 1]. Created
   * holding NaN and reset in the constructor, so both are arrays of doubles from the start (docs/v8-notes.md §1).
   */
  private readonly chainAt: number[] = [NaN];
  private readonly chainNext: number[] = [NaN];
  /** Capacity at each instant of chainAt (chainCap[i] = capacityAt(chainAt[i])), for cursors. */
  private readonly chainCap: number[] = [];

  /** @internal index of `atMin` in the chain of changes from 0, or -1 when it is not one of its instants. */
  chainIndexOf(atMin: number): number {
    const at = this.chainAt;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < atMin) lo = mid + 1;
      else hi = mid;
    }
    return at[lo] === atMin ? lo : -1;
  }

  /** @internal the change after the chain's i-th instant (extending the chain when it is the last), or Infinity. */
  chainNextAt(i: number): number {
    if (i === this.chainNext.length) {
      const next = this.scanNextChange(this.chainAt[i]!);
      this.chainNext.push(next);
      if (next !== Infinity) {
        this.chainAt.push(next);
        this.chainCap.push(this.capacityAt(next));
      }
    }
    return this.chainNext[i]!;
  }

  /** @internal capacity at the chain's i-th instant. */
  chainCapacityAt(i: number): number {
    return this.chainCap[i]!;
  }

  private chainedNextChange(afterMin: number): number {
    const at = this.chainAt;
    const last = at.length - 1;
    // Walkers go forwards: look at the chain's end first, then search it; off the chain, scan.
    const i = at[last] === afterMin ? last : this.chainIndexOf(afterMin);
    return i >= 0 ? this.chainNextAt(i) : this.scanNextChange(afterMin);
  }

  /** nextChangeAfter without memory or horizon: walks the boundaries from `afterMin`. */
  private scanNextChange(afterMin: number): number {
    const current = this.capacityAt(afterMin);
    // Past the last dated boundary the pattern repeats weekly: one week without a change means none ever.
    const lastLevel = this.levels[this.levels.length - 1]!.atMin;
    const lastClosed = this.closed[this.closed.length - 1]?.toMin ?? -Infinity;
    const giveUpMin = Math.max(afterMin, lastLevel, lastClosed) + WEEK_MIN + 1;
    let t = afterMin;
    for (;;) {
      let next = Math.min(this.nextLevelBoundary(t), this.nextClosedBoundary(t), this.nextWeeklyBoundary(t));
      // With fractional windows or origin, rounding in the minute-of-week arithmetic can hand back t
      // itself (or a hair above it) as the next boundary, and the scan never moved on: always step at
      // least a few ulps (≥ 2.2e-16 min) past t.
      const minNext = t + Math.max(Math.abs(t), 1) * Number.EPSILON;
      if (!(next >= minNext)) next = minNext;
      if (next === Infinity || next > giveUpMin) return Infinity;
      if (this.capacityAt(next) !== current) return next;
      t = next;
    }
  }

  private isOpen(atMin: number): boolean {
    // Closed intervals are sorted and disjoint: only the last one starting at or before atMin can hold it.
    const i = firstAfter(this.closed, atMin, fromOf) - 1;
    if (i >= 0 && atMin < this.closed[i]!.toMin) return false;
    if (!this.weekly) return true;
    const m = mod(atMin - this.weekOriginMin, WEEK_MIN);
    for (const w of this.weekly) if (m >= w.fromMin && m < w.toMin) return true;
    return false;
  }

  private nextLevelBoundary(t: number): number {
    const i = firstAfter(this.levels, t, atOf);
    return i < this.levels.length ? this.levels[i]!.atMin : Infinity;
  }

  private nextClosedBoundary(t: number): number {
    const closed = this.closed;
    const i = firstAfter(closed, t, fromOf);
    if (i > 0 && closed[i - 1]!.toMin > t) return closed[i - 1]!.toMin;
    return i < closed.length ? closed[i]!.fromMin : Infinity;
  }

  private nextWeeklyBoundary(t: number): number {
    if (!this.weekly) return Infinity;
    const weekStart = t - mod(t - this.weekOriginMin, WEEK_MIN);
    const m = t - weekStart;
    for (const w of this.weekly) {
      if (w.fromMin > m) return weekStart + w.fromMin;
      if (w.toMin > m) return weekStart + w.toMin;
    }
    return weekStart + WEEK_MIN + (this.weekly[0]?.fromMin ?? 0);
  }
}

/**
 * A consumer's walk through a schedule's changes (a resource's or a gate's): the capacity now and the instant of
 * the next change, read from the schedule's remembered chain by position instead of searched for at each change.
 * Off the chain (a walk that starts at an instant that is not a change from 0) it asks the schedule each time.
 */
export class ScheduleCursor {
  private index: number;
  private atMin: number;

  constructor(
    private readonly schedule: CapacitySchedule,
    atMin: number,
  ) {
    this.atMin = atMin;
    this.index = schedule.chainIndexOf(atMin);
  }

  /** Capacity at the cursor's instant. */
  capacity(): number {
    return this.index >= 0 ? this.schedule.chainCapacityAt(this.index) : this.schedule.capacityAt(this.atMin);
  }

  /** The first instant after the cursor's at which capacity differs, or Infinity. */
  nextChange(): number {
    return this.index >= 0 ? this.schedule.chainNextAt(this.index) : this.schedule.nextChangeAfter(this.atMin);
  }

  /** Moves the cursor to its next change, `atMin` (the instant nextChange() gave). */
  advance(atMin: number): void {
    if (this.index >= 0) this.index++;
    this.atMin = atMin;
  }
}

const atOf = (l: { atMin: number }): number => l.atMin;
const fromOf = (c: Interval): number => c.fromMin;

/** Index of the first element of the ascending `list` whose key exceeds t (list.length if none): binary search. */
function firstAfter<T>(list: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** a mod n in [0, n); unlike ((a % n) + n) % n it keeps a tiny positive a instead of rounding it to 0. */
function mod(a: number, n: number): number {
  const r = a % n;
  if (r >= 0) return r;
  const s = r + n;
  return s < n ? s : 0;
}

function checkServers(n: number, path: string): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new ScheduleSpecError(`${path} must be a non-negative integer, got ${n}`);
}

function mergeIntervals(list: Interval[], what: string): Interval[] {
  list.forEach((iv, i) => {
    if (!(iv.fromMin < iv.toMin)) throw new ScheduleSpecError(`${what}[${i}] must have fromMin < toMin, got [${iv.fromMin}, ${iv.toMin})`);
  });
  const sorted = [...list].sort((a, b) => a.fromMin - b.fromMin);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.fromMin <= last.toMin) last.toMin = Math.max(last.toMin, iv.toMin);
    else out.push(new Span(iv.fromMin, iv.toMin));
  }
  return out;
}

/**
 * The schedule's own copy of an interval. Its bounds are doubles from the first one on (NaN, then the value):
 * copies of the caller's literals would share their hidden class, which changes when the first fractional
 * bound comes (a crossing in another time zone; docs/v8-notes.md §1).
 */
class Span implements Interval {
  fromMin = NaN;
  toMin = NaN;

  constructor(fromMin: number, toMin: number) {
    this.fromMin = fromMin;
    this.toMin = toMin;
  }
}

/** Merges overlapping weekly windows; a window list covering the whole week means always open (null). */
function mergeWeekly(windows: Interval[]): Interval[] | null {
  windows.forEach((w, i) => {
    if (!(w.fromMin >= 0 && w.toMin <= WEEK_MIN)) throw new ScheduleSpecError(`weeklyOpen[${i}] must lie within [0, ${WEEK_MIN}], got [${w.fromMin}, ${w.toMin})`);
  });
  const merged = mergeIntervals(windows, 'weeklyOpen');
  if (merged.length === 1 && merged[0]!.fromMin === 0 && merged[0]!.toMin === WEEK_MIN) return null;
  // A window ending at the week's end and one starting at 0 are one open stretch across the boundary:
  // the boundary is then not a change, which nextChangeAfter handles by comparing capacities.
  return merged;
}
