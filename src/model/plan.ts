// A scenario made ready to simulate, once: for each crossing its stages with their capacity schedules, its
// approach gates, and for each demand source its route as data (gate, zone, stages with their shares), its
// demand rate table and the names of its random streams. A replication only instantiates a plan with its
// (seed, replication); nothing is cached elsewhere, so a plan works the same in a worker thread.
import type { CapacitySchedule } from '../engine/index.js';
import type { Crossing, DemandSource, Direction, Scenario, Stage, VehicleClass } from '../scenario/types.js';
import { planBooking, type BookingPlan } from './booking.js';
import { ModelClock } from './clock.js';
import { DemandPlan } from './demand.js';
import { sourceStreamName, stageStreamName } from './streams.js';
import { buildCapacitySchedule, buildGateSchedule } from './timetable.js';

/** A stage of a crossing with its servers' capacity over time (and its wagon places', on rail stages that have them). */
export interface StagePlan {
  readonly stage: Stage;
  readonly schedule: CapacitySchedule;
  readonly wagonSchedule: CapacitySchedule | null;
}

/** An approach gate: closed while the first compulsory stage of its vehicles is closed to them. */
export interface GatePlan {
  /** `south/truck/border-customs`: direction, class and the stage whose hours it keeps. */
  readonly key: string;
  readonly stageId: string | null;
  readonly schedule: CapacitySchedule;
}

/**
 * One step of a route, as data. A vehicle waits at its gate (closed hours), takes a zone place, passes its stages
 * in order (optional ones when selected), and gives its place back; it leaves the approach ("enters the
 * crossing") when it takes its place or, holding none, when its first compulsory stage starts serving it.
 */
export type RouteStep =
  | { readonly kind: 'gate'; readonly gate: number }
  | { readonly kind: 'zone-enter' }
  | { readonly kind: 'enter' }
  | {
      readonly kind: 'stage';
      /** Index into the crossing's stages. */
      readonly stage: number;
      /** Position along the path (the vehicle's k-th service draw). */
      readonly position: number;
      /** Bit of Vehicle.selected for an optional stage (share < 1), null for a compulsory one. */
      readonly optionalBit: number | null;
      /** The vehicle leaves the approach when this stage starts serving it. */
      readonly entersOnStart: boolean;
    }
  | { readonly kind: 'zone-leave' };

/** The names of one source's streams (see streams.ts), by stage position where per stage. */
export interface PathStreams {
  readonly arrivals: string;
  readonly select: string;
  readonly service: readonly string[];
  readonly perWagon: readonly string[];
  readonly wagonSelect: readonly string[];
  readonly wagonInspect: readonly string[];
}

/** A demand source's way through its crossing. */
export interface PathPlan {
  readonly source: DemandSource;
  /** Indices into the crossing's stages, in the order its vehicles pass them. */
  readonly stages: readonly number[];
  readonly route: readonly RouteStep[];
  readonly holdsZone: boolean;
  /** Shares of the optional stages, in bit order of Vehicle.selected. */
  readonly optionalShares: readonly number[];
  /** Index into the crossing's (direction, class) pairs. */
  readonly pair: number;
  readonly demand: DemandPlan;
  readonly streams: PathStreams;
}

/** One crossing ready to simulate. */
export interface CrossingPlan {
  readonly crossing: Crossing;
  readonly stages: readonly StagePlan[];
  readonly gates: readonly GatePlan[];
  readonly paths: readonly PathPlan[];
  /** The (direction, class) pairs that have demand, in the order of their first source (daily.csv's order). */
  readonly pairs: readonly { readonly direction: Direction; readonly vehicleClass: VehicleClass }[];
  /** Its booking service (booking.ts), null when it takes no bookings. */
  readonly booking: BookingPlan | null;
}

/** A whole scenario ready to simulate. */
export interface BorderPlan {
  readonly scenario: Scenario;
  readonly clock: ModelClock;
  readonly crossings: readonly CrossingPlan[];
}

/** Optional stages a path may have (bits of Vehicle.selected). */
const MAX_OPTIONAL_STAGES = 30;

/** Builds the plan of a resolved scenario; throws DateError for a bad start date, RangeError for > 30 optional stages on a path. */
export function buildPlan(scenario: Scenario): BorderPlan {
  const clock = new ModelClock(scenario.startDate);
  return { scenario, clock, crossings: scenario.crossings.map((c) => planCrossing(c, clock)) };
}

/** The stages a source's vehicles pass (indices, in order): those serving its direction, class and cargo, with a share > 0. */
export function stagesOf(crossing: Crossing, source: DemandSource): number[] {
  const out: number[] = [];
  crossing.stages.forEach((st, i) => {
    if (st.directions.includes(source.direction) && st.classes.includes(source.vehicleClass) && st.cargo.includes(source.cargo) && st.share > 0) out.push(i);
  });
  return out;
}

