// A scenario made ready to simulate, once: for each crossing its stages with their capacity schedules, its
// approach gates, and for each demand source its route as data (gate, zone, stages with their shares), its
// demand rate table and the names of its random streams. A replication only instantiates a plan with its
// (seed, replication); nothing is cached elsewhere, so a plan works the same in a worker thread.
import type { CapacitySchedule } from '../engine/index.js';
import type { Corridor, Crossing, DemandSource, Direction, Scenario, Stage, VehicleClass } from '../scenario/types.js';
import { demandPairs, fixedOption } from '../scenario/corridor-routes.js';
import { planBooking, type BookingPlan } from './booking.js';
import { ModelClock } from './clock.js';
import { DemandPlan } from './demand.js';
import { corridorStreamName, corridorPathSourceId, sourceStreamName, stageStreamName } from './streams.js';
import { MIN_PER_H } from '../units.js';
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
  /** Where a corridor's vehicles take this path (its arrivals are the corridor's, not the path's own); null for a crossing's own source. */
  readonly corridor: PathCorridor | null;
}

/** A corridor path: the corridor and source it belongs to (indices into BorderPlan.corridors and its sources) and its option there. */
export interface PathCorridor {
  readonly corridor: number;
  readonly source: number;
  readonly option: number;
  /** This crossing is not the corridor's fixed route: its vehicles here are diverted. */
  readonly diverted: boolean;
}

/** A crossing a corridor may use: its index in the scenario and its detour. */
export interface CorridorOptionPlan {
  readonly crossing: number;
  readonly detourMin: number;
}

/** A corridor's demand source: its arrivals at the decision point, its streams, and its path at each option's crossing. */
export interface CorridorSourcePlan {
  readonly source: DemandSource;
  readonly demand: DemandPlan;
  readonly streams: { readonly arrivals: string; readonly choice: string };
  /** Path index at the crossing of each option, in option order. */
  readonly paths: readonly number[];
  /** Index into the corridor's (direction, class) pairs. */
  readonly pair: number;
}

/** A corridor ready to simulate. */
export interface CorridorPlan {
  readonly corridor: Corridor;
  readonly options: readonly CorridorOptionPlan[];
  /** The option of the fixed route: the least detour, the first listed among equals. */
  readonly fixed: number;
  readonly sources: readonly CorridorSourcePlan[];
  /** The (direction, class) pairs of its sources, in the order of their first source (corridors.csv's order). */
  readonly pairs: readonly { readonly direction: Direction; readonly vehicleClass: VehicleClass }[];
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
  readonly corridors: readonly CorridorPlan[];
  /**
   * Crossings that run on one calendar, as indices in scenario order: those joined by corridors (directly or
   * through others) together, every other crossing alone. Units are ordered by their first crossing.
   */
  readonly units: readonly (readonly number[])[];
}

/** Optional stages a path may have (bits of Vehicle.selected). */
const MAX_OPTIONAL_STAGES = 30;

/** Builds the plan of a resolved scenario; throws DateError for a bad start date, RangeError for > 30 optional stages on a path. */
export function buildPlan(scenario: Scenario): BorderPlan {
  const clock = new ModelClock(scenario.startDate);
  const index = new Map(scenario.crossings.map((c, i) => [c.id, i]));
  // Every corridor source's path at each of its crossings, appended after the crossing's own sources.
  const extra: CorridorPathInput[][] = scenario.crossings.map(() => []);
  const counts = scenario.crossings.map((c) => c.demand.length);
  const demands = scenario.corridors.map((corridor) => corridor.demand.map((source) => new DemandPlan(source, clock)));
  const corridorPaths = scenario.corridors.map((corridor, k) => {
    const fixed = fixedOption(corridor);
    return corridor.demand.map((source, s) =>
      corridor.crossings.map((o, option) => {
        const ci = index.get(o.crossing);
        if (ci === undefined) throw new RangeError(`corridor ${corridor.id}: no crossing ${o.crossing}`);
        const demand = demands[k]![s]!;
        extra[ci]!.push({ source: { ...source, id: corridorPathSourceId(corridor.id, source.id) }, demand, corridor: { corridor: k, source: s, option, diverted: option !== fixed } });
        return counts[ci]!++;
      }),
    );
  });
  const crossings = scenario.crossings.map((c, i) => planCrossing(c, clock, extra[i]!));
  const corridors = scenario.corridors.map((corridor, k) => planCorridor(corridor, index, demands[k]!, corridorPaths[k]!));
  return { scenario, clock, crossings, corridors, units: unitsOf(scenario.crossings.length, corridors.map((c) => c.options.map((o) => o.crossing))) };
}

