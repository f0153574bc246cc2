// Two rules of a corridor that the model, the collector and the one-crossing views must apply alike: which of its
// crossings is the fixed route, and the order of its (direction, class) pairs (corridors.csv's order).
import type { Corridor, Direction, VehicleClass } from './types.js';

/** Index of the corridor's fixed route: the crossing with the least detour, the first listed among equals. */
export function fixedOption(corridor: Corridor): number {
  let best = 0;
  corridor.crossings.forEach((o, i) => {
    if (o.detourH < corridor.crossings[best]!.detourH) best = i;
  });
  return best;
}

/** The (direction, class) pairs of the corridor's demand, in the order of their first source. */
export function demandPairs(corridor: Corridor): { direction: Direction; vehicleClass: VehicleClass }[] {
  const pairs: { direction: Direction; vehicleClass: VehicleClass }[] = [];
  for (const s of corridor.demand) {
    if (!pairs.some((p) => p.direction === s.direction && p.vehicleClass === s.vehicleClass)) pairs.push({ direction: s.direction, vehicleClass: s.vehicleClass });
  }
  return pairs;
}
