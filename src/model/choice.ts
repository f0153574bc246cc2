// A corridor's vehicles at their decision point: each option's foreseen time (detour + the wait a driver can
// foresee from what an electronic queue shows), the rule's choice, and the vehicle sent on to the chosen
// crossing, arriving there after its detour.
import { Priority, type CapacitySchedule, type Gate, type Resource, type Simulation } from '../engine/index.js';
import { distMean, type Rng } from '../random/index.js';
import type { ChoiceRule } from '../scenario/types.js';
import type { ArrivalTarget } from './arrivals.js';
import type { CrossingModel } from './crossing.js';
import type { CorridorPlan } from './plan.js';
import type { CorridorCounts } from './corridor-stats.js';
import type { Vehicle } from './vehicle.js';
import { MIN_PER_H } from '../units.js';

/** Ties in foreseen time closer than this (minutes) are ties: the choice stream picks among them. */
const TIE_MIN = 1e-9;

/** At most this many schedule changes are walked looking for the next opening (a year of daily opening hours). */
const MAX_CHANGES_AHEAD = 2000;

/**
 * What a driver can see of one crossing for one corridor path: whether it is open (its gate), how many vehicles
 * are ahead at its first compulsory stage, the servers there and their mean service time.
 */
export class CrossingOutlook {
  private readonly gateSchedule: CapacitySchedule | null;
  private readonly gate: Gate<Vehicle> | null;
  private readonly servers: Resource<Vehicle> | null;
  private readonly stageSchedule: CapacitySchedule | null;
  private readonly nominalServers: number;
  private readonly meanServiceMin: number;
  /** Its direction and class's approach queue (counts those waiting for a zone place). */
  private readonly approach: { readonly level: number };
  private readonly holdsZone: boolean;

  constructor(
    cm: CrossingModel,
    pathIndex: number,
    readonly detourMin: number,
  ) {
    const path = cm.plan.paths[pathIndex]!;
    const gateStep = path.route.find((r) => r.kind === 'gate');
    this.gateSchedule = gateStep?.kind === 'gate' ? cm.plan.gates[gateStep.gate]!.schedule : null;
    this.gate = gateStep?.kind === 'gate' ? cm.gateAt(gateStep.gate) : null;
    const first = path.route.find((r) => r.kind === 'stage' && r.optionalBit === null) ?? path.route.find((r) => r.kind === 'stage');
    const stage = first?.kind === 'stage' ? first.stage : null;
    this.servers = stage === null ? null : cm.stages[stage]!.servers;
    this.stageSchedule = stage === null ? null : cm.plan.stages[stage]!.schedule;
    const st = stage === null ? null : cm.plan.stages[stage]!.stage;
    this.nominalServers = st?.servers ?? 1;
    const wagons = path.source.vehicleClass === 'train' ? path.source.wagonsPerTrain : 0;
    this.meanServiceMin = st === null ? 0 : distMean(st.serviceMin) + wagons * distMean(st.perWagonMin);
    this.approach = cm.stats.approachOf(pathIndex);
    this.holdsZone = path.holdsZone;
  }

  /**
   * The wait foreseen at `nowMin` for a vehicle that would get here after its detour: the time until the crossing
   * is open to it, then the M/M/c wait of a newcomer with n vehicles ahead, max(0, n + 1 − c) × mean service / c,
   * where n counts those at its first compulsory stage (served or queued) and those of its direction and class
   * held on the approach (at the closed gate, or for a zone place). Infinity when it never opens again.
   */
  foreseenWaitMin(nowMin: number): number {
    const arriveMin = nowMin + this.detourMin;
    const openMin = this.gateSchedule ? nextOpenMin(this.gateSchedule, arriveMin) : arriveMin;
    if (openMin === Infinity) return Infinity;
    if (this.servers === null) return openMin - arriveMin;
    const capacityThen = this.stageSchedule!.capacityAt(openMin);
    const c = capacityThen > 0 ? capacityThen : Math.max(1, this.nominalServers);
    const held = this.holdsZone ? this.approach.level : (this.gate?.waiting ?? 0);
    const ahead = this.servers.busy + this.servers.waiting + held;
    return openMin - arriveMin + (Math.max(0, ahead + 1 - c) * this.meanServiceMin) / c;
  }
}

/** The first instant at or after `atMin` when the schedule's capacity is above 0 (Infinity if never). */
export function nextOpenMin(schedule: CapacitySchedule, atMin: number): number {
  let t = atMin;
  for (let i = 0; i < MAX_CHANGES_AHEAD; i++) {
    if (schedule.capacityAt(t) > 0) return t;
    t = schedule.nextChangeAfter(t);
    if (t === Infinity) return Infinity;
  }
  return Infinity;
}