/** A corridor path to add to a crossing's plan. */
interface CorridorPathInput {
  source: DemandSource;
  demand: DemandPlan;
  corridor: PathCorridor;
}

function planCorridor(corridor: Corridor, index: Map<string, number>, demands: readonly DemandPlan[], paths: number[][]): CorridorPlan {
  const pairs = demandPairs(corridor);
  const pairOf = (s: DemandSource): number => pairs.findIndex((p) => p.direction === s.direction && p.vehicleClass === s.vehicleClass);
  return {
    corridor,
    options: corridor.crossings.map((o) => ({ crossing: index.get(o.crossing)!, detourMin: o.detourH * MIN_PER_H })),
    fixed: fixedOption(corridor),
    sources: corridor.demand.map((source, s) => ({
      source,
      demand: demands[s]!,
      streams: { arrivals: corridorStreamName(corridor.id, source.id, 'arrivals'), choice: corridorStreamName(corridor.id, source.id, 'choice') },
      paths: paths[s]!,
      pair: pairOf(source),
    })),
    pairs,
  };
}

/**
 * The crossings of a scenario that must run on one calendar, as units of crossing indices: those joined by corridors
 * (directly or through others) together, every other crossing alone; in scenario order, units by their first crossing.
 */
export function crossingUnits(scenario: Scenario): number[][] {
  const index = new Map(scenario.crossings.map((c, i) => [c.id, i]));
  return unitsOf(scenario.crossings.length, scenario.corridors.map((k) => k.crossings.map((o) => index.get(o.crossing)!)));
}

/** Crossings joined by corridors (each the crossing indices it may use), as units (connected components), ordered by their first crossing. */
function unitsOf(n: number, corridors: readonly (readonly number[])[]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const options of corridors) {
    for (const o of options) {
      const [x, y] = [root(options[0]!), root(o)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const unit = byRoot.get(r) ?? [];
    unit.push(i);
    byRoot.set(r, unit);
  }
  return [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
}

/** The stages a source's vehicles pass (indices, in order): those serving its direction, class and cargo, with a share > 0. */
export function stagesOf(crossing: Crossing, source: DemandSource): number[] {
  const out: number[] = [];
  crossing.stages.forEach((st, i) => {
    if (st.directions.includes(source.direction) && st.classes.includes(source.vehicleClass) && st.cargo.includes(source.cargo) && st.share > 0) out.push(i);
  });
  return out;
}

function planCrossing(crossing: Crossing, clock: ModelClock, corridorPaths: readonly CorridorPathInput[]): CrossingPlan {
  const stages: StagePlan[] = crossing.stages.map((stage) => ({
    stage,
    schedule: buildCapacitySchedule(stage.timetable, stage.servers, stage.serverChanges, clock),
    wagonSchedule: stage.wagonInspection ? buildCapacitySchedule(stage.timetable, stage.wagonInspection.places, [], clock) : null,
  }));
  const gates: GatePlan[] = [];
  const gateIndex = new Map<string, number | null>();
  const pairs: { direction: Direction; vehicleClass: VehicleClass }[] = [];
  const pairIndex = new Map<string, number>();
  const own = crossing.demand.map((source) => ({ source, demand: null as DemandPlan | null, corridor: null as PathCorridor | null }));
  const paths = [...own, ...corridorPaths].map(({ source, demand, corridor }): PathPlan => {
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
      demand: demand ?? new DemandPlan(source, clock),
      corridor,
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
