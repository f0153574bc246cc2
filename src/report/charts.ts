// The report's charts as Vega-Lite specifications built from the result rows (render.ts draws them to SVG).
// Each builder returns null when the rows hold nothing to draw; data is always inline (nothing is loaded). The
// maps are in map-charts.ts, what the charts share in chart-base.ts.
import type { Crossing } from '../scenario/types.js';
import type { CsvRow } from '../output/csvfile.js';
import { CLASS_COLORS, groupText, NUMBER_AXIS, order, top, waitBandFacets, type Chart } from './chart-base.js';
import { COMPARE_METRICS, num } from './collect.js';
import type { ReportGroup, ReportMeta } from './meta.js';

export { groupText, type Chart } from './chart-base.js';
export { compareMapChart, mapChart } from './map-charts.js';

const PART_NAMES = ['closed', 'yard or tracks full', 'queueing at stages'] as const;
const PART_METRICS = ['wait_closed_h_mean', 'wait_zone_full_h_mean', 'wait_stages_h_mean'] as const;
const PART_COLORS = ['#9d9d9d', '#e45756', '#4c78a8'];

/** Approach wait by month (or hour of arrival) per crossing and class, with the 95% CI band. */
export function periodWaitChart(kind: 'month' | 'hour', rows: readonly CsvRow[], crossings: readonly Crossing[]): Chart | null {
  const values = rows
    .filter((r) => r.direction === 'all' && r.class !== 'all' && r.metric === 'approach_wait_h_mean')
    .map((r) => ({
      crossing: r.crossing, class: r.class,
      at: kind === 'month' ? `${r.month}-01T00:00:00Z` : num(r.hour),
      mean: num(r.mean), low: num(r.ci95_low), high: num(r.ci95_high),
    }));
  if (values.length === 0) return null;
  const years = new Set(rows.map((r) => (r.month ?? '').slice(0, 4)));
  const x = kind === 'month'
    ? { field: 'at', type: 'temporal', timeUnit: 'utcyearmonth', title: null, axis: { format: years.size > 1 ? '%b %y' : '%b', labelAngle: 0, tickCount: 6 } }
    : { field: 'at', type: 'quantitative', title: 'hour of arrival', scale: { domain: [0, 23], nice: false }, axis: { values: [0, 6, 12, 18, 23] } };
  return {
    id: kind === 'month' ? 'wait-by-month' : 'wait-by-hour',
    title: kind === 'month' ? 'Approach wait by month' : 'Approach wait by hour of arrival',
    note: kind === 'month'
      ? 'Mean approach wait (h) of the vehicles that left the approach in each month, both directions, by class; the band is the 95% confidence interval over replications. Each crossing has its own scale.'
      : 'Mean approach wait (h) by the local hour at which vehicles arrived, over the measured period, both directions, by class, with the 95% confidence interval: when to arrive. Each crossing has its own scale.',
    spec: waitBandFacets(values, crossings, x, { field: 'class', type: 'nominal', scale: CLASS_COLORS, title: 'class' }, {
      height: 95,
      bandOpacity: 0.22,
      line: { type: 'line', point: { size: 14 }, strokeWidth: 1.5 },
    }),
  };
}

/** The whole wait of a completed vehicle split into closed / yard full / queueing, per crossing and class. */
export function waitPartsChart(summary: readonly CsvRow[], crossings: readonly Crossing[]): Chart | null {
  const values: Array<Record<string, unknown>> = [];
  const labels: string[] = [];
  for (const c of crossings) {
    for (const cls of ['truck', 'car', 'train']) {
      const parts = PART_METRICS.map((m) => summary.find((r) => r.crossing === c.id && r.direction === 'all' && r.class === cls && r.metric === m));
      if (parts.every((p) => p === undefined || num(p.mean) === null)) continue;
      const label = `${c.id} · ${cls}`;
      labels.push(label);
      parts.forEach((p, i) => values.push({ group: label, part: PART_NAMES[i], rank: i, hours: num(p?.mean) ?? 0 }));
    }
  }
  if (values.length === 0) return null;
  return {
    id: 'wait-parts',
    title: 'Why vehicles wait',
    note: 'Mean whole wait (h) of a completed vehicle, both directions, split into the time its crossing was closed to it, the time it waited for a place in the yard or on the station tracks, and its queueing at the stages inside. The three add up to the whole wait.',
    spec: top({
      data: { values },
      width: 640,
      height: { step: 15 },
      mark: 'bar',
      encoding: {
        y: { field: 'group', type: 'nominal', sort: labels, title: null },
        x: { field: 'hours', type: 'quantitative', stack: 'zero', title: 'mean wait of a completed vehicle, h' },
        color: { field: 'part', type: 'nominal', scale: { domain: [...PART_NAMES], range: PART_COLORS }, title: 'waiting because' },
        order: { field: 'rank', type: 'quantitative' },
      },
    }),
  };
}

