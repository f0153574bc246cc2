// The report's Corridors section: of a run, per corridor a table of where its vehicles went, crossing by crossing,
// with 95% CIs, and a chart of the shares (from corridors.csv's rows); of a comparison, each plan's shift of the
// corridors' shares and vehicles with paired CIs (from compare-corridors.csv's). Nothing without corridors.
import type { CsvRow } from '../output/csvfile.js';
import type { Corridor } from '../scenario/types.js';
import { top, type Chart } from './chart-base.js';
import { fixed, withCi } from './cells.js';
import { num } from './collect.js';
import { escapeHtml, htmlTable } from './html.js';

/** corridors.csv's rows of one corridor × direction × class × crossing, by metric. */
interface Choice {
  corridor: string;
  direction: string;
  vehicleClass: string;
  /** 'truck, south' */
  pair: string;
  crossing: string;
  fixed: boolean;
  get: (metric: string) => CsvRow | undefined;
}

/** The rows grouped by corridor × direction × class × crossing, in file order (which is the scenario's). */
function choices(rows: readonly CsvRow[]): Choice[] {
  const out = new Map<string, Choice & { rows: Map<string, CsvRow> }>();
  for (const r of rows) {
    const key = `${r.corridor}\u0000${r.direction}\u0000${r.class}\u0000${r.crossing}`;
    let c = out.get(key);
    if (!c) {
      const byMetric = new Map<string, CsvRow>();
      c = { corridor: r.corridor!, direction: r.direction!, vehicleClass: r.class!, pair: `${r.class}, ${r.direction}`, crossing: r.crossing!, fixed: r.fixed_route === 'true', rows: byMetric, get: (m) => byMetric.get(m) };
      out.set(key, c);
    }
    c.rows.set(r.metric!, r);
  }
  return [...out.values()];
}

const MEAN_CI: [string, string, string] = ['mean', 'ci95_low', 'ci95_high'];

/** The corridors that have rows, in file order, each with its name (from the scenario, else its id). */
function corridorsOf(rows: readonly CsvRow[], corridors: readonly Corridor[]): Array<{ id: string; name: string }> {
  return [...new Set(rows.map((r) => r.corridor!))].map((id) => ({ id, name: corridors.find((k) => k.id === id)?.name ?? id }));
}

/** Per corridor, a table of its crossings' shares, vehicles (diverted off the fixed route), foreseen times and the waits found, with their CIs. */
export function corridorTables(rows: readonly CsvRow[], corridors: readonly Corridor[]): string {
  const all = choices(rows);
  return corridorsOf(rows, corridors).map(({ id, name }) => {
    const body = all.filter((c) => c.corridor === id).map((c) => [
      c.pair, c.crossing, c.fixed ? 'yes' : 'no', withCi(c.get('share'), 1, MEAN_CI, 100), withCi(c.get('vehicles'), 0),
      fixed(c.get('detour_h')?.mean, 1), withCi(c.get('foreseen_wait_h_mean'), 2), withCi(c.get('foreseen_time_h_mean'), 2), withCi(c.get('wait_h_mean'), 2),
    ]);
    return htmlTable(['class, direction', 'crossing', 'fixed route', 'share %', 'vehicles', 'detour h', 'foreseen wait h', 'detour + wait h', 'wait found h'], body, `${name} (${id})`);
  }).join('\n');
}

/**
 * The share of each corridor × direction × class's vehicles that chose each crossing (mean over replications),
 * stacked. Bars are named by corridor and direction, and class too when the corridors carry more than one (a
 * label longer than about 40 characters would be cut where the chart is drawn).
 */
export function corridorShareChart(rows: readonly CsvRow[], corridors: readonly Corridor[]): Chart | null {
  const all = choices(rows);
  const classes = [...new Set(rows.map((r) => r.class!))];
  const values: Array<Record<string, unknown>> = [];
  const labels: string[] = [];
  const crossingOrder: string[] = [];
  for (const c of all) {
    const share = num(c.get('share')?.mean);
    if (share === null) continue;
    const label = classes.length > 1 ? `${c.corridor} · ${c.vehicleClass} ${c.direction}` : `${c.corridor} · ${c.direction}`;
    if (!labels.includes(label)) labels.push(label);
    if (!crossingOrder.includes(c.crossing)) crossingOrder.push(c.crossing);
    values.push({ label, crossing: c.crossing, share, rank: values.filter((v) => v.label === label).length });
  }
  if (values.length === 0) return null;
  const named = corridorsOf(rows, corridors).map((k) => `${k.id}: ${k.name}`).join('; ');
  const whose = classes.length > 1 ? 'vehicles (by class and direction)' : `${classes[0]}s (by direction)`;
  return {
    id: 'corridor-shares',
    title: 'Where the corridors’ vehicles go',
    note: `Share of each corridor’s ${whose} that chose each of its crossings, mean over replications (the shares of one bar add up to 1; the tables above give them with their 95% confidence intervals). ${named}.`,
    spec: top({
      data: { values },
      width: 560,
      height: { step: 18 },
      mark: 'bar',
      encoding: {
        y: { field: 'label', type: 'nominal', sort: labels, title: null },
        x: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '%' }, title: 'share of the corridor’s vehicles' },
        color: { field: 'crossing', type: 'nominal', sort: crossingOrder, scale: { scheme: 'tableau10' }, title: 'crossing' },
        order: { field: 'rank', type: 'quantitative' },
      },
    }),
  };
}

/** The section's text around its tables. */
export function corridorIntro(): string {
  return `<p>${escapeHtml('Where the traffic of each corridor (demand between two regions that may use several crossings) went: the vehicles that chose each crossing after the warm-up and their share (off the fixed route they are diverted), the wait and detour + wait they foresaw when they chose, and the wait they found there. Every figure is a mean over replications with its 95% confidence interval; corridors.csv holds them all.')}</p>`;
}

/** `base → plan` and `difference [low, high]` of a compare-corridors.csv row (values × `scale`). */
function shift(r: CsvRow | undefined, decimals: number, scale = 1): [string, string] {
  if (!r) return ['–', '–'];
  const difference = withCi(r, decimals, ['difference', 'diff_ci95_low', 'diff_ci95_high'], scale);
  return [`${fixed(r.base_mean, decimals, scale)} → ${fixed(r.plan_mean, decimals, scale)}`, `${difference}${r.significant === 'true' ? ' *' : ''}`];
}

/** compare: per plan and corridor × direction × class × crossing, its share (%) and vehicles base → plan with the paired difference. */
export function corridorCompareTable(rows: readonly CsvRow[]): string {
  const keys = new Map<string, CsvRow>();
  for (const r of rows) {
    const key = `${r.plan}\u0000${r.corridor}\u0000${r.direction}\u0000${r.class}\u0000${r.crossing}`;
    if (!keys.has(key)) keys.set(key, r);
  }
  const body = [...keys.values()].map((k) => {
    const get = (metric: string): CsvRow | undefined =>
      rows.find((r) => r.plan === k.plan && r.corridor === k.corridor && r.direction === k.direction && r.class === k.class && r.crossing === k.crossing && r.metric === metric);
    return [k.plan!, k.corridor!, `${k.class}, ${k.direction}`, k.crossing!, ...shift(get('share'), 1, 100), ...shift(get('vehicles'), 0)];
  });
  return htmlTable(['plan', 'corridor', 'class, direction', 'crossing', 'share % base → plan', 'plan − base [95% CI]', 'vehicles base → plan', 'plan − base [95% CI]'], body,
    'Where the corridors’ vehicles go under each plan (paired differences; * = the CI excludes 0)');
}
