// report.html of a run, comparison, sweep or capacity search: a header (what was run, the warnings), the key
// table, the charts (Vega-Lite drawn to inline SVG) and the sources of the scenario's values, in one file that
// opens offline by double-click. Built from the same rows as the CSV files (collect.ts).
import { writeFileSync } from 'node:fs';
import type { CsvRow } from '../output/csvfile.js';
import { inFolder } from '../output/folder.js';
import type { Crossing, Scenario } from '../scenario/types.js';
import {
  capacityChart, capacityStepsChart, compareChart, compareMapChart, groupText, mapChart, periodWaitChart, sweepChart, throughputChart,
  utilisationChart, waitPartsChart, type Chart,
} from './charts.js';
import { num, type ReportTables } from './collect.js';
import { fixed, withCi } from './cells.js';
import { corridorCompareTable, corridorIntro, corridorShareChart, corridorTables } from './corridors.js';
import { escapeHtml, figure, htmlTable, page } from './html.js';
import { measuredDays, measuredPeriod, type ReportGroup, type ReportMeta } from './meta.js';
import { renderSvg } from './render.js';

export const REPORT_FILE = 'report.html';

const ALL_GROUP: ReportGroup = { direction: 'all', vehicleClass: 'all' };

function header(meta: ReportMeta): string {
  const base = meta.scenarios[0]!;
  const period = measuredPeriod(base.scenario.startDate, meta);
  const facts: Array<[string, string]> = [
    ['command', `bordersim ${meta.command}`],
    ...meta.scenarios.map((s, i): [string, string] => [i === 0 ? (meta.command === 'compare' ? 'base' : 'scenario') : 'plan', `${s.label}: ${s.scenario.name} (${s.file})`]),
    ['seed', String(meta.seed)],
    ['replications', String(meta.replications)],
    ['measured', `${period.from} to ${period.to} (${measuredDays(meta)} days; ${meta.days} simulated, the first ${meta.warmupDays} a warm-up)`],
    ['bordersim version', meta.version],
  ];
  const warnings = meta.warnings.length === 0
    ? '<p class="ok">No warnings.</p>'
    : `<div class="warnings"><strong>${meta.warnings.length} warning${meta.warnings.length === 1 ? '' : 's'}</strong> (also on the terminal and in run.json):<ul>${meta.warnings.map((w) => `<li>${escapeHtml(w.trim())}</li>`).join('')}</ul></div>`;
  return `<header>
<h1>bordersim ${escapeHtml(meta.command)}: ${escapeHtml(base.scenario.name)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
${warnings}
<p class="small">Every figure is a mean over replications with its 95% confidence interval in brackets; every column of the CSV files and results.xlsx is defined in output/README.md.</p>
</header>`;
}

/** Per crossing, its freight (trucks, trains) and cars: tonnes, completed, approach wait, its closed part, the bottleneck. */
function runTable(tables: ReportTables, crossings: readonly Crossing[]): string {
  const summary = tables.get('summary.csv');
  const stages = tables.get('stages.csv');
  const rows: string[][] = [];
  for (const c of crossings) {
    const bottleneck = stages.find((r) => r.crossing === c.id && r.bottleneck === 'true' && r.metric === 'utilisation');
    const busiest = bottleneck ? `${bottleneck.stage} (${Math.round(100 * (num(bottleneck.mean) ?? 0))}%)` : '–';
    for (const cls of ['truck', 'train', 'car']) {
      const get = (m: string): CsvRow | undefined => summary.find((r) => r.crossing === c.id && r.direction === 'all' && r.class === cls && r.metric === m);
      if (!get('completed')) continue;
      rows.push([c.id, cls, withCi(get('tonnes'), 0), withCi(get('completed'), 0), withCi(get('approach_wait_h_mean'), 2), fixed(get('approach_wait_h_p95')?.mean, 2), fixed(get('wait_closed_h_mean')?.mean, 2), busiest]);
    }
  }
  return htmlTable(['crossing', 'class', 'tonnes', 'completed', 'approach wait h', 'wait p95 h', 'of it closed h', 'busiest (utilisation)'], rows,
    'Per crossing and class, both directions');
}