function planCrossing(crossing: Crossing, clock: ModelClock): CrossingPlan {
  const stages: StagePlan[] = crossing.stages.map((stage) => ({
    stage,
    schedule: buildCapacitySchedule(stage.timetable, stage.servers, stage.serverChanges, clock),
    wagonSchedule: stage.wagonInspection ? buildCapacitySchedule(stage.timetable, stage.wagonInspection.places, [], clock) : null,
  }));
  const gates: GatePlan[] = [];
  const gateIndex = new Map<string, number | null>();
  const pairs: { direction: Direction; vehicleClass: VehicleClass }[] = [];
  const pairIndex = new Map<string, number>();
  const paths = crossing.demand.map((source): PathPlan => {
    const pairKey = `${source.direction}/${source.vehicleClass}`;
    if (!pairIndex.has(pairKey)) {
      pairIndex.set(pairKey, pairs.length);
      pairs.push({ direction: source.direction, vehicleClass: source.vehicleClass });
    }
    const onPath = stagesOf(crossing, source);
    // The approach gate keeps the hours of the first stage every vehicle of the path passes: an optional stage
    // (an X-ray for a third of the trucks) with hours of its own must not hold the vehicles it never sees.
    const first = onPath.find((i) => crossing.stages[i]!.share >= 1) ?? onPath[0];
    const firstStage = first === undefined ? null : crossing.stages[first]!;
    const gateKey = `${source.direction}/${source.vehicleClass}/${firstStage?.id ?? ''}`;
    if (!gateIndex.has(gateKey)) {
      const schedule = buildGateSchedule(firstStage?.timetable ?? null, clock);
      const alwaysOpen = schedule.capacityAt(0) > 0 && schedule.nextChangeAfter(0) === Infinity;
      gateIndex.set(gateKey, alwaysOpen ? null : gates.length);
      if (!alwaysOpen) gates.push({ key: gateKey, stageId: firstStage?.id ?? null, schedule });
    }
    const gate = gateIndex.get(gateKey)!;
    const holdsZone = crossing.zone.classes.includes(source.vehicleClass);
    const { route, optionalShares } = routeOf(crossing, onPath, gate, holdsZone);
    if (optionalShares.length > MAX_OPTIONAL_STAGES) throw new RangeError(`crossing ${crossing.id}: more than ${MAX_OPTIONAL_STAGES} optional stages`);
    const stageIds = onPath.map((i) => crossing.stages[i]!.id);
    const name = (stageId: string, purpose: 'service' | 'per-wagon' | 'wagon-select' | 'wagon-inspect'): string => stageStreamName(crossing.id, source.id, stageId, purpose);
    return {
      source,
      stages: onPath,
      route,
      holdsZone,
      optionalShares,
      pair: pairIndex.get(pairKey)!,
      demand: new DemandPlan(source, clock),
      streams: {
        arrivals: sourceStreamName(crossing.id, source.id, 'arrivals'),
        select: sourceStreamName(crossing.id, source.id, 'select'),
        service: stageIds.map((id) => name(id, 'service')),
        perWagon: stageIds.map((id) => name(id, 'per-wagon')),
        wagonSelect: stageIds.map((id) => name(id, 'wagon-select')),
        wagonInspect: stageIds.map((id) => name(id, 'wagon-inspect')),
      },
    };
  });
  return { crossing, stages, gates, paths, pairs, booking: planBooking(crossing.booking, clock) };
}

/** The route of a path through the stages `onPath` (indices), with its gate (or null) and zone. */
function routeOf(crossing: Crossing, onPath: readonly number[], gate: number | null, holdsZone: boolean): { route: RouteStep[]; optionalShares: number[] } {
  const route: RouteStep[] = gate === null ? [] : [{ kind: 'gate', gate }];
  if (holdsZone) route.push({ kind: 'zone-enter' }, { kind: 'enter' });
  const optionalShares: number[] = [];
  let entered = holdsZone;
  onPath.forEach((stage, position) => {
    const { share } = crossing.stages[stage]!;
    // Vehicles without a zone place leave the approach when their first compulsory stage starts.
    const entersOnStart = !entered && share >= 1;
    if (entersOnStart) entered = true;
    let optionalBit: number | null = null;
    if (share < 1) {
      optionalBit = optionalShares.length;
      optionalShares.push(share);
    }
    route.push({ kind: 'stage', stage, position, optionalBit, entersOnStart });
  });
  if (!entered) route.push({ kind: 'enter' });
  if (holdsZone) route.push({ kind: 'zone-leave' });
  return { route, optionalShares };
}