/** Utilisation of every stage, wagon-place group and zone, the bottleneck of each crossing marked, with 95% CIs. */
export function utilisationChart(stages: readonly CsvRow[], crossings: readonly Crossing[]): Chart | null {
  const rows = stages.filter((r) => r.metric === 'utilisation');
  if (rows.length === 0) return null;
  const ids = order(crossings);
  rows.sort((a, b) => ids.indexOf(a.crossing!) - ids.indexOf(b.crossing!));
  const values = rows.map((r) => ({
    label: `${r.crossing} · ${r.stage}`, util: num(r.mean), low: num(r.ci95_low), high: num(r.ci95_high),
    kind: r.bottleneck === 'true' ? 'bottleneck' : 'other', mark: r.bottleneck === 'true' ? 'bottleneck' : '',
  }));
  const y = { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null };
  return {
    id: 'utilisation',
    title: 'Stage and zone utilisation',
    note: "Busy server-time ÷ open server-time of every stage (zone: mean places held ÷ places; /wagons: a rail stage's wagon inspection places), with the 95% confidence interval; each crossing's busiest resource, its bottleneck, in red.",
    spec: top({
      data: { values },
      width: 560,
      height: { step: 15 },
      encoding: { y },
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'util', type: 'quantitative', scale: { domain: [0, 1], clamp: true }, axis: { format: '%' }, title: 'utilisation' },
            color: { field: 'kind', type: 'nominal', scale: { domain: ['bottleneck', 'other'], range: ['#e45756', '#9ecae9'] }, title: null },
          },
        },
        { mark: { type: 'rule', color: '#333333' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#b22222' }, encoding: { x: { field: 'util', type: 'quantitative' }, text: { field: 'mark' } } },
      ],
    }),
  };
}

/**
 * Throughput against capacity at each crossing's bottleneck: vehicles a day served, and what the same servers
 * could serve a day in their open hours at the service times seen (served ÷ utilisation).
 */
export function throughputChart(stages: readonly CsvRow[], crossings: readonly Crossing[], days: number): Chart | null {
  const values: Array<Record<string, unknown>> = [];
  for (const c of crossings) {
    const of = (metric: string): CsvRow | undefined => stages.find((r) => r.crossing === c.id && r.bottleneck === 'true' && r.metric === metric);
    const util = num(of('utilisation')?.mean);
    const served = num(of('served')?.mean);
    if (util === null || served === null || util <= 0 || served <= 0 || days <= 0) continue;
    const stage = of('utilisation')!.stage!;
    const unit = stage.endsWith('/wagons') ? 'wagons' : 'vehicles';
    values.push({ label: `${c.id} · ${stage}`, throughput: served / days, capacity: served / days / util, unit, text: `${(served / days).toFixed(1)} of ${(served / days / util).toFixed(1)} ${unit}/day` });
  }
  if (values.length === 0) return null;
  const y = { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null };
  const x = (field: string) => ({ field, type: 'quantitative', scale: { type: 'log' }, title: 'a day at the bottleneck (log scale)' });
  return {
    id: 'throughput',
    title: 'Throughput against capacity',
    note: "At each crossing's bottleneck: vehicles (wagons at wagon places) served a day over the measured period (dot), and what its servers could serve a day in their open hours at the service times seen, throughput ÷ utilisation (bar).",
    spec: top({
      data: { values },
      width: 560,
      height: { step: 22 },
      encoding: { y },
      layer: [
        { mark: { type: 'rule', color: '#999999' }, encoding: { x: x('throughput'), x2: { field: 'capacity' } } },
        { mark: { type: 'tick', color: '#e45756', thickness: 3, size: 16 }, encoding: { x: x('capacity') } },
        { mark: { type: 'point', filled: true, size: 60, color: '#4c78a8' }, encoding: { x: x('throughput') } },
        { mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 9, color: '#555555' }, encoding: { x: x('capacity'), text: { field: 'text' } } },
      ],
    }),
  };
}

