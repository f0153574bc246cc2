// Names of the scenario schema's main parts (Crossing, Stage, DemandSource, …): the JSON Schema lists each
// named part once under its name in $defs and refers to it; every other part is written out where it is used.
import type { z } from 'zod';

const names = new WeakMap<z.ZodType, string>();

/** Gives `schema` a name for the JSON Schema's $defs and returns it (the same object). */
export function named<T extends z.ZodType>(schema: T, name: string): T {
  names.set(schema, name);
  return schema;
}

/** The name given to `schema`, if any. */
export function nameOf(schema: z.ZodType): string | undefined {
  return names.get(schema);
}
