// The short human summary printed after a run: per crossing tonnes, completed vehicles and mean approach
// wait (means over replications, ± the 95% CI half-width), then where the files went.
import type { CollectedResults, SummaryRow } from '../experiment/collect.js';
import type { GroupMetric } from '../model/results.js';
import type { Scenario } from '../scenario/types.js';

function total(res: CollectedResults, crossing: string, metric: GroupMetric): SummaryRow | undefined {
  return res.summary.find((r) => r.crossing === crossing && r.direction === 'all' && r.vehicleClass === 'all' && r.metric === metric);
}

function withCi(r: SummaryRow | undefined, decimals: number): string {
  if (!r || r.mean === null) return '-';
  const mean = r.mean.toFixed(decimals);
  if (r.ci95High === null) return mean;
  return `${mean} ± ${(r.ci95High - r.mean).toFixed(decimals)}`;
}

/** Text of the end-of-run summary (several lines, final newline). */
export function summaryText(scenario: Scenario, res: CollectedResults, info: { days: number; seed: number; wallS: number; folder: string; files: string[] }): string {
  const header = ['crossing', 'tonnes', 'completed', 'approach wait h'];
  const rows = scenario.crossings.map((c) => [
    c.id,
    withCi(total(res, c.id, 'tonnes'), 0),
    withCi(total(res, c.id, 'completed'), 0),
    withCi(total(res, c.id, 'approach_wait_h_mean'), 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [
    `${scenario.id}: ${res.replications} replication${res.replications === 1 ? '' : 's'} × ${info.days} days, seed ${info.seed}, ${info.wallS.toFixed(1)} s`,
    `per replication, mean${res.replications > 1 ? ' ± 95% CI half-width' : ''} (all directions and classes):`,
    line(header),
    ...rows.map(line),
  ];
  if (res.warnings.length > 0) out.push(`warning: ${res.warnings.length} invariant check(s) failed; see run.json`);
  out.push(`results in ${info.folder}/ (${info.files.join(', ')})`);
  return `${out.join('\n')}\n`;
}
