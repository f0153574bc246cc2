// A corridor's vehicles at their decision point: each option's foreseen time (detour + the wait a driver can
// foresee from what an electronic queue shows), the rule's choice, and the vehicle sent on to the chosen
// crossing, arriving there after its detour.
import { Priority, type CapacitySchedule, type Gate, type Resource, type Simulation } from '../engine/index.js';
import { distMean, type Rng } from '../random/index.js';
import type { ChoiceRule } from '../scenario/types.js';
import type { ArrivalTarget } from './arrivals.js';
import type { CrossingModel } from './crossing.js';
import type { CorridorPlan, PathPlan } from './plan.js';
import type { CorridorCounts } from './corridor-stats.js';
import type { SlotBook } from './booking.js';
import type { Vehicle } from './vehicle.js';
import { MIN_PER_H } from '../units.js';

/** Ties in foreseen time closer than this (minutes) are ties: the choice stream picks among them. */
const TIE_MIN = 1e-9;

/** At most this many schedule changes are walked looking for the next opening (a year of daily opening hours). */
const MAX_CHANGES_AHEAD = 2000;

/** A count of corridor vehicles driving their detour to one stage of one crossing (as an electronic queue registers them). */
export interface EnRouteCount {
  level: number;
}

/**
 * The en-route counts of one simulation, one per crossing and first stage, shared by every corridor choosing
 * among them: a vehicle counts from its choice until it reaches the crossing, whoever foresees it.
 */
export class EnRouteBoard {
  private readonly counts = new Map<string, EnRouteCount>();

  /** The count of crossing `crossing` (its index in the scenario) at stage `stage` (null: a route with no stage). */
  at(crossing: number, stage: number | null): EnRouteCount {
    const key = `${crossing}/${stage ?? '-'}`;
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = { level: 0 }));
    return c;
  }
}

/**
 * What a driver can see of one crossing for one corridor path: whether it is open (its gate), how many vehicles
 * are ahead at its first compulsory stage, the servers there and their mean service time.
 */
export class CrossingOutlook {
  private readonly gateSchedule: CapacitySchedule | null;
  private readonly servers: Resource<Vehicle> | null;
  private readonly stageSchedule: CapacitySchedule | null;
  private readonly meanServiceMin: number;
  /** Approach queues of the zone-holding groups whose vehicles go to the same first stage (waiting at the gate or for a place). */
  private readonly heldQueues: readonly { readonly level: number }[];
  /** Gates held by the vehicles without a zone place that go to the same first stage. */
  private readonly heldGates: readonly Gate<Vehicle>[];
  /** Corridor vehicles driving to the same first stage: counted by every choice of this crossing, foreseen only when `seesEnRoute`. */
  readonly enRoute: EnRouteCount;
  /** The slots its vehicles book at this crossing (null when they do not book): the wait for the slot is foreseen first. */
  private readonly slots: SlotBook | null;

  constructor(
    cm: CrossingModel,
    pathIndex: number,
    readonly detourMin: number,
    board: EnRouteBoard,
    crossingIndex: number,
    private readonly seesEnRoute: boolean,
  ) {
    const path = cm.plan.paths[pathIndex]!;
    const gateStep = path.route.find((r) => r.kind === 'gate');
    this.gateSchedule = gateStep?.kind === 'gate' ? cm.plan.gates[gateStep.gate]!.schedule : null;
    const stage = firstStageOf(path.route);
    this.enRoute = board.at(crossingIndex, stage);
    this.slots = cm.paths[pathIndex]!.booking?.slots ?? null;
    this.servers = stage === null ? null : cm.stages[stage]!.servers;
    this.stageSchedule = stage === null ? null : cm.plan.stages[stage]!.schedule;
    const st = stage === null ? null : cm.plan.stages[stage]!.stage;
    const wagons = path.source.vehicleClass === 'train' ? path.source.wagonsPerTrain : 0;
    this.meanServiceMin = st === null ? 0 : distMean(st.serviceMin) + wagons * distMean(st.perWagonMin);
    // Everyone ahead of it at that stage: those there, and those of every path to it still held on the approach.
    const sharing = cm.plan.paths.map((p, i) => ({ p, i })).filter(({ p }) => stage !== null && firstStageOf(p.route) === stage);
    this.heldQueues = [...new Set(sharing.filter(({ p }) => p.holdsZone).map(({ i }) => cm.stats.approachOf(i)))];
    const gates = sharing.filter(({ p }) => !p.holdsZone).map(({ p }) => p.route.find((r) => r.kind === 'gate')).flatMap((r) => (r?.kind === 'gate' ? [r.gate] : []));
    this.heldGates = [...new Set(gates)].map((g) => cm.gateAt(g));
  }