function compareTable(tables: ReportTables, group: ReportGroup): string {
  const rows = tables.get('compare.csv').filter((r) => r.direction === group.direction && r.class === group.vehicleClass && r.significant === 'true');
  if (rows.length === 0) return `<p>No plan changes any crossing's figures (${escapeHtml(groupText(group))}) beyond their 95% confidence interval.</p>`;
  return htmlTable(['plan', 'crossing', 'metric', 'base', 'plan', 'plan − base [95% CI]', 'change %'],
    rows.map((r) => [r.plan!, r.crossing!, r.metric!, fixed(r.base_mean, 2), fixed(r.plan_mean, 2), withCi(r, 2, ['difference', 'diff_ci95_low', 'diff_ci95_high']), fixed(r.change_pct, 1)]),
    `Changes whose confidence interval excludes 0 (${groupText(group)})`);
}

function sweepTable(tables: ReportTables, paths: readonly string[], crossings: readonly Crossing[], group: ReportGroup): string {
  const rows = tables.get('sweep.csv').filter((r) => r.direction === group.direction && r.class === group.vehicleClass);
  const points = [...new Set(rows.map((r) => r.point!))];
  const shown = crossings.filter((c) => rows.some((r) => r.crossing === c.id));
  return htmlTable(['point', ...paths, ...shown.map((c) => `${c.id} wait h`)], points.map((p) => {
    const at = rows.filter((r) => r.point === p);
    return [p, ...paths.map((path) => at[0]?.[path] ?? ''), ...shown.map((c) => withCi(at.find((r) => r.crossing === c.id), 2))];
  }), `Mean approach wait per grid point (${groupText(group)})`);
}

function capacityTable(tables: ReportTables): string {
  return htmlTable(['crossing', 'status', 'factor found', 'breaks at', 'metric there [95% CI]', 'uncertain', 'bottleneck (utilisation)'],
    tables.get('capacity.csv').map((r) => [
      r.crossing!, r.status!, fixed(r.growth_factor, 3), fixed(r.fail_factor, 3), withCi(r, 2, ['metric_mean', 'metric_ci95_low', 'metric_ci95_high']),
      r.uncertain === 'true' ? 'yes: add replications' : 'no', r.bottleneck_stage ? `${r.bottleneck_stage} (${Math.round(100 * (num(r.bottleneck_utilisation) ?? 0))}%)` : '–',
    ]));
}

/** Every value's source in each scenario: crossing, location, zone, booking, stages, demand, corridors, holidays. */
function sources(meta: ReportMeta): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const { label, scenario } of meta.scenarios) {
    if (seen.has(scenario.id)) continue;
    seen.add(scenario.id);
    parts.push(`<details${parts.length === 0 ? ' open' : ''}><summary>${escapeHtml(label)}: ${escapeHtml(scenario.name)}</summary>${sourceTable(scenario)}</details>`);
  }
  return `<p>Where each value of the scenario comes from, as its file says: <code>article</code> is the seed article, <code>[n]</code> reference n of the data sheet (docs/data-sheet.md), <code>assumption: …</code> the modeller's.</p>\n${parts.join('\n')}`;
}

function sourceTable(scenario: Scenario): string {
  const rows: string[][] = [];
  for (const c of scenario.crossings) {
    rows.push([c.id, 'the crossing', c.source]);
    if (c.location) rows.push([c.id, `location ${c.location.longitudeDeg}° E, ${c.location.latitudeDeg}° N`, c.location.source]);
    rows.push([c.id, `zone: ${c.zone.places} places`, c.zone.source]);
    if (c.booking) rows.push([c.id, 'booked slots', c.booking.source]);
    for (const s of c.stages) rows.push([c.id, `stage ${s.id}: ${s.name}`, s.source]);
    for (const d of c.demand) rows.push([c.id, `demand ${d.id}`, d.source]);
  }
  for (const k of scenario.corridors) {
    const at = `${k.id} (corridor)`;
    rows.push([at, `the corridor: ${k.name}`, k.source]);
    for (const o of k.crossings) rows.push([at, `by ${o.crossing}: ${o.detourH === 0 ? 'no detour' : `${o.detourH} h detour`}`, o.source]);
    for (const d of k.demand) rows.push([at, `demand ${d.id}`, d.source]);
  }
  for (const h of scenario.holidays) rows.push(['', `holiday ${h.name}`, h.source]);
  return htmlTable(['crossing', 'value', 'source'], rows);
}

