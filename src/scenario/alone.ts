// A crossing taken out of its network: the scenario with that crossing only, its own demand plus the corridor
// traffic whose fixed route it is (what would come to it if it were the only choice). Capacity searches and
// one-crossing checks run on it.
import { fixedOption } from './corridor-routes.js';
import type { Scenario } from './types.js';

/**
 * Scenario `scenario` with crossing `id` only (undefined when there is none), no corridors, and the demand of
 * every corridor whose fixed route is `id` added to the crossing's (ids `corridor:source`, as its paths name them).
 */
export function crossingAlone(scenario: Scenario, id: string): Scenario | undefined {
  const crossing = scenario.crossings.find((c) => c.id === id);
  if (!crossing) return undefined;
  const folded = scenario.corridors
    .filter((k) => k.crossings[fixedOption(k)]!.crossing === id)
    .flatMap((k) => k.demand.map((d) => ({ ...d, id: `${k.id}:${d.id}` })));
  return { ...scenario, crossings: [folded.length === 0 ? crossing : { ...crossing, demand: [...crossing.demand, ...folded] }], corridors: [] };
}
