// The raw schema of a corridor: traffic between an origin and a destination region that may cross at any of
// several crossings, each with its detour against the best route, and the rule its drivers choose by.
import { z } from 'zod';
import { DemandInput, GrowthInput } from './schema-crossing.js';
import { Id, listOf, NonNegativeNumber, PositiveNumber, Source, Text } from './schema-base.js';
import { named } from './schema-names.js';
import { CORRIDOR_DEFAULTS } from './defaults.js';

export const CorridorCrossingInput = named(z.strictObject({
  crossing: Id.describe('Id of a crossing of this scenario the corridor\'s vehicles may use.'),
  detourH: NonNegativeNumber.describe('Extra driving hours by this crossing against the corridor\'s best route (0 for the best route): a vehicle choosing it reaches it that much later.'),
  source: Source,
}), 'CorridorCrossing');

export const ChoiceRuleInput = z
  .enum(['fixed', 'least-time', 'logit'], { error: 'expected a choice rule: fixed, least-time or logit' })
  .describe('fixed: every vehicle takes the fixed route (the least detour, the first listed among equals); least-time: the crossing with the least detour + foreseen wait; logit: a crossing drawn with probability ∝ exp(−(detour + foreseen wait) / logitScaleH).');

export const ForesightInput = z
  .enum(['queue', 'queue-and-en-route'], { error: 'expected what drivers foresee: queue or queue-and-en-route' })
  .describe('What the foreseen wait counts (least-time and logit): queue = the vehicles at the crossing now (on its approach, at its first stage); queue-and-en-route = those too plus every corridor vehicle that chose the crossing earlier and is still driving its detour there, as an electronic queue that registers drivers when they decide would show.');

export const CorridorInput = named(z.strictObject({
  id: Id.describe('Corridor id (corridors.csv; seeds the choice streams of its sources).'),
  name: Text.describe('Readable name, e.g. "Irkutsk region ↔ northern Mongolia".'),
  choice: ChoiceRuleInput.optional().meta({ default: CORRIDOR_DEFAULTS.choice }),
  foresight: ForesightInput.optional().meta({ default: CORRIDOR_DEFAULTS.foresight }),
  logitScaleH: PositiveNumber.optional().describe('Scale of the logit choice, hours (logit only, required there): a crossing that would take this much longer is chosen e (2.7) times less often.'),
  crossings: listOf(CorridorCrossingInput, 'corridor crossing').describe('The crossings its vehicles may use (at least two, each once), with their detours; they must share one time zone.'),
  growth: GrowthInput.optional().describe('Overrides the scenario\'s demand.growth for this corridor.'),
  demand: listOf(DemandInput, 'demand source').describe('Its vehicles arriving at the decision point (same fields as a crossing\'s demand; profiles in the crossings\' local time).'),
  source: Source,
}), 'Corridor');

export type CorridorInput = z.infer<typeof CorridorInput>;