function chartsFor(meta: ReportMeta, tables: ReportTables, crossings: readonly Crossing[]): Chart[] {
  const group = meta.group ?? ALL_GROUP;
  const charts: Array<Chart | null> = [];
  switch (meta.command) {
    case 'run':
      charts.push(
        mapChart(tables.get('summary.csv'), crossings),
        periodWaitChart('month', tables.get('monthly.csv'), crossings),
        periodWaitChart('hour', tables.get('hourly.csv'), crossings),
        waitPartsChart(tables.get('summary.csv'), crossings),
        utilisationChart(tables.get('stages.csv'), crossings),
        throughputChart(tables.get('stages.csv'), crossings, measuredDays(meta)),
      );
      break;
    case 'compare':
      charts.push(compareChart(tables.get('compare.csv'), crossings, group), compareMapChart(tables.get('compare.csv'), crossings, group));
      break;
    case 'sweep':
      charts.push(sweepChart(tables.get('sweep.csv'), crossings, meta.sweptPaths ?? [], group));
      break;
    case 'capacity':
      charts.push(capacityChart(tables.get('capacity.csv'), crossings));
      if (meta.limit) charts.push(capacityStepsChart(tables.get('capacity-steps.csv'), tables.get('capacity.csv'), crossings, meta.limit));
      break;
  }
  return charts.filter((c): c is Chart => c !== null);
}

function keyTable(meta: ReportMeta, tables: ReportTables, crossings: readonly Crossing[]): string {
  const group = meta.group ?? ALL_GROUP;
  switch (meta.command) {
    case 'run': return runTable(tables, crossings);
    case 'compare': return compareTable(tables, group);
    case 'sweep': return sweepTable(tables, meta.sweptPaths ?? [], crossings, group);
    case 'capacity': return capacityTable(tables);
  }
}

/** The page's HTML text: charts drawn in order. Throws what rendering throws. */
export async function reportHtml(meta: ReportMeta, tables: ReportTables): Promise<string> {
  // Crossings in the base scenario's order, then any only a plan has.
  const crossings = [...new Map(meta.scenarios.flatMap((s) => s.scenario.crossings).map((c) => [c.id, c])).values()];
  const charts = chartsFor(meta, tables, crossings);
  const figures: string[] = [];
  for (const chart of charts) figures.push(figure(chart, await renderSvg(chart.spec, `chart-${chart.id}`)));
  const corridors = await corridorSection(meta, tables);
  const sections = [
    { id: 'key-figures', heading: 'Key figures', html: keyTable(meta, tables, crossings) },
    ...charts.map((c, i) => ({ id: c.id, heading: c.title, html: figures[i]! })),
    ...(corridors ? [{ id: 'corridors', heading: 'Corridors', html: corridors.html }] : []),
    { id: 'sources', heading: 'Sources of the values used', html: sources(meta) },
  ];
  const title = `bordersim ${meta.command}: ${meta.scenarios.map((s) => s.label).join(', ')}`;
  return page(title, header(meta), sections, [...charts.map((c) => c.id), ...(corridors?.chart ? [corridors.chart] : [])]);
}

/**
 * The Corridors section: of run, a table per corridor and the shares chart; of compare, each plan's shift of the
 * corridors' shares and vehicles. Null when no scenario has corridors (and for sweep and capacity).
 */
async function corridorSection(meta: ReportMeta, tables: ReportTables): Promise<{ html: string; chart: string | null } | null> {
  if (meta.command === 'compare') {
    const shifts = tables.get('compare-corridors.csv');
    return shifts.length === 0 ? null : { html: corridorCompareTable(shifts), chart: null };
  }
  const rows = tables.get('corridors.csv');
  if (meta.command !== 'run' || rows.length === 0) return null;
  const corridors = meta.scenarios[0]!.scenario.corridors;
  const chart = corridorShareChart(rows, corridors);
  const drawn = chart ? figure(chart, await renderSvg(chart.spec, `chart-${chart.id}`)) : '';
  return { html: `${corridorIntro()}\n${corridorTables(rows, corridors)}\n${drawn}`, chart: chart?.id ?? null };
}

/** Writes `folder`/report.html; returns its name. Throws the fs error or what rendering throws. */
export async function writeReport(folder: string, meta: ReportMeta, tables: ReportTables): Promise<string> {
  writeFileSync(inFolder(folder, REPORT_FILE), await reportHtml(meta, tables), 'utf8');
  return REPORT_FILE;
}
