// The JSON Schema of scenario files, generated from the zod schema, for editors (yaml-language-server,
// VS Code): a file with `extends` is checked as a plan (every key optional), any other as a full scenario.
import { z } from 'zod';
import { PlanInputSchema, ScenarioInputSchema } from './schema.js';
import { nameOf } from './schema-names.js';

type JsonObject = Record<string, unknown>;

/**
 * The schemas' descriptions (zod's global registry) plus, for the named parts, their name as the `id` under
 * which zod lists them in $defs; every other part is written out where it is used.
 */
class NamedParts extends z.core.$ZodRegistry<z.GlobalMeta> {
  override get<S extends z.core.$ZodType>(schema: S): z.core.$replace<z.GlobalMeta, S> | undefined {
    const meta = z.globalRegistry.get(schema) as z.core.$replace<z.GlobalMeta, S> | undefined;
    const id = nameOf(schema as unknown as z.ZodType);
    return id ? { ...meta, id } : meta;
  }
}

/** The scenario JSON Schema (draft 2020-12) as a plain object; the committed copy is scenarios/scenario.schema.json. */
export function scenarioJsonSchema(): JsonObject {
  const both = z.toJSONSchema(z.union([PlanInputSchema, ScenarioInputSchema]), {
    io: 'input',
    reused: 'inline',
    metadata: new NamedParts(),
    unrepresentable: 'any',
  }) as JsonObject;
  const [plan, full] = (both.anyOf as JsonObject[] | undefined) ?? [];
  const { anyOf: _anyOf, $schema, $defs, ...rest } = both;
  return {
    $schema,
    $id: 'https://bordersim.local/scenario.schema.json',
    title: 'bordersim scenario',
    description:
      'A bordersim scenario (crossings, stages, demand, calendar) or a plan that extends one and lists only its changes, matched by id.',
    ...rest,
    if: { type: 'object', required: ['extends'] },
    then: plan,
    else: full,
    ...($defs ? { $defs } : {}),
  };
}

/** The scenario JSON Schema as the text committed to scenarios/scenario.schema.json (2-space JSON, final newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

let keyCache: string[] | undefined;

/** Every property name the schema knows (for "did you mean" hints on misspelt keys). */
export function schemaKeys(): string[] {
  if (keyCache) return keyCache;
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const obj = node as JsonObject;
      if (obj.properties && typeof obj.properties === 'object') Object.keys(obj.properties).forEach((k) => keys.add(k));
      Object.values(obj).forEach(walk);
    }
  };
  walk(scenarioJsonSchema());
  keyCache = [...keys].filter((k) => k !== '$schema').sort();
  return keyCache;
}
