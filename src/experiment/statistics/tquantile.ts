// Student t distribution: CDF through the regularized incomplete beta function, and its inverse
// (the quantile) by bisection; simple-statistics has no t quantile, so confidence intervals need this.
import { gammaln } from 'simple-statistics';

const MAX_CF_TERMS = 300;
const CF_EPS = 1e-15;
const TINY = 1e-300;

/** Continued fraction of the incomplete beta function (modified Lentz), valid for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_CF_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b) for x in [0, 1], a, b > 0; throws RangeError outside that domain. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new RangeError(`regularizedBeta: need 0 <= x <= 1 and a, b > 0, got x=${x}, a=${a}, b=${b}`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(logFront);
  // The continued fraction converges fast on this side; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** CDF of Student's t with `df` > 0 degrees of freedom at `t`; throws RangeError when df is not positive. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: degrees of freedom must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Quantile (inverse CDF) of Student's t: the t with P(T <= t) = p, for 0 < p < 1 and df > 0 degrees of freedom.
 * Exact closed forms for df = 1 and 2; otherwise bisection on the incomplete beta to full double precision.
 * Throws RangeError for p outside (0, 1) or df not positive.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: degrees of freedom must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  // Solve for x = df / (df + t^2) in I_x(df/2, 1/2) = 2 * min(p, 1-p); I_x is increasing in x, so bisect on x.
  const target = 2 * Math.min(p, 1 - p);
  const a = df / 2;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (regularizedBeta(mid, a, 0.5) < target) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  const t = Math.sqrt((df * (1 - x)) / x);
  return p > 0.5 ? t : -t;
}
