// Replications that simulate only the crossings whose inputs are new. Crossings not joined by a corridor share no
// vehicle, server or place and draw from streams named by crossing, so a unit's part of a replication (a crossing
// alone, or the crossings joined by corridors with those corridors: its groups, stages, months, hours, invariants,
// corridor rows, daily rows and engine events) depends only on its own resolved inputs, the start date, the run's
// length and warm-up, the seed and the replication. A decision command that runs several
// scenarios (compare's plans, sweep's points) says up front which it will run; a crossing's part is kept while a
// later one of them has the same inputs, and handed back instead of simulated. The replication the collector
// sees is the one a full run gives: the parts spliced in the scenario's crossing order (rows in crossing order, corridors'
// in corridor order).
import { createHash } from 'node:crypto';
import type { CorridorResult, DailyResult, GroupResult, InvariantCheck, PeriodResult, StageResult, VehicleTrace } from '../../model/results.js';
import type { Corridor, Crossing, Scenario } from '../../scenario/types.js';
import { crossingUnits } from '../../model/plan.js';
import type { ReplicationDone, ReplicationExecutor, ReplicationJob } from './executor.js';

/** One crossing's share of one replication's results. */
interface CrossingPart {
  groups: GroupResult[];
  stages: StageResult[];
  monthly: PeriodResult[];
  hourly: PeriodResult[];
  invariants: InvariantCheck[];
  corridors: CorridorResult[];
  daily: DailyResult[];
  events: number;
  /** Rough size in memory, for the bound. */
  bytes: number;
}

/** How many crossing-replications were simulated and how many were handed back from earlier runs. */
export interface ReuseCounts {
  simulated: number;
  reused: number;
}

/** Default bound on the kept parts (estimated bytes); past it the least recently used go (and are simulated again if asked for). */
export const DEFAULT_REUSE_BYTES = 256 * 1024 * 1024;

/**
 * The key of a crossing's inputs: a hash of its resolved definition as canonical JSON (keys sorted; numbers that
 * JSON cannot hold spelled out) with the scenario's start date, the only scenario-wide input a crossing reads.
 */
export function crossingInputKey(crossing: Crossing, startDate: string): string {
  return createHash('sha256').update(canonicalJson({ startDate, crossing })).digest('hex');
}

/** The key of a unit's inputs: a crossing alone as crossingInputKey; linked crossings with their corridors, in order. */
export function unitInputKey(crossings: readonly Crossing[], corridors: readonly Corridor[], startDate: string): string {
  if (corridors.length === 0 && crossings.length === 1) return crossingInputKey(crossings[0]!, startDate);
  return createHash('sha256').update(canonicalJson({ startDate, crossings, corridors })).digest('hex');
}

/** JSON with object keys sorted at every level; NaN and ±Infinity as strings (JSON would make them null). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return `\u0000${String(v)}`;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * Wraps an executor: each replication runs as one task per crossing not already computed (the crossing alone:
 * same streams, same results), and the kept parts fill in the rest. Traced replications pass straight through
 * (vehicle ids count across crossings). Use plan() before a series of experiments and finished() after each.
 */
export class ReusingExecutor implements ReplicationExecutor {
  readonly size: number;
  readonly counts: ReuseCounts = { simulated: 0, reused: 0 };
  /** Kept parts by crossing key + job, least recently used first. */
  private readonly kept = new Map<string, CrossingPart>();
  private keptBytes = 0;
  /** Parts being simulated (a second request waits for the first). */
  private readonly running = new Map<string, Promise<CrossingPart>>();
  /** Per crossing input key: how many planned experiments that have not finished include it. */
  private readonly planned = new Map<string, number>();
  /** Planned experiments not yet finished, by scenario (a scenario may be planned more than once). */
  private readonly pendingRuns = new WeakMap<Scenario, number>();
  private readonly keysOf = new WeakMap<Scenario, string[]>();
  private readonly aloneOf = new WeakMap<Scenario, Scenario[]>();

