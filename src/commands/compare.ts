// `bordersim compare <base> <plan>...`: every scenario run with the same seed and replications (common random
// numbers), paired plan − base differences with Student t CIs in compare.csv (the corridors' choices in
// compare-corridors.csv), a short table of one group (--class, --direction) and of the corridors' changed choices on
// the terminal, and a loud warning for plans that are not like-for-like.
import { join } from 'node:path';
import type { CollectedResults } from '../experiment/statistics/collect.js';
import { compareCorridors, comparePlan, likeForLike, type CompareRow, type CorridorCompareRow, type PairedFigures } from '../experiment/studies/compare.js';
import type { ReplicationRunner } from '../experiment/runner/experiment.js';
import { ALL_GROUP, groupLabel, type ClassChoice, type GroupChoice } from '../experiment/studies/select.js';
import { CORRIDOR_METRIC_UNITS, METRIC_UNITS, type DirectionKey, type GroupMetric } from '../model/results.js';
import { runReplication } from '../model/run.js';
import type { CsvRow } from '../output/csvfile.js';
import { formatCount, formatFixed } from '../output/number.js';
import { CORRIDOR_COLUMNS, corridorRow, summaryRow, SUMMARY_COLUMNS } from '../output/tables.js';
import { loadScenarioWithWarnings } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { BatchRunner, scenarioEntry, checkOutput, writeBatchFolder, type BatchFlags } from './batch.js';
import { textTable } from './table.js';
import { UsageError, type CommandContext } from './context.js';
import { resolveRunOptions } from './run.js';
import { plausibilityChecks, warningLine } from './warnings.js';

/** Flags of `bordersim compare`: the batch flags and the group its table shows. */
export interface CompareFlags extends BatchFlags {
  class?: ClassChoice;
  direction?: DirectionKey;
}

export const COMPARE_COLUMNS = [
  'base', 'plan', 'crossing', 'direction', 'class', 'metric', 'unit', 'base_mean', 'plan_mean', 'difference',
  'diff_ci95_low', 'diff_ci95_high', 'change_pct', 'significant', 'replications',
] as const;

export const COMPARE_CORRIDOR_COLUMNS = [
  'base', 'plan', 'corridor', 'direction', 'class', 'crossing', 'metric', 'unit', 'base_mean', 'plan_mean', 'difference',
  'diff_ci95_low', 'diff_ci95_high', 'change_pct', 'significant', 'replications',
] as const;

/** The paired cells every comparison row ends with. */
function pairedCells(r: PairedFigures): CsvRow {
  return {
    base_mean: formatFixed(r.baseMean), plan_mean: formatFixed(r.planMean), difference: formatFixed(r.difference),
    diff_ci95_low: formatFixed(r.diffCi.low), diff_ci95_high: formatFixed(r.diffCi.high), change_pct: formatFixed(r.changePct, 2),
    significant: r.significant ? 'true' : 'false', replications: formatCount(r.pairs),
  };
}

/** A compare.csv row. */
export function compareCsvRow(base: string, r: CompareRow): CsvRow {
  return { base, plan: r.plan, crossing: r.crossing, direction: r.direction, class: r.vehicleClass, metric: r.metric, unit: METRIC_UNITS[r.metric], ...pairedCells(r) };
}

/** A compare-corridors.csv row. */
export function compareCorridorCsvRow(base: string, r: CorridorCompareRow): CsvRow {
  return {
    base, plan: r.plan, corridor: r.corridor, direction: r.direction, class: r.vehicleClass, crossing: r.crossing, metric: r.metric,
    unit: CORRIDOR_METRIC_UNITS[r.metric], ...pairedCells(r),
  };
}

/** What a finished comparison produced. */
export interface CompareOutcome {
  folder: string;
  files: string[];
  rows: CompareRow[];
  corridorRows: CorridorCompareRow[];
}

const TABLE_METRICS: Array<{ metric: GroupMetric; title: string; decimals: number }> = [
  { metric: 'approach_wait_h_mean', title: 'approach wait h', decimals: 2 },
  { metric: 'approach_queue_mean', title: 'approach queue', decimals: 1 },
  { metric: 'completed', title: 'completed', decimals: 0 },
];

function change(r: PairedFigures | undefined, decimals: number): string {
  if (!r || r.baseMean === null || r.planMean === null) return '-';
  const half = r.diffCi.high !== null && r.difference !== null ? ` ±${(r.diffCi.high - r.difference).toFixed(decimals)}` : '';
  const sign = (r.difference ?? 0) > 0 ? '+' : '';
  return `${r.baseMean.toFixed(decimals)} → ${r.planMean.toFixed(decimals)} (${sign}${(r.difference ?? 0).toFixed(decimals)}${half}${r.significant ? ' *' : ''})`;
}