const METRIC_TITLES: Record<string, string> = { approach_wait_h_mean: 'approach wait, h', approach_queue_mean: 'approach queue, vehicles', completed: 'completed, vehicles' };

/** Each plan's paired differences from the base, per crossing, with their 95% CIs. */
export function compareChart(rows: readonly CsvRow[], crossings: readonly Crossing[], group: ReportGroup): Chart | null {
  const values = rows
    .filter((r) => r.direction === group.direction && r.class === group.vehicleClass && (COMPARE_METRICS as readonly string[]).includes(r.metric!))
    .map((r) => ({
      plan: r.plan, crossing: r.crossing, metric: METRIC_TITLES[r.metric!], diff: num(r.difference), low: num(r.diff_ci95_low), high: num(r.diff_ci95_high),
      significant: r.significant === 'true' ? 'CI excludes 0' : 'CI holds 0',
    }))
    .filter((v) => v.diff !== null);
  if (values.length === 0) return null;
  const y = { field: 'crossing', type: 'nominal', sort: order(crossings), title: null };
  return {
    id: 'differences',
    title: 'What each plan changes',
    note: `Plan − base (${groupText(group)}), the mean of the paired per-replication differences with its 95% confidence interval (common random numbers: crossings a plan does not touch stay at exactly 0). Each column has its own scale.`,
    spec: top({
      data: { values },
      facet: {
        row: { field: 'plan', type: 'nominal', header: { title: null, labelAngle: 0, labelAlign: 'left' } },
        column: { field: 'metric', type: 'nominal', sort: COMPARE_METRICS.map((m) => METRIC_TITLES[m]), header: { title: null } },
      },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 220,
        height: { step: 16 },
        layer: [
          { mark: { type: 'rule', color: '#bbbbbb', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          { mark: { type: 'rule', color: '#333333' }, encoding: { y, x: { field: 'low', type: 'quantitative', title: 'plan − base', axis: NUMBER_AXIS }, x2: { field: 'high' } } },
          {
            mark: { type: 'point', filled: true, size: 45 },
            encoding: {
              y,
              x: { field: 'diff', type: 'quantitative', title: 'plan − base', axis: NUMBER_AXIS },
              color: { field: 'significant', type: 'nominal', scale: { domain: ['CI excludes 0', 'CI holds 0'], range: ['#e45756', '#9d9d9d'] }, title: null },
            },
          },
        ],
      },
    }),
  };
}

/** The sweep: the group's mean approach wait against the first swept value, per crossing, with its 95% CI. */
export function sweepChart(rows: readonly CsvRow[], crossings: readonly Crossing[], paths: readonly string[], group: ReportGroup): Chart | null {
  const [first, ...rest] = paths;
  if (first === undefined) return null;
  const picked = rows.filter((r) => r.direction === group.direction && r.class === group.vehicleClass && r.metric === 'approach_wait_h_mean');
  const numeric = picked.every((r) => num(r[first]) !== null);
  const values = picked.map((r) => ({
    crossing: r.crossing, x: numeric ? num(r[first]) : r[first], series: rest.length === 0 ? 'all points' : rest.map((p) => `${p} = ${r[p]}`).join(', '),
    mean: num(r.mean), low: num(r.ci95_low), high: num(r.ci95_high),
  }));
  if (values.length === 0) return null;
  const x = { field: 'x', type: numeric ? 'quantitative' : 'ordinal', title: first, scale: numeric ? { zero: false } : {} };
  return {
    id: 'sweep',
    title: `Approach wait against ${first}`,
    note: `Mean approach wait (h, ${groupText(group)}) at each grid point with its 95% confidence interval${rest.length > 0 ? `; one line per value of ${rest.join(', ')}` : ''}. Each crossing has its own scale.`,
    spec: waitBandFacets(values, crossings, x, { field: 'series', type: 'nominal', title: null }, { height: 100, bandOpacity: 0.2, line: { type: 'line', point: { size: 16 } } }),
  };
}

/** Every factor the capacity search tried, per crossing: the metric with its 95% CI, the limit, the answer. */
export function capacityStepsChart(steps: readonly CsvRow[], results: readonly CsvRow[], crossings: readonly Crossing[], limit: NonNullable<ReportMeta['limit']>): Chart | null {
  const found = new Map(results.map((r) => [r.crossing!, num(r.growth_factor)]));
  const values = steps.map((s) => ({
    crossing: s.crossing, factor: num(s.growth_factor), mean: num(s.metric_mean), low: num(s.metric_ci95_low), high: num(s.metric_ci95_high),
    meets: s.meets_limit === 'true' ? 'meets the limit' : 'breaks it', found: found.get(s.crossing!) ?? null, limit: limit.max,
  }));
  if (values.length === 0) return null;
  const x = { field: 'factor', type: 'quantitative', title: 'demand factor', scale: { zero: false }, axis: NUMBER_AXIS };
  return {
    id: 'capacity-steps',
    title: `${limit.metric} against the demand factor`,
    note: `Each factor the search tried: the mean of ${limit.metric} (${groupText(limit)}) with its 95% confidence interval, the limit ${limit.max} (red dashes) and the factor found (grey line). Each crossing has its own scales.`,
    spec: top({
      data: { values },
      facet: { field: 'crossing', type: 'nominal', sort: order(crossings), header: { title: null } },
      columns: 4,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 190,
        height: 120,
        layer: [
          { mark: { type: 'rule', color: '#e45756', strokeDash: [5, 3] }, encoding: { y: { field: 'limit', type: 'quantitative', aggregate: 'max', title: limit.metric } } },
          { mark: { type: 'rule', color: '#9d9d9d' }, encoding: { x: { field: 'found', type: 'quantitative', aggregate: 'max', title: 'demand factor' } } },
          { mark: { type: 'rule', color: '#333333' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: limit.metric, axis: NUMBER_AXIS }, y2: { field: 'high' } } },
          {
            mark: { type: 'point', filled: true, size: 40 },
            encoding: {
              x, y: { field: 'mean', type: 'quantitative', title: limit.metric },
              color: { field: 'meets', type: 'nominal', scale: { domain: ['meets the limit', 'breaks it'], range: ['#54a24b', '#e45756'] }, title: null },
            },
          },
        ],
      },
    }),
  };
}

