// `bordersim validate <scenario>...`: loads every file and prints every problem of every file at once.
import { formatProblems, ScenarioError } from '../scenario/errors.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import { formatWarning } from '../scenario/plausibility.js';
import type { CommandContext } from './context.js';

/**
 * Checks each file; prints 'ok' lines on stdout and every problem on stderr. Returns the exit code:
 * 0 when all files are valid, 2 when any is not. Errors other than ScenarioError propagate (exit 1).
 */
export function validateCommand(files: readonly string[], ctx: CommandContext): number {
  let bad = 0;
  for (const file of files) {
    try {
      const { scenario, warnings } = loadScenarioWithWarnings(file);
      const stages = scenario.crossings.reduce((n, c) => n + c.stages.length, 0);
      ctx.stdout(`${file}: ok (scenario ${scenario.id}: ${scenario.crossings.length} crossings, ${stages} stages, ${scenario.days} days)\n`);
      // Valid, but likely unit mistakes: said, not refused (exit code unchanged).
      for (const w of warnings) ctx.stderr(`warning: ${formatWarning(w)}\n`);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      bad += 1;
      const n = err.problems.length;
      ctx.stderr(`${file}: ${n} problem${n === 1 ? '' : 's'}\n${formatProblems(err.problems)}\n`);
    }
  }
  if (files.length > 1) ctx.stdout(`${files.length - bad} of ${files.length} files valid\n`);
  return bad === 0 ? 0 : 2;
}