/** The terminal table: per plan, crossings (the `group`'s figures, default all × all) by the size of their change in mean wait. */
export function compareText(baseId: string, rows: readonly CompareRow[], replications: number, maxRows = 10, group: GroupChoice = ALL_GROUP): string {
  const out: string[] = [];
  for (const plan of [...new Set(rows.map((r) => r.plan))]) {
    const totals = rows.filter((r) => r.plan === plan && r.direction === group.direction && r.vehicleClass === group.vehicleClass);
    const byCrossing = [...new Set(totals.map((r) => r.crossing))].map((crossing) => {
      const get = (m: GroupMetric): CompareRow | undefined => totals.find((r) => r.crossing === crossing && r.metric === m);
      return { crossing, get, size: Math.abs(get('approach_wait_h_mean')?.difference ?? 0) + 1e-9 * Math.abs(get('completed')?.difference ?? 0) };
    });
    byCrossing.sort((a, b) => b.size - a.size);
    // Crossings the plan leaves exactly as they were (common random numbers make that exact) go on one line.
    const same = (c: (typeof byCrossing)[number]): boolean => TABLE_METRICS.every((m) => c.get(m.metric)?.difference === 0);
    const changed = byCrossing.filter((c) => !same(c));
    const unchanged = byCrossing.filter(same).map((c) => c.crossing);
    out.push(`${plan} vs ${baseId}, ${groupLabel(group)} (${replications} paired replications; base → plan (difference ± 95% CI half-width); * = CI excludes 0):`);
    if (totals.length === 0) out.push(`(no crossing has ${groupLabel(group)})`);
    if (changed.length > 0) {
      out.push(textTable(['crossing', ...TABLE_METRICS.map((m) => m.title)], changed.slice(0, maxRows).map((c) => [c.crossing, ...TABLE_METRICS.map((m) => change(c.get(m.metric), m.decimals))])));
    }
    if (changed.length > maxRows) out.push(`(${changed.length - maxRows} more changed crossings in compare.csv)`);
    if (unchanged.length > 0) out.push(`unchanged (identical in every replication): ${unchanged.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The terminal lines on the corridors: per plan, each corridor × direction × class × crossing whose vehicles changed
 * in some replication, its share (%) and vehicles base → plan with the paired CI; nothing when no corridor exists.
 */
export function compareCorridorText(rows: readonly CorridorCompareRow[], maxRows = 12): string {
  const out: string[] = [];
  const percent = (r: CorridorCompareRow | undefined): PairedFigures | undefined => r && {
    ...r, baseMean: scale(r.baseMean), planMean: scale(r.planMean), difference: scale(r.difference), diffCi: { low: scale(r.diffCi.low), high: scale(r.diffCi.high) },
  };
  for (const plan of [...new Set(rows.map((r) => r.plan))]) {
    const of = rows.filter((r) => r.plan === plan);
    const vehicles = of.filter((r) => r.metric === 'vehicles');
    const changed = vehicles.filter((v) => v.difference !== 0 || (v.diffCi.low ?? 0) !== 0 || (v.diffCi.high ?? 0) !== 0);
    out.push(`${plan}: corridors, where their vehicles went (share % and vehicles, base → plan (difference ± 95% CI half-width); * = CI excludes 0):`);
    if (changed.length === 0) {
      out.push('(no corridor vehicle chose otherwise in any replication)');
      continue;
    }
    const get = (v: CorridorCompareRow, metric: string): CorridorCompareRow | undefined =>
      of.find((r) => r.corridor === v.corridor && r.direction === v.direction && r.vehicleClass === v.vehicleClass && r.crossing === v.crossing && r.metric === metric);
    out.push(textTable(['corridor', 'class, direction', 'crossing', 'share %', 'vehicles'], changed.slice(0, maxRows).map((v) => [
      v.corridor, `${v.vehicleClass}, ${v.direction}`, v.crossing, change(percent(get(v, 'share')), 1), change(v, 0),
    ])));
    if (changed.length > maxRows) out.push(`(${changed.length - maxRows} more in compare-corridors.csv)`);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function scale(v: number | null): number | null {
  return v === null ? null : 100 * v;
}

/**
 * Runs `base` and each plan with the base's (or the flags') seed, replications, days and warm-up, writes
 * compare.csv, compare-corridors.csv, summary.csv and corridors.csv (all scenarios) atomically (the corridor files with
 * only their header when no scenario has corridors), prints the tables. Throws ScenarioError / UsageError /
 * OutputFolderError for bad input before running, any other error for a failure while running.
 */
export async function compareCommand(baseFile: string, planFiles: readonly string[], flags: CompareFlags, ctx: CommandContext, runner: ReplicationRunner = runReplication): Promise<CompareOutcome> {
  if (planFiles.length === 0) throw new UsageError('compare needs a base scenario and at least one plan');
  const loaded = [baseFile, ...planFiles].map((f) => loadScenarioWithWarnings(f));
  const [base, ...plans] = loaded.map((l) => l.scenario) as [Scenario, ...Scenario[]];
  // Plans are labelled by id; a repeated id (e.g. a scenario compared with itself) gets its file appended.
  const files = [baseFile, ...planFiles];
  const labels = [base, ...plans].map((s, i, all) => (all.findIndex((o) => o.id === s.id) === i ? s.id : `${s.id}@${files[i]}`));
  const opts = resolveRunOptions(base, flags);
  const overrides = { days: flags.days !== undefined, warmupDays: flags.warmupDays !== undefined };
  const unlike = [
    ...loaded.flatMap((l, i) => plausibilityChecks(l.warnings).map((w) => ({ ...w, scenario: labels[i]! }))),
    ...plans.flatMap((p, i) => likeForLike(base, p, overrides).map((w) => ({ ...w, scenario: labels[i + 1]! }))),
  ];
  // Loud and early: a comparison that is not like-for-like is named before anything runs, and again at the end.
  for (const w of unlike) ctx.stderr(warningLine(w));
  const folder = flags.out ?? join('output', `compare-${base.id}`);
  checkOutput(folder, ctx);
  const startedMs = ctx.now();
  const startedAt = new Date().toISOString();

  const batch = new BatchRunner(ctx, opts, 1 + plans.length, flags.quiet === true, runner, flags.workers, true, flags.reuse !== false);
  batch.plan([base, ...plans]);
  batch.warnings.push(...unlike);
  let baseRes: CollectedResults;
  const planRes: CollectedResults[] = [];
  try {
    baseRes = await batch.run(base);
    for (const [i, p] of plans.entries()) planRes.push(await batch.run(p, labels[i + 1]));
  } finally {
    await batch.stop();
  }
  const rows = plans.flatMap((_, i) => comparePlan(labels[i + 1]!, baseRes, planRes[i]!));
  const corridorRows = plans.flatMap((_, i) => compareCorridors(labels[i + 1]!, baseRes, planRes[i]!));
  const group = { direction: flags.direction ?? 'all', vehicleClass: flags.class ?? 'all' };
  const all: Array<[string, CollectedResults]> = [[base.id, baseRes], ...planRes.map((r, i): [string, CollectedResults] => [labels[i + 1]!, r])];
  const written = await writeBatchFolder(
    folder,
    [
      { file: 'compare.csv', columns: COMPARE_COLUMNS, rows: rows.map((r) => compareCsvRow(base.id, r)) },
      { file: 'compare-corridors.csv', columns: COMPARE_CORRIDOR_COLUMNS, rows: corridorRows.map((r) => compareCorridorCsvRow(base.id, r)) },
      { file: 'summary.csv', columns: SUMMARY_COLUMNS, rows: all.flatMap(([label, res]) => res.summary.map((r) => summaryRow(label, r))) },
      { file: 'corridors.csv', columns: CORRIDOR_COLUMNS, rows: all.flatMap(([label, res]) => res.corridors.map((r) => corridorRow(label, r))) },
    ],
    {
      command: 'compare',
      scenarios: [scenarioEntry(base, baseFile), ...plans.map((p, i) => scenarioEntry(p, planFiles[i]!))],
      opts, startedMs, startedAt, workers: batch.workers, reuse: batch.reuseCounts, warnings: batch.warnings, output: flags,
      report: { scenarios: [base, ...plans].map((scenario, i) => ({ label: labels[i]!, file: files[i]!, scenario })), group },
    },
    ctx,
  );
  if (!flags.quiet) {
    const caution = unlike.length > 0 ? `warning: not like-for-like: ${unlike.map((w) => w.scenario).join(', ')} (see stderr and run.json)\n` : '';
    ctx.stdout(`${compareText(base.id, rows, opts.replications, 10, group)}${compareCorridorText(corridorRows)}${caution}results in ${folder}/ (${written.join(', ')})\n`);
  }
  for (const w of batch.warnings) ctx.stderr(warningLine(w));
  return { folder, files: written, rows, corridorRows };
}

