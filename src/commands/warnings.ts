// The terminal line of a warning of run.json: an invariant that failed in one replication, or a named check
// over the whole run (unstable, closed, stage_closed, trace_rows, scenarios_differ), optionally of one scenario.
import type { ResultWarning } from '../experiment/stability.js';

/** `warning: …` with a final newline; `scenario` labels a decision command's experiment. */
export function warningLine(w: ResultWarning & { scenario?: string }): string {
  const who = w.scenario === undefined ? '' : `${w.scenario}, `;
  if (w.replication !== null) return `warning: ${who}replication ${w.replication}, ${w.crossing ?? '-'}: ${w.check} check failed: ${w.detail}\n`;
  return `warning: ${who}${w.crossing === null ? '' : `${w.crossing}: `}${w.check}: ${w.detail}\n`;
}
