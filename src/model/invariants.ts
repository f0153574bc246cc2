// Invariants checked at the end of every replication: conservation of vehicles and Little's law on the
// approach queue (in its exact finite-window form), per crossing.
import type { CrossingGroups } from './crossing-groups.js';
import type { InvariantCheck } from './results.js';

/** Relative tolerance of the Little's-law identity (floating-point accumulation only). */
const LITTLE_REL_TOL = 1e-6;

/**
 * What the engine counted of a crossing's vehicles, independently of the statistics: those walking its
 * trajectories now (started, not finished) and those that finished since statistics were last reset.
 */
export interface WalkerCounts {
  walking: number;
  finishedSinceReset: number;
  /** Booked vehicles in the waiting area, not yet on their trajectory (booking.ts). */
  inWaitingArea: number;
}

/**
 * Conservation and Little's-law checks of one crossing at `nowMin`. Conservation holds when the statistics'
 * account balances (arrived + inside at the start = completed + inside at the end + turned away + no-shows, where
 * inside counts booked vehicles in the waiting area too) and agrees with the engine's own counts: inside at the end
 * = vehicles still walking + vehicles in the waiting area, completed = vehicles finished. Little's law is on the
 * road approach only: a booked vehicle joins it when it leaves the waiting area.
 */
export function checkInvariants(groups: CrossingGroups, crossingId: string, nowMin: number, walkers: WalkerCounts): InvariantCheck[] {
  const t = groups.total;
  const lhs = t.arrivals + t.inSystemAtReset;
  const rhs = t.completed + t.inSystem + t.turnedAway + t.noShows;
  const agrees = t.inSystem === walkers.walking + walkers.inWaitingArea && t.completed === walkers.finishedSinceReset;
  const conservation: InvariantCheck = {
    name: 'conservation',
    crossing: crossingId,
    ok: lhs === rhs && agrees,
    detail: `arrived ${t.arrivals} + inside at start ${t.inSystemAtReset} = completed ${t.completed} + inside at end ${t.inSystem} + turned away ${t.turnedAway} + no-shows ${t.noShows}` +
      (lhs === rhs ? '' : ` (off by ${lhs - rhs})`) +
      (agrees ? '' : `; the engine counts ${walkers.walking + walkers.inWaitingArea} inside (${walkers.inWaitingArea} of them in the waiting area) and ${walkers.finishedSinceReset} completed`),
  };
  const l = t.littlesLaw(nowMin);
  const scale = Math.max(1, Math.abs(l.areaMin));
  const ok = Math.abs(l.areaMin - l.sumOfWaitsMin) <= LITTLE_REL_TOL * scale;
  const little: InvariantCheck = {
    name: 'littles_law',
    crossing: crossingId,
    ok,
    detail:
      `approach L=${l.meanQueue.toFixed(4)} vehicles, lambda=${l.ratePerH.toFixed(4)}/h, W=${l.meanWaitH.toFixed(4)} h; ` +
      `queue area ${l.areaMin.toFixed(1)} veh·min vs sum of waits ${l.sumOfWaitsMin.toFixed(1)} veh·min`,
  };
  return [conservation, little];
}
