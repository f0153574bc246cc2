// `bordersim run --precision`: the flag's target checked against the scenario, the rule the experiment stops on,
// and what run.json records of it.
import { PrecisionRule } from '../experiment/statistics/precision.js';
import { crossingHasGroup, groupLabel } from '../experiment/studies/select.js';
import type { Scenario } from '../scenario/types.js';
import { UsageError } from './context.js';
import { parsePrecision, precisionText } from './precision-flag.js';

/**
 * The stopping rule of `--precision <text>` for `scenario`; throws UsageError for bad text, an unknown crossing, a
 * group no crossing has, or --trace (the trace of a run that may stop early would hold replications beyond it).
 */
export function precisionRule(text: string, scenario: Scenario, trace: boolean): PrecisionRule {
  const target = parsePrecision(text);
  if (trace) throw new UsageError('--precision with --trace: trace a run of a fixed number of replications (run --precision first, then --trace with the replications it took)');
  const crossings = target.crossing === null ? scenario.crossings : scenario.crossings.filter((c) => c.id === target.crossing);
  if (crossings.length === 0) {
    throw new UsageError(`--precision "${text}": no crossing ${target.crossing} in ${scenario.id} (known: ${scenario.crossings.map((c) => c.id).join(', ')})`);
  }
  if (!crossings.some((c) => crossingHasGroup(c, target))) {
    throw new UsageError(`--precision "${text}": ${target.crossing === null ? 'no crossing has' : `crossing ${target.crossing} has no`} demand of ${groupLabel(target)}`);
  }
  return new PrecisionRule(target);
}

/** run.json's `precision`: the target, the most replications allowed, whether it was reached, each crossing's standing. */
export function precisionRecord(rule: PrecisionRule, maxReplications: number): Record<string, unknown> {
  const t = rule.target;
  return {
    target: precisionText(t),
    metric: t.metric,
    share: t.share,
    class: t.vehicleClass,
    direction: t.direction,
    crossing: t.crossing,
    maxReplications,
    replications: rule.replications,
    reached: rule.reached(),
    crossings: rule.status(),
  };
}

/** The line said at the end of the run: reached after n replications, or not within the most allowed (and where it stands). */
export function precisionLine(rule: PrecisionRule, maxReplications: number): string {
  const n = rule.replications;
  if (rule.reached()) return `precision: ${precisionText(rule.target)} reached after ${n} replications\n`;
  const worst = rule.status().filter((c) => !c.met && c.n > 0).map((c) => `${c.crossing} ${c.relative === null ? 'no CI' : `±${(100 * c.relative).toFixed(1)}%`}`);
  return `warning: precision ${precisionText(rule.target)} not reached in ${n} replications (the most --replications ${maxReplications} allows): ${worst.join(', ')}\n`;
}
