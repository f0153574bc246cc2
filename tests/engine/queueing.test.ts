// The engine against queueing theory: M/M/1 and M/M/c (Erlang C), M/D/1 (Pollaczek–Khinchine), M/M/c/K
// blocking, a Jackson tandem, Little's law; each a 99.9% CI over independent replications that must hold
// the theoretical value. Also: same seed → identical results, different seed → different.
import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import {
  Interpreter, makeTrajectory, Priority, Resource, Simulation, Tally, type Step, type Walker,
} from '../../src/engine/index.js';
import { createStream } from '../../src/random/stream.js';
import { makeSampler } from '../../src/random/dist.js';
import type { Dist } from '../../src/random/types.js';

const REPLICATIONS = 20;
/** Student t quantile for a two-sided 99.9% interval with 19 degrees of freedom. */
const T_19_99_9 = 3.883;

// ---- theory -------------------------------------------------------------------------------------------

/** Erlang C: probability an arrival waits in M/M/c with offered load a = λ/μ (a < c). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1; // Σ_{k<c} a^k/k!
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - a / c); // a^c/c! · c/(c − a)
  return top / (sum + top);
}

/** M/M/c mean wait in queue, minutes. */
function mmcWq(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/M/c/K probability that the system holds K (= the share of arrivals turned away, by PASTA). */
function mmckBlocking(lambda: number, mu: number, c: number, K: number): number {
  const a = lambda / mu;
  const p: number[] = [1];
  for (let n = 1; n <= K; n++) p.push(p[n - 1]! * (n <= c ? a / n : a / c));
  return p[K]! / p.reduce((s, x) => s + x, 0);
}

// ---- a configurable station network --------------------------------------------------------------------

interface Customer extends Walker {
  arrivedAtMin: number;
}

interface Setup {
  lambda: number;
  /** One entry per station in series: servers and service-time distribution (minutes). */
  stations: { servers: number; service: Dist }[];
  /** Turn an arrival away when the first station holds this many (in service + waiting). */
  systemLimit?: number;
  seed: number;
  replication: number;
  warmupMin: number;
  runMin: number;
}

interface Outcome {
  /** Mean wait in the first station's queue, minutes. */
  waitMean: number;
  /** Time-average number waiting at the first station. */
  queueMean: number;
  /** Mean time from arrival to leaving the last station, minutes. */
  sojournMean: number;
  /** Accepted arrivals per minute after warm-up. */
  acceptedRate: number;
  blockedShare: number;
  waits: Tally;
}

/** Simulates Poisson arrivals through stations in series; statistics cover [warmupMin, warmupMin + runMin]. */
function simulate(s: Setup): Outcome {
  const sim = new Simulation();
  const interp = new Interpreter<Customer>(sim);
  const waits = new Tally();
  const sojourns = new Tally();
  const arrivalRng = createStream(s.seed, s.replication, 'arrivals');
  const interarrival = makeSampler({ kind: 'exponential', mean: 1 / s.lambda });
  const resources = s.stations.map((st, k) => new Resource<Customer>(sim, `station${k}`, { capacity: st.servers }));
  const steps: Step<Customer>[] = [];
  s.stations.forEach((st, k) => {
    const rng = createStream(s.seed, s.replication, `service${k}`);
    const draw = makeSampler(st.service);
    const r = resources[k]!;
    steps.push({ kind: 'seize', resource: r });
    if (k === 0) steps.push({ kind: 'call', fn: (c) => waits.add(sim.nowMin - c.arrivedAtMin) });
    steps.push({ kind: 'delay', minutes: () => draw(rng) }, { kind: 'release', resource: r });
  });
  const path = makeTrajectory<Customer>(steps, (c) => sojourns.add(sim.nowMin - c.arrivedAtMin));
  const first = resources[0]!;
  let arrivals = 0;
  let blocked = 0;
  const arrive = (): void => {
    arrivals++;
    if (s.systemLimit !== undefined && first.busy + first.waiting >= s.systemLimit) blocked++;
    else interp.start({ arrivedAtMin: sim.nowMin, pc: 0, trajectory: path, interp: null }, path);
    sim.schedule(interarrival(arrivalRng), arrive, null, Priority.arrival);
  };
  sim.schedule(interarrival(arrivalRng), arrive, null, Priority.arrival);
  sim.scheduleAt(s.warmupMin, () => {
    waits.reset();
    sojourns.reset();
    resources.forEach((r) => r.reset());
    arrivals = 0;
    blocked = 0;
  }, null, Priority.monitor);
  sim.run(s.warmupMin + s.runMin);
  return {
    waitMean: waits.mean,
    queueMean: first.stats().queueMean,
    sojournMean: sojourns.mean,
    acceptedRate: (arrivals - blocked) / s.runMin,
    blockedShare: blocked / arrivals,
    waits,
  };
}

/** Runs independent replications and returns a 99.9% t-interval of `pick`. */
function interval(setup: Omit<Setup, 'replication'>, pick: (o: Outcome) => number): { mean: number; half: number } {
  const xs = Array.from({ length: REPLICATIONS }, (_, r) => pick(simulate({ ...setup, replication: r })));
  return { mean: mean(xs), half: (T_19_99_9 * sampleStandardDeviation(xs)) / Math.sqrt(xs.length) };
}

/** Asserts theory lies in the interval, and that the interval is narrow enough to have caught an error. */
function expectCovers(ci: { mean: number; half: number }, theory: number, maxRelativeHalf: number): void {
  expect(Math.abs(ci.mean - theory), `CI ${ci.mean} ± ${ci.half} vs theory ${theory}`).toBeLessThanOrEqual(ci.half);
  expect(ci.half / theory, 'interval too wide to test anything').toBeLessThan(maxRelativeHalf);
}

const expo = (meanMin: number): Dist => ({ kind: 'exponential', mean: meanMin });

// Run lengths: ~6 M customers over the whole file (≈ 2 s at ~3 M customers/s); each replication starts
// empty and drops a warm-up of many mean waits (relaxation at ρ ≤ 0.9 is a few hundred minutes at most).
// They give 99.9% half-widths of 2–5% of the theoretical value; `maxRelativeHalf` fails the test if an
// interval ever gets too wide to catch a real error (a wrong release order or a lost server is > 10%).
// At ρ = 0.9 a replication's mean wait is right-skewed, and with short runs a sample of 20 that misses
// the high tail gets a too-small sd (50,000-minute runs put seed 101 at −5 SE; over ten seeds × 2 M
// customers the bench model gives 1.9613 ± 0.0077): 80,000 minutes per replication keeps it honest.
describe('single stations against theory', () => {
  it('theory helpers reproduce the textbook M/M/4 figure (λ=3.6, μ=1: Wq = 1.9694)', () => {
    expect(mmcWq(3.6, 1, 4)).toBeCloseTo(1.9694, 4);
    expect(mmcWq(0.7, 1, 1)).toBeCloseTo(0.7 / 0.3, 12); // M/M/1: ρ/(μ − λ)
  });

  it.each([
    { name: 'M/M/1 ρ=0.7', lambda: 0.7, mu: 1, c: 1, runMin: 50_000 },
    { name: 'M/M/4 λ=3.6 μ=1', lambda: 3.6, mu: 1, c: 4, runMin: 80_000 },
  ])('$name: mean wait and mean queue length match Erlang C', ({ lambda, mu, c, runMin }) => {
    const wq = mmcWq(lambda, mu, c);
    const setup = { lambda, stations: [{ servers: c, service: expo(1 / mu) }], seed: 101, warmupMin: 500, runMin };
    const outcomes = Array.from({ length: REPLICATIONS }, (_, r) => simulate({ ...setup, replication: r }));
    const ci = (xs: number[]) => ({ mean: mean(xs), half: (T_19_99_9 * sampleStandardDeviation(xs)) / Math.sqrt(xs.length) });
    expectCovers(ci(outcomes.map((o) => o.waitMean)), wq, 0.06);
    expectCovers(ci(outcomes.map((o) => o.queueMean)), lambda * wq, 0.06);
  });

  it('M/D/1 ρ=0.7: mean wait matches Pollaczek–Khinchine', () => {
    const lambda = 0.7;
    const serviceMin = 1;
    // P–K: Wq = λ E[S²] / (2(1 − ρ)) with E[S²] = 1 for a fixed 1-minute service
    const wq = (lambda * serviceMin * serviceMin) / (2 * (1 - lambda * serviceMin));
    const ci = interval(
      { lambda, stations: [{ servers: 1, service: { kind: 'fixed', value: serviceMin } }], seed: 202, warmupMin: 500, runMin: 15_000 },
      (o) => o.waitMean,
    );
    expectCovers(ci, wq, 0.06);
  });

  it('M/M/2/5: the share turned away matches the blocking probability', () => {
    const [lambda, mu, c, K] = [2, 1, 2, 5];
    const ci = interval(
      { lambda, stations: [{ servers: c, service: expo(1 / mu) }], systemLimit: K, seed: 303, warmupMin: 100, runMin: 7_500 },
      (o) => o.blockedShare,
    );
    expectCovers(ci, mmckBlocking(lambda, mu, c, K), 0.06);
  });
});

describe('networks and sample-path laws', () => {
  it('two-station tandem: mean sojourn is the sum of the M/M/1 sojourns (Jackson)', () => {
    const [lambda, mu1, mu2] = [0.5, 1, 0.8];
    const theory = 1 / (mu1 - lambda) + 1 / (mu2 - lambda);
    const ci = interval(
      { lambda, stations: [{ servers: 1, service: expo(1 / mu1) }, { servers: 1, service: expo(1 / mu2) }], seed: 404, warmupMin: 500, runMin: 20_000 },
      (o) => o.sojournMean,
    );
    expectCovers(ci, theory, 0.06);
  });

  it.each([
    { name: 'M/M/4', lambda: 3.6, stations: [{ servers: 4, service: expo(1) }] },
    { name: 'M/D/1', lambda: 0.8, stations: [{ servers: 1, service: { kind: 'fixed', value: 1 } as Dist }] },
  ])("Little's law on $name: time-average queue = accepted rate × mean wait", ({ lambda, stations }) => {
    // A sample-path identity up to edge effects (customers waiting across the window's ends): with a
    // run of ~36,000 customers and waits of a few minutes those are well under 1%.
    for (let r = 0; r < 3; r++) {
      const o = simulate({ lambda, stations, seed: 505, replication: r, warmupMin: 200, runMin: 10_000 });
      expect(Math.abs(o.queueMean / (o.acceptedRate * o.waitMean) - 1)).toBeLessThan(0.01);
    }
  });
});

describe('reproducibility', () => {
  const setup = (seed: number) => ({ lambda: 3.6, stations: [{ servers: 4, service: expo(1) }], seed, replication: 0, warmupMin: 100, runMin: 2_000 });
  const fingerprint = (o: Outcome) => [o.waits.count, o.waitMean, o.waits.variance, o.waits.quantile(0.9), o.queueMean, o.sojournMean];

  it('gives identical results for the same seed and replication', () => {
    expect(fingerprint(simulate(setup(7)))).toEqual(fingerprint(simulate(setup(7))));
  });

  it('gives different results for another seed or another replication', () => {
    const base = fingerprint(simulate(setup(7)));
    expect(fingerprint(simulate(setup(8)))).not.toEqual(base);
    expect(fingerprint(simulate({ ...setup(7), replication: 1 }))).not.toEqual(base);
    expect(simulate(setup(8)).waitMean).not.toBe(simulate(setup(7)).waitMean);
  });
});
