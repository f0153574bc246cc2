// The terminal line of a warning of run.json: an invariant that failed in one replication, or a named check
// over the whole run (unstable, closed, stage_closed, trace_rows, scenarios_differ), optionally of one scenario.
import type { ResultWarning } from '../experiment/statistics/stability.js';
import { formatWarning, type ScenarioWarning } from '../scenario/plausibility.js';

/** Check name of a likely unit mistake in a scenario file (run.json `warnings`). */
export const PLAUSIBILITY_CHECK = 'plausibility';

/**
 * A scenario's plausibility warnings as run warnings: the crossing the value belongs to (by id; a plan file's path
 * counts the plan's own crossings), and the file, line, path, value and message in the detail. Throws nothing.
 */
export function plausibilityChecks(warnings: readonly ScenarioWarning[]): ResultWarning[] {
  return warnings.map((w) => ({ replication: null, check: PLAUSIBILITY_CHECK, crossing: w.crossing, detail: formatWarning(w) }));
}

/** `warning: …` with a final newline; `scenario` labels a decision command's experiment. */
export function warningLine(w: ResultWarning & { scenario?: string }): string {
  const who = w.scenario === undefined ? '' : `${w.scenario}, `;
  if (w.replication !== null) return `warning: ${who}replication ${w.replication}, ${w.crossing ?? '-'}: ${w.check} check failed: ${w.detail}\n`;
  return `warning: ${who}${w.crossing === null ? '' : `${w.crossing}: `}${w.check}: ${w.detail}\n`;
}
