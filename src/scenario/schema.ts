// The raw scenario schema (what a file says) and the plan schema (a file that `extends` a base and lists
// only its changes). Defaults (from defaults.ts) are shown here, not filled: resolve.ts turns a valid
// ScenarioInput into a Scenario.
import { z } from 'zod';
import { ClosureInput, CrossingInput, GrowthInput } from './schema-crossing.js';
import { CorridorInput } from './schema-corridor.js';
import { Id, IsoDate, listOf, NonNegativeInt, PositiveInt, Text, VehicleClass } from './schema-base.js';
import { named, nameOf } from './schema-names.js';
import { DEMAND_GROWTH_DEFAULTS, SCENARIO_DEFAULTS } from './defaults.js';
import { MAX_DAYS } from './calendar.js';

export const HolidayInput = ClosureInput;

export const ScenarioInputSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema of this file (for editors); ignored.'),
  id: Id.describe('Scenario id; names the output folder.'),
  name: Text.describe('Readable name of the scenario.'),
  description: Text.optional().describe('Free text on what the scenario is.').meta({ default: SCENARIO_DEFAULTS.description }),
  startDate: IsoDate.describe('Local date at 00:00 of which the simulation clock starts.'),
  days: PositiveInt.max(MAX_DAYS, { error: `expected at most ${MAX_DAYS} days (100 years)` }).describe(`Simulated days (at most ${MAX_DAYS}).`),
  warmupDays: NonNegativeInt.optional().describe('First days left out of the statistics (queues fill up meanwhile).').meta({ default: SCENARIO_DEFAULTS.warmupDays }),
  replications: PositiveInt.optional().describe('Independent runs whose spread gives the confidence intervals.').meta({ default: SCENARIO_DEFAULTS.replications }),
  seed: z.int({ error: 'expected an integer seed' }).optional().describe('Base seed of every random stream (same seed, same results).').meta({ default: SCENARIO_DEFAULTS.seed }),
  demand: named(
    z.strictObject({
      growth: GrowthInput.optional().describe('Growth factors per direction, for every crossing that sets none of its own.'),
      growthClasses: listOf(VehicleClass, 'vehicle class', 'vehicle classes')
        .optional()
        .describe('Classes the growth factors apply to (freight by default; cars are not trade).')
        .meta({ default: DEMAND_GROWTH_DEFAULTS.growthClasses }),
    }),
    'DemandGrowth',
  )
    .optional()
    .describe('Growth of demand (trade scenarios).'),
  holidays: z.array(HolidayInput).optional().describe('Closed dates of the crossings with closesOnHolidays: true.').meta({ default: SCENARIO_DEFAULTS.holidays }),
  crossings: listOf(CrossingInput, 'crossing').describe('The crossings simulated.'),
  corridors: z.array(CorridorInput).optional().describe('Traffic that may use any of several crossings, choosing on arrival by a rule (default: none; every crossing is an island).').meta({ default: SCENARIO_DEFAULTS.corridors }),
});

/** A scenario as written in a file (after plans are applied), validated but not resolved. */
export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;

/**
 * Deep-partial copy of a schema for plan files: every key optional, arrays of objects with an `id` keep
 * `id` required and accept `remove: true`; other arrays, distributions and hours replace as a whole.
 * A named object's copy is named after it (Crossing → CrossingChanges).
 */
function partialOf(schema: z.ZodType): z.ZodType {
  const known = partialCopies.get(schema);
  if (known) return known;
  const copy = changesOf(schema, partialCopy(schema));
  partialCopies.set(schema, copy);
  return copy;
}

/** `copy`, named after `original` when that has a name and the copy is new (Crossing → CrossingChanges). */
function changesOf(original: z.ZodType, copy: z.ZodType): z.ZodType {
  const name = copy !== original ? nameOf(original) : undefined;
  return name ? named(copy, `${name}Changes`) : copy;
}

/** One copy per schema, so a part used in two places (growth) is one part of the plan schema too. */
const partialCopies = new WeakMap<z.ZodType, z.ZodType>();

/** The change schema of each element schema of an id-keyed list (see partialCopy). */
const elementChanges = new WeakMap<z.ZodType, z.ZodType>();

function partialCopy(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional) return partialOf(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return partialOf(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      // null deletes a key in a plan (restores its default), so every key is also nullable here.
      shape[key] = partialOf(value).nullable().optional();
    }
    const out = z.strictObject(shape);
    return schema.description ? out.describe(schema.description) : out;
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    if (element instanceof z.ZodObject && 'id' in element.shape) {
      // One change schema per element schema: DemandSource is listed by crossings and by corridors alike.
      let change = elementChanges.get(element);
      if (change === undefined) {
        const partial = partialCopy(element) as z.ZodObject;
        change = changesOf(element, partial.extend({
          id: element.shape.id as z.ZodType,
          remove: z.literal(true).optional().describe('Deletes the element with this id from the base.'),
        }));
        elementChanges.set(element, change);
      }
      return z.array(change);
    }
  }
  return schema;
}

/** A plan file: `extends` a base scenario (path relative to the plan) and lists only what changes. */
export const PlanInputSchema = (partialOf(ScenarioInputSchema) as z.ZodObject).extend({
  id: Id.describe('A plan is a scenario of its own: give it its own id (it names the output folder).'),
  extends: z
    .string({ error: 'expected the path of the base scenario' })
    .min(1)
    .describe('Base scenario file, relative to this file; this file lists only the changes (matched by id).'),
});
