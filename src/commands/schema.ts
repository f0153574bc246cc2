// `bordersim schema`: prints the scenario JSON Schema, for editors (YAML language servers, VS Code).
import { scenarioJsonSchema } from '../scenario/jsonschema.js';
import type { CommandContext } from './context.js';

/** Prints the JSON Schema of scenario files on stdout (2-space indented); returns exit code 0. */
export function schemaCommand(ctx: CommandContext): number {
  ctx.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