/** The factor found per crossing (bar) and the smallest factor tried that breaks the limit (tick); 1 = as written. */
export function capacityChart(results: readonly CsvRow[], crossings: readonly Crossing[]): Chart | null {
  const ids = order(crossings);
  const values = results
    .map((r) => ({ crossing: r.crossing, factor: num(r.growth_factor), fail: num(r.fail_factor), status: r.status, text: r.status === 'found' ? `×${num(r.growth_factor)?.toFixed(2)}` : (r.status ?? '') }))
    .sort((a, b) => ids.indexOf(a.crossing!) - ids.indexOf(b.crossing!));
  if (values.length === 0) return null;
  const y = { field: 'crossing', type: 'nominal', sort: values.map((v) => v.crossing), title: null };
  return {
    id: 'capacity',
    title: 'Demand factor each crossing can take',
    note: 'The largest demand factor tried that keeps the limit (bar; 1 = the scenario as written, dashed) and the smallest tried that breaks it (red tick).',
    spec: top({
      data: { values },
      width: 520,
      height: { step: 22 },
      encoding: { y },
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' }, encoding: { x: { field: 'factor', type: 'quantitative', title: 'demand factor' } } },
        { mark: { type: 'tick', color: '#e45756', thickness: 3 }, encoding: { x: { field: 'fail', type: 'quantitative' } } },
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#333333' }, encoding: { x: { datum: 1, type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { x: { field: 'factor', type: 'quantitative' }, text: { field: 'text' } } },
      ],
    }),
  };
}