/**
 * The option a rule picks from foreseen times (detour + wait, minutes), with one uniform draw `u` in [0, 1):
 * fixed → `fixed`; least-time → the least time (ties shared evenly by `u`); logit → drawn with probability
 * ∝ exp(−(time − least) / scale). Options that never open are never chosen while another does; if none does,
 * the fixed route.
 */
export function chooseOption(rule: ChoiceRule, timesMin: Float64Array, fixed: number, scaleMin: number, u: number): number {
  if (rule === 'fixed') return fixed;
  let least = Infinity;
  for (let i = 0; i < timesMin.length; i++) if (timesMin[i]! < least) least = timesMin[i]!;
  if (least === Infinity) return fixed;
  if (rule === 'least-time') {
    let ties = 0;
    for (let i = 0; i < timesMin.length; i++) if (timesMin[i]! - least <= TIE_MIN) ties++;
    let pick = Math.floor(u * ties);
    for (let i = 0; i < timesMin.length; i++) if (timesMin[i]! - least <= TIE_MIN && pick-- === 0) return i;
    return fixed;
  }
  let total = 0;
  for (let i = 0; i < timesMin.length; i++) total += Math.exp(-(timesMin[i]! - least) / scaleMin);
  let acc = 0;
  const target = u * total;
  let last = fixed;
  for (let i = 0; i < timesMin.length; i++) {
    const w = Math.exp(-(timesMin[i]! - least) / scaleMin);
    if (w === 0) continue;
    acc += w;
    last = i;
    if (target < acc) return i;
  }
  return last;
}

/** A vehicle of one corridor source reaching its chosen crossing after its detour. */
interface EnRoute {
  readonly target: ArrivalTarget;
  readonly counts: CorridorCounts;
}

/** The arrival handler of one corridor source at its decision point. */
export class CorridorArrival implements ArrivalTarget {
  private readonly timesMin: Float64Array;
  private readonly waitsMin: Float64Array;
  private readonly enRoute: EnRoute[];

  constructor(
    private readonly sim: Simulation,
    private readonly plan: CorridorPlan,
    private readonly outlooks: readonly CrossingOutlook[],
    /** The chosen path's arrival handler at each option's crossing. */
    private readonly targets: readonly ArrivalTarget[],
    /** Diverted-vehicle counters: at each option's crossing (in), and at the fixed route's (out). */
    private readonly diverted: { into(option: number, nowMin: number): void; outOf(nowMin: number): void },
    private readonly choiceRng: Rng,
    private readonly counts: CorridorCounts,
    private readonly sourceIndex: number,
  ) {
    this.timesMin = new Float64Array(outlooks.length);
    this.waitsMin = new Float64Array(outlooks.length);
    this.enRoute = targets.map((target) => ({ target, counts }));
  }

  arrive(): void {
    const now = this.sim.nowMin;
    const { outlooks, timesMin, waitsMin } = this;
    const rule = this.plan.corridor.rule;
    if (rule !== 'fixed') {
      for (let i = 0; i < outlooks.length; i++) {
        const w = outlooks[i]!.foreseenWaitMin(now);
        waitsMin[i] = w;
        timesMin[i] = outlooks[i]!.detourMin + w;
      }
    }
    // One draw per vehicle whatever the rule, so the stream stays aligned between plans with different rules.
    const u = this.choiceRng.next();
    const option = chooseOption(rule, timesMin, this.plan.fixed, this.plan.corridor.logitScaleH * MIN_PER_H, u);
    if (rule === 'fixed') {
      const w = outlooks[option]!.foreseenWaitMin(now);
      waitsMin[option] = w;
    }
    this.counts.chose(this.sourceIndex, option, waitsMin[option]!, outlooks[option]!.detourMin);
    if (option !== this.plan.fixed) {
      this.diverted.into(option, now);
      this.diverted.outOf(now);
    }
    const detourMin = outlooks[option]!.detourMin;
    if (detourMin === 0) {
      this.counts.reached++;
      this.targets[option]!.arrive();
    } else {
      this.counts.enRoute++;
      this.sim.schedule(detourMin, reachCrossing, this.enRoute[option]!, Priority.arrival);
    }
  }
}

/** A vehicle that drove its detour reaches its crossing. */
function reachCrossing(e: EnRoute): void {
  e.counts.enRoute--;
  e.counts.reached++;
  e.target.arrive();
}
