// What every chart of the report shares: the Chart type, the page's Vega-Lite config, colours, and the small
// helpers the builders in charts.ts and map-charts.ts use (crossing order, a crossing's freight class, a group in
// words, the faceted band-and-line layout of the wait charts).
import type { TopLevelSpec } from 'vega-lite';
import type { Crossing } from '../scenario/types.js';
import type { CsvRow } from '../output/csvfile.js';
import type { ReportGroup } from './meta.js';

/** A chart of the report: an id (the figure's anchor), a title, a sentence on how to read it, the spec. */
export interface Chart {
  id: string;
  title: string;
  note: string;
  spec: TopLevelSpec;
}

export const CLASS_COLORS = { domain: ['truck', 'car', 'train'], range: ['#4c78a8', '#f58518', '#54a24b'] };

const CONFIG = {
  font: 'sans-serif',
  view: { stroke: '#dddddd' },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal' as const, labelLimit: 280 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 280, orient: 'bottom' as const },
  header: { labelFontSize: 12, labelFontWeight: 'bold' as const },
};

/** Plain decimal tick labels (no exponents, no '0.000000' on a flat line). */
export const NUMBER_AXIS = { format: '.6~r' };

/** A top-level spec with the report's background, padding and config. */
export function top(spec: Record<string, unknown>): TopLevelSpec {
  return { background: 'white', padding: 8, config: CONFIG, ...spec } as TopLevelSpec;
}

/** Crossing ids in scenario order, for sorting. */
export function order(crossings: readonly Crossing[]): string[] {
  return crossings.map((c) => c.id);
}

/** A crossing's freight class in the rows (its trucks, else its trains), or null. */
export function freightClass(rows: readonly CsvRow[], crossing: string): string | null {
  for (const c of ['truck', 'train']) if (rows.some((r) => r.crossing === crossing && r.class === c)) return c;
  return null;
}

/** The group in words, e.g. 'trucks, south' or 'all classes, both directions'. */
export function groupText(group: ReportGroup): string {
  const cls = group.vehicleClass === 'all' ? 'all classes' : group.vehicleClass === 'freight' ? 'freight' : `${group.vehicleClass}s`;
  return `${cls}, ${group.direction === 'all' ? 'both directions' : group.direction}`;
}

/**
 * The wait charts' layout: one small panel per crossing (five a row, each with its own y scale), the 95% CI as a
 * band from `low` to `high` and the `mean` as a line with points, coloured by `color`.
 */
export function waitBandFacets(
  values: readonly Record<string, unknown>[],
  crossings: readonly Crossing[],
  x: Record<string, unknown>,
  color: Record<string, unknown>,
  look: { height: number; bandOpacity: number; line: Record<string, unknown> },
): TopLevelSpec {
  return top({
    data: { values },
    facet: { field: 'crossing', type: 'nominal', sort: order(crossings), header: { title: null } },
    columns: 5,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 150,
      height: look.height,
      encoding: { x, color },
      layer: [
        { mark: { type: 'area', opacity: look.bandOpacity }, encoding: { y: { field: 'low', type: 'quantitative', stack: null, title: 'approach wait, h' }, y2: { field: 'high' } } },
        { mark: look.line, encoding: { y: { field: 'mean', type: 'quantitative', stack: null, title: 'approach wait, h', axis: NUMBER_AXIS } } },
      ],
    },
  });
}