  constructor(
    private readonly inner: ReplicationExecutor,
    private readonly maxBytes = DEFAULT_REUSE_BYTES,
  ) {
    this.size = inner.size;
  }

  /** Registers experiments about to run (in any order): parts they share are kept until the last of them finishes. */
  plan(scenarios: readonly Scenario[]): void {
    for (const s of scenarios) {
      this.pendingRuns.set(s, (this.pendingRuns.get(s) ?? 0) + 1);
      for (const key of new Set(this.crossingKeys(s))) this.planned.set(key, (this.planned.get(key) ?? 0) + 1);
    }
  }

  /** An experiment is over: when it was planned, parts no later planned experiment shares are dropped. */
  finished(scenario: Scenario): void {
    const runs = this.pendingRuns.get(scenario) ?? 0;
    if (runs === 0) return;
    this.pendingRuns.set(scenario, runs - 1);
    const done = new Set(this.crossingKeys(scenario));
    for (const key of done) {
      const left = (this.planned.get(key) ?? 0) - 1;
      if (left > 0) this.planned.set(key, left);
      else this.planned.delete(key);
    }
    for (const [k, part] of this.kept) {
      if (this.planned.has(k.slice(0, k.indexOf('|')))) continue;
      this.kept.delete(k);
      this.keptBytes -= part.bytes;
    }
  }

  /** Estimated bytes held by kept parts. */
  get bytesKept(): number {
    return this.keptBytes;
  }

  async run(scenario: Scenario, job: ReplicationJob, onVehicle?: (t: VehicleTrace) => void): Promise<ReplicationDone> {
    if (onVehicle) return this.inner.run(scenario, job, onVehicle);
    const jobKey = `|${job.seed}|${job.replication}|${job.days}|${job.warmupDays}`;
    const keys = this.crossingKeys(scenario);
    const parts = keys.map((crossingKey, i) => this.partOf(scenario, i, crossingKey, `${crossingKey}${jobKey}`, job));
    return splice(job.replication, await Promise.all(parts), scenario);
  }

  close(): Promise<void> {
    this.kept.clear();
    this.keptBytes = 0;
    return this.inner.close();
  }

  private partOf(scenario: Scenario, index: number, crossingKey: string, key: string, job: ReplicationJob): Promise<CrossingPart> {
    const hit = this.kept.get(key);
    if (hit) {
      // Most recently used last.
      this.kept.delete(key);
      this.kept.set(key, hit);
      this.counts.reused += 1;
      return Promise.resolve(hit);
    }
    const pending = this.running.get(key);
    if (pending) {
      this.counts.reused += 1;
      return pending;
    }
    this.counts.simulated += 1;
    const p = this.inner.run(this.alone(scenario)[index]!, job).then((done) => {
      const part = partOfDone(done);
      // Kept only when a planned experiment still to come shares this crossing (this one counts once).
      if ((this.planned.get(crossingKey) ?? 0) > 1) this.keep(key, part);
      return part;
    });
    this.running.set(key, p);
    const forget = (): void => void this.running.delete(key);
    p.then(forget, forget);
    return p;
  }

  private keep(key: string, part: CrossingPart): void {
    if (part.bytes > this.maxBytes) return;
    this.kept.set(key, part);
    this.keptBytes += part.bytes;
    for (const [k, old] of this.kept) {
      if (this.keptBytes <= this.maxBytes) break;
      this.kept.delete(k);
      this.keptBytes -= old.bytes;
    }
  }

  /** The input key of each unit of the scenario (a crossing alone, or crossings joined by corridors). */
  private crossingKeys(scenario: Scenario): string[] {
    let keys = this.keysOf.get(scenario);
    if (!keys) {
      keys = this.alone(scenario).map((u) => unitInputKey(u.crossings, u.corridors, scenario.startDate));
      this.keysOf.set(scenario, keys);
    }
    return keys;
  }

