// A mergeable quantile sketch with a guaranteed relative error (logarithmic buckets, as in DDSketch):
// memory grows with the range of values (log scale), never with the number of values.

/** Values whose absolute size is below this are counted as zero. */
const ZERO_THRESHOLD = 1e-9;

/** Quantile sketch: every quantile is returned within `relativeError` of a true sample quantile. */
export class QuantileSketch {
  readonly relativeError: number;
  private readonly logGamma: number;
  private readonly invLogGamma: number;
  private readonly gamma: number;
  private positive = new LogBuckets();
  private negative = new LogBuckets();
  private zeros = 0;
  count = 0;

  /** Throws RangeError unless 0 < relativeError < 1. */
  constructor(relativeError = 0.005) {
    if (!(relativeError > 0 && relativeError < 1)) throw new RangeError(`relativeError must be in (0, 1), got ${relativeError}`);
    this.relativeError = relativeError;
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.logGamma = Math.log(this.gamma);
    this.invLogGamma = 1 / this.logGamma;
  }

  /** Adds one value; NaN and ±Infinity are rejected with a RangeError (they have no bucket). */
  add(x: number): void {
    // `| 0`: a small integer index, never −0 (values just under 1 give ceil(−0.4) = −0).
    if (x > ZERO_THRESHOLD && x < Infinity) this.positive.add(Math.ceil(Math.log(x) * this.invLogGamma) | 0);
    else if (x < -ZERO_THRESHOLD && x > -Infinity) this.negative.add(Math.ceil(Math.log(-x) * this.invLogGamma) | 0);
    else if (x <= ZERO_THRESHOLD && x >= -ZERO_THRESHOLD) this.zeros++;
    else failValue(x);
    this.count++;
  }

  /**
   * Adds one value to this sketch and to `other` (of the same relative error): the same as add(x) on each, with
   * the value's bucket found once. Throws RangeError like add, or for a different relative error.
   */
  addToBoth(other: QuantileSketch, x: number): void {
    if (other.invLogGamma !== this.invLogGamma) failPair();
    if (x > ZERO_THRESHOLD && x < Infinity) {
      const index = Math.ceil(Math.log(x) * this.invLogGamma) | 0;
      this.positive.add(index);
      other.positive.add(index);
      this.count++;
      other.count++;
    } else {
      this.add(x);
      other.add(x);
    }
  }

  /** The q-quantile (0 ≤ q ≤ 1) by rank q·(n−1); NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = q * (this.count - 1);
    const negCount = this.negative.total;
    if (rank < negCount) {
      // negative values: the largest magnitudes come first
      const idx = this.negative.indexAtRank(negCount - 1 - rank);
      return -this.valueOf(idx);
    }
    if (rank < negCount + this.zeros) return 0;
    return this.valueOf(this.positive.indexAtRank(rank - negCount - this.zeros));
  }

  /** Adds all of another sketch's counts (same relative error required; throws RangeError otherwise). */
  merge(other: QuantileSketch): void {
    if (other.relativeError !== this.relativeError) throw new RangeError('cannot merge sketches with different relative errors');
    this.positive.mergeFrom(other.positive);
    this.negative.mergeFrom(other.negative);
    this.zeros += other.zeros;
    this.count += other.count;
  }

  /** Buckets allocated (memory is 8 bytes each): bounded by the values' log range, not their number. */
  get bucketCount(): number {
    return this.positive.size + this.negative.size;
  }

  /** Forgets every value (keeping its buckets' memory, so a sketch cleared every month does not grow again). */
  clear(): void {
    this.positive.clear();
    this.negative.clear();
    this.zeros = 0;
    this.count = 0;
  }

  private valueOf(index: number): number {
    return (2 * Math.pow(this.gamma, index)) / (this.gamma + 1);
  }
}

/** Dense counts over a contiguous range of integer bucket indices, growing at either end. */
class LogBuckets {
  private counts = new Float64Array(0);
  private offset = 0;
  // Created as NaN, zeroed in the constructor: a double field from the start (merged counts are doubles).
  total = NaN;

  constructor() {
    this.total = 0;
  }

  get size(): number {
    return this.counts.length;
  }

  /** Zeroes every count; the range stays allocated (answers never depend on it: empty buckets are skipped). */
  clear(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  add(index: number, n = 1): void {
    if (this.counts.length === 0) {
      this.counts = new Float64Array(64);
      this.offset = index - 32;
    }
    let i = index - this.offset;
    if (i < 0 || i >= this.counts.length) {
      this.extendTo(index);
      i = index - this.offset;
    }
    this.counts[i]! += n;
    this.total += n;
  }

  /**
   * Bucket index holding the value of (0-based, fractional allowed) rank r in ascending order; a rank below 0
   * (a fraction of one rank before the first value) gives the first occupied bucket, never an empty one.
   */
  indexAtRank(rank: number): number {
    let seen = 0;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen > rank && counts[i]! > 0) return i + this.offset;
    }
    return counts.length - 1 + this.offset;
  }

  /** Adds another's counts: the range is widened once to cover its occupied buckets, then counts are summed. */
  mergeFrom(other: LogBuckets): void {
    const c = other.counts;
    let lo = 0;
    while (lo < c.length && !(c[lo]! > 0)) lo++;
    if (lo === c.length) return;
    let hi = c.length - 1;
    while (!(c[hi]! > 0)) hi--;
    // add() allocates on first use and widens the range for its index; one call per end covers the span.
    this.add(lo + other.offset, c[lo]!);
    if (hi > lo) this.add(hi + other.offset, c[hi]!);
    const counts = this.counts;
    const shift = other.offset - this.offset;
    let sum = 0;
    for (let i = lo + 1; i < hi; i++) {
      counts[i + shift]! += c[i]!;
      sum += c[i]!;
    }
    this.total += sum;
  }

  private extendTo(index: number): void {
    const lo = Math.min(this.offset, index);
    const hi = Math.max(this.offset + this.counts.length - 1, index);
    const span = hi - lo + 1;
    const size = Math.max(span + 32, this.counts.length * 2);
    const newOffset = index < this.offset ? hi - size + 1 : lo;
    const next = new Float64Array(size);
    next.set(this.counts, this.offset - newOffset);
    this.counts = next;
    this.offset = newOffset;
  }
}

function failPair(): never {
  throw new RangeError('addToBoth needs two sketches of the same relative error');
}

/** Cold error path kept out of add() so it stays small enough to inline (docs/v8-notes.md §4). */
function failValue(x: number): never {
  throw new RangeError(`cannot add ${x} to a sketch (NaN and infinities have no quantile)`);
}
