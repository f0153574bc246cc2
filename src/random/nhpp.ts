// Time-varying arrivals: a non-homogeneous Poisson process with piecewise-constant rates, sampled by
// inverting the cumulative rate, so short high-rate windows are never skipped and zero rates are exact.
import type { Rng } from './types.js';

export interface PiecewiseRateOptions {
  /**
   * Length of every rate segment, minutes (> 0). Segment i covers [i·segmentMin, (i+1)·segmentMin) of the clock,
   * unless `cutsMin` splits each of these periods further.
   */
  segmentMin: number;
  /**
   * Offsets inside each period of `segmentMin` where the rate may change, strictly increasing in (0, segmentMin)
   * (default none). With k cuts every period holds k + 1 segments, and segment i is part i mod (k + 1) of period
   * ⌊i / (k + 1)⌋: a day cut only where an hourly profile changes is walked in a few steps instead of 24.
   */
  cutsMin?: readonly number[];
  /** Arrival rate in segment i, arrivals per minute (finite, >= 0); called lazily, at most once per segment visited. */
  rateAt: (segmentIndex: number) => number;
  /** The stream of uniforms; exactly one draw per arrival (good for common random numbers). */
  rng: Rng;
  /** Clock instant the process starts from, minutes (default 0). */
  startMin?: number;
  /** No arrival at or after this instant, minutes; finite, so an all-zero tail always ends. */
  endMin: number;
  /**
   * 'exponential' (default): a Poisson process. 'unit': every gap covers exactly one unit of integrated
   * rate, i.e. deterministic, evenly spread arrivals following the same rates (timetables, scripted tests);
   * the rng is then not used.
   */
  increments?: 'exponential' | 'unit';
}

/**
 * Arrival instants of a piecewise-constant-rate Poisson process: each gap draws E ~ Exp(1) and walks
 * segments subtracting rate × length until the remainder fits. Memory is flat: only the current
 * segment's rate is cached.
 */
export class PiecewiseRateArrivals {
  private readonly segmentMin: number;
  /** End offset of each part of a period: the cuts, then segmentMin. */
  private readonly partEndMin: Float64Array;
  private readonly rateAt: (segmentIndex: number) => number;
  private readonly rng: Rng;
  private readonly endMin: number;
  /** Current instant (the last arrival, or the start), minutes. */
  private nowMin: number;
  private segment: number;
  /** The current segment's period and its part in that period (segment = period × parts + part). */
  private period: number;
  private part: number;
  private rate: number;
  private done = false;
  private readonly unitIncrements: boolean;

  /**
   * Builds the process; throws RangeError for a non-positive segmentMin, cuts outside (0, segmentMin) or not
   * increasing, non-finite startMin/endMin or endMin < startMin.
   */
  constructor(opts: PiecewiseRateOptions) {
    const startMin = opts.startMin ?? 0;
    if (!Number.isFinite(opts.segmentMin) || opts.segmentMin <= 0) {
      throw new RangeError(`segmentMin must be a finite number > 0, got ${String(opts.segmentMin)}`);
    }
    if (!Number.isFinite(startMin) || startMin < 0) {
      throw new RangeError(`startMin must be a finite number >= 0, got ${String(startMin)}`);
    }
    if (!Number.isFinite(opts.endMin) || opts.endMin < startMin) {
      throw new RangeError(`endMin must be a finite number >= startMin (${startMin}), got ${String(opts.endMin)}`);
    }
    const cuts = opts.cutsMin ?? [];
    cuts.forEach((c, i) => {
      const low = i > 0 ? cuts[i - 1]! : 0;
      if (!(c > low && c < opts.segmentMin)) {
        throw new RangeError(`cutsMin[${i}] must be in (${low}, ${opts.segmentMin}) and above the previous cut, got ${String(c)}`);
      }
    });
    this.partEndMin = Float64Array.from([...cuts, opts.segmentMin]);
    this.segmentMin = opts.segmentMin;
    this.rateAt = opts.rateAt;
    this.rng = opts.rng;
    this.endMin = opts.endMin;
    this.unitIncrements = opts.increments === 'unit';
    this.nowMin = startMin;
    this.period = Math.floor(startMin / opts.segmentMin);
    let part = 0;
    while (this.period * opts.segmentMin + this.partEndMin[part]! <= startMin) part++;
    this.part = part;
    this.segment = this.period * this.partEndMin.length + part;
    this.rate = this.fetchRate(this.segment);
  }

  private fetchRate(segment: number): number {
    const rate = this.rateAt(segment);
    if (!(rate >= 0) || rate === Infinity) failRate(segment, rate);
    return rate;
  }

  /**
   * The next arrival instant, minutes (non-decreasing), or Infinity once none remains before endMin;
   * throws RangeError if rateAt returns a negative, NaN or infinite rate.
   */
  next(): number {
    if (this.done) return Infinity;
    // cumulative rate still to cover: Exp(1), or exactly 1 for evenly spread arrivals
    let remaining = this.unitIncrements ? 1 : -Math.log(1 - this.rng.next());
    let t = this.nowMin;
    for (;;) {
      // Segment ends are computed from the index, not accumulated, so there is no drift over years.
      const segEnd = this.period * this.segmentMin + this.partEndMin[this.part]!;
      const stop = segEnd < this.endMin ? segEnd : this.endMin;
      if (this.rate > 0) {
        const mass = this.rate * (stop - t);
        if (remaining <= mass) {
          const at = t + remaining / this.rate;
          // Rounding must not push the arrival into the next (maybe zero-rate) segment or past the end.
          t = at < stop ? at : stop;
          if (t >= this.endMin) break;
          this.nowMin = t;
          return t;
        }
        remaining -= mass;
      }
      if (segEnd >= this.endMin) break;
      t = segEnd;
      this.segment += 1;
      if (++this.part === this.partEndMin.length) {
        this.part = 0;
        this.period += 1;
      }
      this.rate = this.fetchRate(this.segment);
    }
    this.done = true;
    this.nowMin = this.endMin;
    return Infinity;
  }
}

/** Cold error path kept out of fetchRate so the arrival loop stays inlinable. */
function failRate(segment: number, rate: number): never {
  throw new RangeError(`rate of segment ${segment} must be a finite number >= 0 arrivals/min, got ${String(rate)}`);
}