  /** The scenario with only unit i's crossings and corridors, one object per unit while the scenario lives (so executors plan it once). */
  private alone(scenario: Scenario): Scenario[] {
    let list = this.aloneOf.get(scenario);
    if (!list) {
      list = crossingUnits(scenario).map((unit) => {
        const crossings = unit.map((i) => scenario.crossings[i]!);
        const ids = new Set(crossings.map((c) => c.id));
        return { ...scenario, crossings, corridors: scenario.corridors.filter((k) => ids.has(k.crossings[0]!.crossing)) };
      });
      this.aloneOf.set(scenario, list);
    }
    return list;
  }
}

/** A one-crossing replication as a part (daily rows: those streamed, then any the result holds). */
function partOfDone(done: ReplicationDone): CrossingPart {
  const r = done.result;
  const daily = r.daily.length === 0 ? done.daily : [...done.daily, ...r.daily];
  const periodBytes = (rows: readonly PeriodResult[]): number => rows.reduce((n, p) => n + 96 + 8 * p.values.length, 0);
  const bytes = 400 * (r.groups.length + r.stages.length + r.invariants.length) + 160 * daily.length + periodBytes(r.monthly) + periodBytes(r.hourly);
  return { groups: r.groups, stages: r.stages, monthly: r.monthly, hourly: r.hourly, invariants: r.invariants, corridors: r.corridors, daily, events: r.events, bytes };
}

/** The replication of the whole scenario from its units' parts: rows in crossing order, then corridors' in corridor order. */
function splice(replication: number, parts: readonly CrossingPart[], scenario: Scenario): ReplicationDone {
  const result = { replication, groups: [] as GroupResult[], stages: [] as StageResult[], daily: [] as DailyResult[], monthly: [] as PeriodResult[], hourly: [] as PeriodResult[], invariants: [] as InvariantCheck[], corridors: [] as CorridorResult[], events: 0 };
  const daily: DailyResult[] = [];
  for (const p of parts) {
    for (const g of p.groups) result.groups.push(g);
    for (const s of p.stages) result.stages.push(s);
    for (const m of p.monthly) result.monthly.push(m);
    for (const h of p.hourly) result.hourly.push(h);
    for (const inv of p.invariants) result.invariants.push(inv);
    for (const c of p.corridors) result.corridors.push(c);
    for (const d of p.daily) daily.push(d);
    result.events += p.events;
  }
  if (parts.length > 1 && scenario.corridors.length > 0) inScenarioOrder(result, scenario);
  return { result, daily };
}

/**
 * Sorts the spliced rows as one run gives them: a unit's part holds its crossings in scenario order, but units of
 * linked crossings interleave with others (stable sorts: a crossing's rows keep their order; invariants of corridors,
 * named by corridor, come after every crossing's, as in one run).
 */
function inScenarioOrder(result: ReplicationDone['result'], scenario: Scenario): void {
  const crossingAt = new Map(scenario.crossings.map((c, i) => [c.id, i]));
  const corridorAt = new Map(scenario.corridors.map((c, i) => [c.id, scenario.crossings.length + i]));
  const at = (r: { crossing: string }): number => crossingAt.get(r.crossing) ?? Number.MAX_SAFE_INTEGER;
  const byCrossing = (a: { crossing: string }, b: { crossing: string }): number => at(a) - at(b);
  result.groups.sort(byCrossing);
  result.stages.sort(byCrossing);
  result.monthly.sort(byCrossing);
  result.hourly.sort(byCrossing);
  const inv = (r: { name: string; crossing: string }): number => (r.name === 'corridor_conservation' ? corridorAt.get(r.crossing)! : crossingAt.get(r.crossing)!);
  result.invariants.sort((a, b) => inv(a) - inv(b));
  result.corridors.sort((a, b) => corridorAt.get(a.corridor)! - corridorAt.get(b.corridor)!);
}
