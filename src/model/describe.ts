// A plan's routes described as data: for every demand source of every crossing, the steps its vehicles take
// (booked slot, gate, zone place, stages with their shares and servers) — what `validate --explain` prints and tests assert.
import { slotsPerHourOf } from './booking.js';
import type { BorderPlan, CrossingPlan, PathPlan } from './plan.js';

/** One step of a described route. */
export type RouteStepDescription =
  /** Books a slot and waits for it in the waiting area (booking.ts) before the road approach. */
  | { kind: 'booking'; slotsPerHour: number; noShowShare: number }
  | { kind: 'gate'; key: string; keepsHoursOf: string | null }
  | { kind: 'zone-enter'; places: number }
  | { kind: 'enter' }
  | { kind: 'stage'; stage: string; share: number; servers: number; changes: { fromDate: string; servers: number }[]; entersOnStart: boolean; wagonPlaces: number | null }
  | { kind: 'zone-leave' };

/** A demand source's route through its crossing. */
export interface RouteDescription {
  crossing: string;
  source: string;
  direction: string;
  vehicleClass: string;
  cargo: string;
  /** Its source's rate: for a corridor's source, the whole corridor's, which its crossings share by its rule. */
  vehiclesPerDay: number;
  /** Set for a corridor's source: the rule sharing it, every crossing it may use, and this one's detour. */
  corridor: { id: string; rule: string; foresight: string; crossings: string[]; detourH: number; fixedRoute: boolean } | null;
  steps: RouteStepDescription[];
}

/** Every route of the plan, crossing by crossing in the scenario's order, sources in their order. */
export function describeRoutes(plan: BorderPlan): RouteDescription[] {
  return plan.crossings.flatMap((c) => c.paths.map((p) => describePath(plan, c, p)));
}

function corridorOf(plan: BorderPlan, p: PathPlan): RouteDescription['corridor'] {
  if (p.corridor === null) return null;
  const k = plan.corridors[p.corridor.corridor]!;
  const option = k.corridor.crossings[p.corridor.option]!;
  return { id: k.corridor.id, rule: k.corridor.rule, foresight: k.corridor.foresight, crossings: k.corridor.crossings.map((o) => o.crossing), detourH: option.detourH, fixedRoute: !p.corridor.diverted };
}

function describePath(plan: BorderPlan, c: CrossingPlan, p: PathPlan): RouteDescription {
  const steps = p.route.map((r): RouteStepDescription => {
    switch (r.kind) {
      case 'gate': {
        const g = c.gates[r.gate]!;
        return { kind: 'gate', key: g.key, keepsHoursOf: g.stageId };
      }
      case 'zone-enter':
        return { kind: 'zone-enter', places: c.crossing.zone.places };
      case 'enter':
        return { kind: 'enter' };
      case 'stage': {
        const st = c.stages[r.stage]!.stage;
        const changes = st.serverChanges.map((ch) => ({ fromDate: ch.fromDate, servers: ch.servers }));
        return { kind: 'stage', stage: st.id, share: st.share, servers: st.servers, changes, entersOnStart: r.entersOnStart, wagonPlaces: st.wagonInspection?.places ?? null };
      }
      case 'zone-leave':
        return { kind: 'zone-leave' };
    }
  });
  const s = p.source;
  const perHour = slotsPerHourOf(c.crossing.booking, s);
  if (perHour !== null) steps.unshift({ kind: 'booking', slotsPerHour: perHour, noShowShare: c.crossing.booking!.noShowShare });
  return { crossing: c.crossing.id, source: s.id, direction: s.direction, vehicleClass: s.vehicleClass, cargo: s.cargo, vehiclesPerDay: s.vehiclesPerDay * s.growth, corridor: corridorOf(plan, p), steps };
}
