// The short human summary printed after a run: per crossing and class (freight and cars apart unless --class
// chooses one), tonnes, completed vehicles and approach wait mean and p95 (means over replications, ± the 95%
// CI half-width) for the chosen direction, the corridors' choices, then the run's warnings by name and where the
// files went.
import type { CollectedResults, CorridorSummaryRow, SummaryRow } from '../experiment/statistics/collect.js';
import { groupLabel, groupSummary, hasGroupResults, type ClassChoice, type GroupChoice } from '../experiment/studies/select.js';
import type { ResultWarning } from '../experiment/statistics/stability.js';
import type { CorridorMetric, DirectionKey, GroupMetric } from '../model/results.js';
import type { Scenario } from '../scenario/types.js';
import { textTable } from './table.js';

/** What the table shows: a direction (default all) and one class, or (undefined) freight and cars apart. */
export interface SummaryChoice {
  direction: DirectionKey;
  vehicleClass?: ClassChoice;
}

function withCi(r: SummaryRow | CorridorSummaryRow | undefined, decimals: number, scale = 1): string {
  if (!r || r.mean === null) return '-';
  const mean = (r.mean * scale).toFixed(decimals);
  if (r.ci95High === null) return mean;
  return `${mean} ± ${((r.ci95High - r.mean) * scale).toFixed(decimals)}`;
}

/**
 * The corridors' table: for every corridor × direction × class of the chosen direction and class, each crossing
 * its vehicles chose (the fixed route always), with its share, vehicles, and the wait foreseen and found there.
 */
export function corridorLines(res: CollectedResults, choice: SummaryChoice): string[] {
  const wanted = (r: CorridorSummaryRow): boolean =>
    (choice.direction === 'all' || r.direction === choice.direction) && (choice.vehicleClass === undefined || choice.vehicleClass === 'all' || r.vehicleClass === choice.vehicleClass);
  const get = (r: CorridorSummaryRow, metric: CorridorMetric): CorridorSummaryRow | undefined =>
    res.corridors.find((x) => x.corridor === r.corridor && x.direction === r.direction && x.vehicleClass === r.vehicleClass && x.crossing === r.crossing && x.metric === metric);
  const shown = res.corridors.filter((r) => r.metric === 'vehicles' && wanted(r) && (r.fixedRoute || (r.mean ?? 0) > 0));
  if (shown.length === 0) return [];
  const rows = shown.map((r) => [
    r.corridor, `${r.vehicleClass}, ${r.direction}`, r.crossing + (r.fixedRoute ? '' : ' (detour)'), withCi(get(r, 'share'), 1, 100), withCi(r, 0),
    withCi(get(r, 'foreseen_wait_h_mean'), 2), withCi(get(r, 'wait_h_mean'), 2),
  ]);
  return ['corridors, where their vehicles went (corridors.csv):', textTable(['corridor', 'class, direction', 'crossing', 'share %', 'vehicles', 'foreseen wait h', 'wait found h'], rows)];
}

/**
 * The classes shown for one crossing: the chosen one, else its freight (trucks or trains) then cars; only classes
 * present in the results, or all classes when none of them is.
 */
export function classesShown(res: CollectedResults, crossing: string, choice: SummaryChoice): ClassChoice[] {
  const has = (c: ClassChoice): boolean => hasGroupResults(res.summary, crossing, { direction: choice.direction, vehicleClass: c });
  if (choice.vehicleClass !== undefined) return has(choice.vehicleClass) ? [choice.vehicleClass] : [];
  // A crossing's freight is its trucks (road) or its trains (rail): shown under its own name.
  const freight: ClassChoice[] = (['truck', 'train'] as const).filter(has);
  const shown = [...freight, ...(has('car') ? ['car' as const] : [])];
  return shown.length > 0 ? shown : ['all'];
}

/** The crossing's busiest resource (stages.csv's bottleneck) and its mean utilisation, e.g. `zone (64%)`. */
function busiest(res: CollectedResults, crossing: string): string {
  const row = res.stages.find((s) => s.crossing === crossing && s.bottleneck && s.metric === 'utilisation');
  return row?.mean == null ? '-' : `${row.stage} (${Math.round(100 * row.mean)}%)`;
}

function heading(choice: SummaryChoice): string {
  const dir = groupLabel({ direction: choice.direction, vehicleClass: 'all' }).split(', ')[1];
  if (choice.vehicleClass !== undefined) return `${groupLabel({ direction: choice.direction, vehicleClass: choice.vehicleClass })} only`;
  return `${dir}, freight (trucks, trains) and cars apart`;
}

/** One terminal line per distinct warning kind and crossing, e.g. `warning: kyakhta: unstable (details on stderr and in run.json)`. */
function warningLines(res: CollectedResults, warnings: readonly ResultWarning[]): string[] {
  const out: string[] = [];
  if (res.warnings.length > 0) out.push(`warning: ${res.warnings.length} invariant check(s) failed; see run.json`);
  const named = [...new Set(warnings.filter((w) => w.replication === null).map((w) => `${w.crossing === null ? '' : `${w.crossing}: `}${w.check}`))];
  if (named.length > 0) out.push(`warning: ${named.join(', ')} (details on stderr and in run.json)`);
  return out;
}

/** Text of the end-of-run summary (several lines, final newline); `warnings` are the run's run-level warnings. */
export function summaryText(
  scenario: Scenario,
  res: CollectedResults,
  info: { days: number; seed: number; wallS: number; folder: string; files: string[] },
  choice: SummaryChoice = { direction: 'all' },
  warnings: readonly ResultWarning[] = [],
): string {
  const header = ['crossing', 'class', 'tonnes', 'completed', 'approach wait h', 'wait p95 h', 'of it closed h', 'busiest (utilisation)'];
  const rows: string[][] = [];
  const missing: string[] = [];
  for (const c of scenario.crossings) {
    const classes = classesShown(res, c.id, choice);
    if (classes.length === 0) missing.push(c.id);
    for (const [k, vehicleClass] of classes.entries()) {
      const group: GroupChoice = { direction: choice.direction, vehicleClass };
      const get = (m: GroupMetric): SummaryRow | undefined => groupSummary(res.summary, c.id, group, m);
      rows.push([
        c.id, vehicleClass, withCi(get('tonnes'), 0), withCi(get('completed'), 0), withCi(get('approach_wait_h_mean'), 2), withCi(get('approach_wait_h_p95'), 2),
        withCi(get('wait_closed_h_mean'), 2), k === 0 ? busiest(res, c.id) : '',
      ]);
    }
  }
  const out = [
    `${scenario.id}: ${res.replications} replication${res.replications === 1 ? '' : 's'} × ${info.days} days, seed ${info.seed}, ${info.wallS.toFixed(1)} s`,
    `per replication, mean${res.replications > 1 ? ' ± 95% CI half-width' : ''} (${heading(choice)}):`,
    textTable(header, rows),
  ];
  if (missing.length > 0) out.push(`(no ${groupLabel({ direction: choice.direction, vehicleClass: choice.vehicleClass ?? 'all' })} at ${missing.join(', ')})`);
  out.push(...corridorLines(res, choice));
  out.push(...warningLines(res, warnings));
  out.push(`results in ${info.folder}/ (${info.files.join(', ')})`);
  return `${out.join('\n')}\n`;
}
