// Statistics collectors: a Tally of observations (Welford mean/variance, exact min/max, sketch
// quantiles) and a LevelMonitor of a time-weighted integer level (time at each level, exact quantiles).
import { QuantileSketch } from './sketch.js';

/** Observations such as waiting times: count, mean, variance (Welford), min, max, quantiles within 0.5%. */
export class Tally {
  count = 0;
  // Fractional fields are created as NaN and zeroed in the constructor (see doublesFromTheStart below).
  mean = NaN;
  private m2 = NaN;
  min = Infinity;
  max = -Infinity;
  sum = NaN;
  private readonly sketch: QuantileSketch;

  constructor(relativeError = 0.005) {
    this.mean = 0;
    this.m2 = 0;
    this.sum = 0;
    this.sketch = new QuantileSketch(relativeError);
  }

  /** Records one observation. */
  add(x: number): void {
    const n = ++this.count;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.sketch.add(x);
  }

  /** Records one observation here and in `other` (of the same relative error), finding its sketch bucket once. */
  addToBoth(other: Tally, x: number): void {
    let n = ++this.count;
    let d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    n = ++other.count;
    d = x - other.mean;
    other.mean += d / n;
    other.m2 += d * (x - other.mean);
    other.sum += x;
    if (x < other.min) other.min = x;
    if (x > other.max) other.max = x;
    this.sketch.addToBoth(other.sketch, x);
  }

  /** Sample variance (n − 1 denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : NaN;
  }

  /** q-quantile (0–1) within the sketch's relative error, clamped to the exact min and max; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const v = this.sketch.quantile(q);
    return Math.min(this.max, Math.max(this.min, v));
  }

  /** Adds another tally's observations (Chan et al.'s pairwise update: exact count, mean, variance, quantile sketch). */
  merge(other: Tally): void {
    if (other.count === 0) return;
    const n = this.count + other.count;
    const d = other.mean - this.mean;
    this.m2 += other.m2 + (d * d * this.count * other.count) / n;
    this.mean += (d * other.count) / n;
    this.count = n;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.sketch.merge(other.sketch);
  }

  /** Forgets every observation (for a warm-up). */
  reset(): void {
    this.count = 0;
    this.mean = 0;
    this.m2 = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.sum = 0;
    this.sketch.clear();
  }
}

/** A non-negative integer level over time (a queue length, an occupancy): time-average, max, exact quantiles. */
export class LevelMonitor {
  level = 0;
  max = 0;
  /** Highest level since the window was last restarted (restartWindow), for per-period maxima. */
  windowMax = 0;
  private lastMin: number;
  private startMin: number;
  /** Created as NaN and zeroed in the constructor (see doublesFromTheStart below). */
  private area = NaN;
  private timeAtLevel = new Float64Array(16);

  constructor(startMin = 0) {
    this.area = 0;
    this.lastMin = startMin;
    this.startMin = startMin;
  }

  /** Sets the level at instant `atMin` (must not go back in time); throws RangeError for a negative or fractional level. */
  set(level: number, atMin: number): void {
    if (level < 0 || level !== Math.floor(level)) failLevel(level);
    this.accrue(atMin);
    this.level = level;
    if (level > this.max) this.max = level;
    if (level > this.windowMax) this.windowMax = level;
  }

  /** Adds `delta` (±1 usually) to the level at `atMin`. */
  change(delta: number, atMin: number): void {
    this.set(this.level + delta, atMin);
  }

  /** Adds one to the level at `atMin` (the hot path of arrivals: no validation needed). */
  up(atMin: number): void {
    this.accrue(atMin);
    const l = ++this.level;
    if (l > this.max) this.max = l;
    if (l > this.windowMax) this.windowMax = l;
  }

  /** Takes one from the level at `atMin`; throws RangeError if it is already 0. */
  down(atMin: number): void {
    if (this.level === 0) failBelowZero();
    this.accrue(atMin);
    this.level--;
  }

  /** Time-average level from the start (or last reset) to `atMin`; the current level if no time has passed. */
  mean(atMin: number): number {
    this.accrue(atMin);
    const span = atMin - this.startMin;
    return span > 0 ? this.area / span : this.level;
  }

  /** Level × minutes accumulated from the start (or last reset) to `atMin`. */
  integral(atMin: number): number {
    this.accrue(atMin);
    return this.area;
  }

  /** Smallest level L such that the share of time spent at levels ≤ L is at least q (exact). */
  quantile(q: number, atMin: number): number {
    this.accrue(atMin);
    const span = atMin - this.startMin;
    if (!(span > 0)) return this.level;
    const target = q * span;
    let seen = 0;
    for (let l = 0; l < this.timeAtLevel.length; l++) {
      seen += this.timeAtLevel[l]!;
      if (seen >= target - 1e-9 * span) return l;
    }
    return this.max;
  }

  /** Minutes spent at each level since the start or last reset (index = level). */
  timeAtLevels(atMin: number): Float64Array {
    this.accrue(atMin);
    return this.timeAtLevel.slice(0, this.max + 1);
  }

  /** Starts a new window for windowMax: the current level is its highest so far. */
  restartWindow(): void {
    this.windowMax = this.level;
  }

  /** Discards history before `atMin` (warm-up); the current level carries on and becomes the max so far. */
  reset(atMin: number): void {
    this.accrue(atMin);
    this.area = 0;
    this.timeAtLevel.fill(0);
    this.startMin = atMin;
    this.max = this.level;
    this.windowMax = this.level;
  }

  private accrue(atMin: number): void {
    const dt = atMin - this.lastMin;
    if (dt < 0) failBackwards(atMin, this.lastMin);
    if (dt > 0) {
      const l = this.level;
      if (l >= this.timeAtLevel.length) {
        const next = new Float64Array(Math.max(l + 1, this.timeAtLevel.length * 2));
        next.set(this.timeAtLevel);
        this.timeAtLevel = next;
      }
      this.timeAtLevel[l]! += dt;
      this.area += l * dt;
      this.lastMin = atMin;
    }
  }
}

// Fields that take fractions are created as NaN and then zeroed (docs/v8-notes.md §1); errors are built in
// separate cold functions, so the hot methods stay small enough to inline (docs/v8-notes.md §4).
function failLevel(level: number): never {
  throw new RangeError(`level must be a non-negative integer, got ${level}`);
}

function failBelowZero(): never {
  throw new RangeError('level would go below 0');
}

function failBackwards(atMin: number, lastMin: number): never {
  throw new RangeError(`time went backwards: ${atMin} < ${lastMin}`);
}
