// `bordersim validate <scenario>...`: loads every file and prints every problem of every file at once; an
// interrupt is heard between files.
import { formatProblems, ScenarioError } from '../scenario/errors.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import { formatWarning } from '../scenario/plausibility.js';
import type { CommandContext } from './context.js';
import { buildPlan } from '../model/plan.js';
import { describeRoutes } from '../model/describe.js';
import { formatRoutes } from './explain.js';

/**
 * Checks each file, even after one failed; prints 'ok' lines on stdout (with `explain`, each crossing's routes
 * after them: every demand source's steps through gate, zone and stages) and every problem on stderr. Returns
 * the exit code: 0 when all files are valid, 2 when any is not, 1 when checking one failed otherwise (a bug,
 * printed as such). Throws the signal's reason when interrupted (between files).
 */
export async function validateCommand(files: readonly string[], ctx: CommandContext, explain = false): Promise<number> {
  let bad = 0;
  let failed = 0;
  for (const file of files) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    ctx.signal?.throwIfAborted();
    try {
      const { scenario, warnings } = loadScenarioWithWarnings(file);
      const stages = scenario.crossings.reduce((n, c) => n + c.stages.length, 0);
      ctx.stdout(`${file}: ok (scenario ${scenario.id}: ${scenario.crossings.length} crossings, ${stages} stages, ${scenario.days} days)\n`);
      if (explain) ctx.stdout(`${formatRoutes(describeRoutes(buildPlan(scenario))).join('\n')}\n`);
      // Valid, but likely unit mistakes: said, not refused (exit code unchanged).
      for (const w of warnings) ctx.stderr(`warning: ${formatWarning(w)}\n`);
    } catch (err) {
      if (err instanceof ScenarioError) {
        bad += 1;
        const n = err.problems.length;
        ctx.stderr(`${file}: ${n} problem${n === 1 ? '' : 's'}\n${formatProblems(err.problems)}\n`);
      } else {
        failed += 1;
        ctx.stderr(`${file}: could not be checked: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  }
  if (files.length > 1) ctx.stdout(`${files.length - bad - failed} of ${files.length} files valid\n`);
  return failed > 0 ? 1 : bad === 0 ? 0 : 2;
}