  /**
   * The wait foreseen at `nowMin` for a vehicle that would get here after its detour, as an electronic queue would
   * tell it: n vehicles ahead at its first compulsory stage (there now, or held on the approach on their way to
   * it, whatever their direction or class, and with foresight queue-and-en-route the corridor vehicles driving
   * there) leave it max(0, n + 1 − c) × mean service server-minutes of work to wait
   * for; that work is done at the stage's capacity over its opening hours (closed nights and holidays ahead
   * included) from when the crossing is open to it — for a vehicle that books, from the start of the slot a
   * booking would get (the wait in the waiting area comes first). Infinity when it never opens again.
   */
  foreseenWaitMin(nowMin: number): number {
    const arriveMin = nowMin + this.detourMin;
    // A booking vehicle drives on from the waiting area when its slot starts (the slot a booking would get now).
    const roadMin = this.slots ? this.slots.slotStartMin(arriveMin) : arriveMin;
    if (roadMin === Infinity) return Infinity;
    const openMin = this.gateSchedule ? nextOpenMin(this.gateSchedule, roadMin) : roadMin;
    if (openMin === Infinity || this.servers === null) return openMin - arriveMin;
    let ahead = this.servers.busy + this.servers.waiting;
    for (const q of this.heldQueues) ahead += q.level;
    for (const g of this.heldGates) ahead += g.waiting;
    if (this.seesEnRoute) ahead += this.enRoute.level;
    const c = Math.max(1, this.stageSchedule!.capacityAt(openMin));
    return workDoneAtMin(this.stageSchedule!, openMin, Math.max(0, ahead + 1 - c) * this.meanServiceMin) - arriveMin;
  }
}

/** The first compulsory stage of a route (else its first stage), or null. */
function firstStageOf(route: PathPlan['route']): number | null {
  const first = route.find((r) => r.kind === 'stage' && r.optionalBit === null) ?? route.find((r) => r.kind === 'stage');
  return first?.kind === 'stage' ? first.stage : null;
}

/** When `workMin` server-minutes are done from `fromMin` at the schedule's capacity (Infinity if never). */
export function workDoneAtMin(schedule: CapacitySchedule, fromMin: number, workMin: number): number {
  let t = fromMin;
  let left = workMin;
  for (let i = 0; left > 0 && i < MAX_CHANGES_AHEAD; i++) {
    const capacity = schedule.capacityAt(t);
    const next = schedule.nextChangeAfter(t);
    if (capacity > 0) {
      const span = Math.min(next - t, left / capacity);
      left -= span * capacity;
      t += span;
      if (left <= 1e-9) return t;
    }
    if (next === Infinity) return Infinity;
    t = next;
  }
  return left > 1e-9 ? Infinity : t;
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
  /** The crossing's count of vehicles driving there. */
  readonly board: EnRouteCount;
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
    this.enRoute = targets.map((target, option) => ({ target, counts, board: outlooks[option]!.enRoute }));
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
      this.enRoute[option]!.board.level++;
      this.sim.schedule(detourMin, reachCrossing, this.enRoute[option]!, Priority.arrival);
    }
  }
}

/** A vehicle that drove its detour reaches its crossing. */
function reachCrossing(e: EnRoute): void {
  e.counts.enRoute--;
  e.board.level--;
  e.counts.reached++;
  e.target.arrive();
}
