// The report's maps: the crossings placed by longitude and latitude along the border, coloured by their freight's
// wait (a run) or by each plan's change in it (compare). Crossings without a location are named under the map.
import type { Crossing } from '../scenario/types.js';
import type { CsvRow } from '../output/csvfile.js';
import { freightClass, groupText, top, type Chart } from './chart-base.js';
import { num } from './collect.js';
import type { ReportGroup } from './meta.js';

/** A point of the map: where, what colours it, its label; `above` is set by placeLabels. */
interface MapPoint {
  lon: number;
  lat: number;
  label: string;
  above?: boolean;
  [field: string]: unknown;
}

/** Labels alternately above and below the points from west to east, so neighbours' labels do not overlap. */
function placeLabels(points: MapPoint[]): MapPoint[] {
  return [...points].sort((a, b) => a.lon - b.lon).map((p, i) => ({ ...p, above: i % 2 === 0 }));
}

/** The map's layers: a graticule around the crossings, points coloured by `color`, labels above and below. */
function mapSpec(points: MapPoint[], color: Record<string, unknown>, title: string | null): Record<string, unknown> {
  const values = placeLabels(points);
  const lons = values.map((v) => v.lon);
  const lats = values.map((v) => v.lat);
  // A margin around the points: two degrees east and west leave room for the labels of the outermost crossings.
  const extent = [[Math.floor(Math.min(...lons)) - 2, Math.floor(Math.min(...lats)) - 1], [Math.ceil(Math.max(...lons)) + 2, Math.ceil(Math.max(...lats)) + 1]];
  const at = { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' } };
  const label = (above: boolean) => ({
    data: { values },
    transform: [{ filter: { field: 'above', equal: above } }],
    mark: { type: 'text', dy: above ? -13 : 17, fontSize: 10, color: '#333333' },
    encoding: { ...at, text: { field: 'label' } },
  });
  return {
    width: 860,
    height: 260,
    ...(title === null ? {} : { title: { text: title, anchor: 'start', fontSize: 12 } }),
    projection: { type: 'mercator' },
    layer: [
      { data: { graticule: { extent, step: [2, 1] } }, mark: { type: 'geoshape', stroke: '#e5e5e5', filled: false } },
      { data: { values }, mark: { type: 'circle', size: 180, stroke: '#333333', strokeWidth: 0.6, opacity: 1 }, encoding: { ...at, color } },
      label(true),
      label(false),
    ],
  };
}

/** The Russian side's name of a crossing ("Kyakhta" of "Kyakhta – Altanbulag"). */
function shortName(c: Crossing): string {
  return c.name.split(/ [–-] /)[0] ?? c.name;
}

function located(crossings: readonly Crossing[]): Crossing[] {
  return crossings.filter((c) => c.location !== undefined);
}

/** The crossings placed by longitude and latitude along the border, coloured by their freight's approach wait. */
export function mapChart(summary: readonly CsvRow[], crossings: readonly Crossing[], scenarioLabel?: string): Chart | null {
  const values = located(crossings).flatMap((c) => {
    const cls = freightClass(summary, c.id);
    const row = summary.find((r) => r.crossing === c.id && r.direction === 'all' && r.class === cls && r.metric === 'approach_wait_h_mean' && (scenarioLabel === undefined || r.scenario === scenarioLabel));
    const wait = num(row?.mean);
    if (cls === null || wait === null) return [];
    return [{ lon: c.location!.longitudeDeg, lat: c.location!.latitudeDeg, wait, label: `${shortName(c)}${c.mode === 'rail' ? ' (rail)' : ''} ${wait.toFixed(1)} h` }];
  });
  if (values.length === 0) return null;
  return {
    id: 'map',
    title: 'Along the border',
    note: `The crossings by longitude and latitude (west to east), coloured by the mean approach wait of their freight (trucks at road crossings, trains at rail crossings), both directions.${notPlaced(crossings)}`,
    spec: top(mapSpec(values, { field: 'wait', type: 'quantitative', scale: { type: 'symlog', scheme: 'yelloworangered' }, title: 'freight wait, h' }, null)),
  };
}

function notPlaced(crossings: readonly Crossing[]): string {
  const missing = crossings.filter((c) => c.location === undefined).map((c) => c.id);
  return missing.length === 0 ? '' : ` Not placed (the scenario gives no location): ${missing.join(', ')}.`;
}

/** Per plan, the change in the group's mean approach wait at each located crossing, on the map. */
export function compareMapChart(rows: readonly CsvRow[], crossings: readonly Crossing[], group: ReportGroup): Chart | null {
  const plans = [...new Set(rows.map((r) => r.plan!))];
  const maps = plans.flatMap((plan) => {
    const values = located(crossings).flatMap((c) => {
      const row = rows.find((r) => r.plan === plan && r.crossing === c.id && r.direction === group.direction && r.class === group.vehicleClass && r.metric === 'approach_wait_h_mean');
      const diff = num(row?.difference);
      if (diff === null) return [];
      return [{ lon: c.location!.longitudeDeg, lat: c.location!.latitudeDeg, diff, label: `${shortName(c)}${c.mode === 'rail' ? ' (rail)' : ''} ${diff > 0 ? '+' : ''}${diff.toFixed(2)} h${row?.significant === 'true' ? ' *' : ''}` }];
    });
    return values.length === 0 ? [] : [mapSpec(values, { field: 'diff', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domainMid: 0 }, title: 'change in wait, h' }, plan)];
  });
  if (maps.length === 0) return null;
  return {
    id: 'map',
    title: 'Along the border: where each plan changes the wait',
    note: `Each plan's change in the mean approach wait (${groupText(group)}) at each crossing, plan − base; red = longer, blue = shorter, * = the 95% confidence interval excludes 0.${notPlaced(crossings)}`,
    spec: top({ vconcat: maps, resolve: { scale: { color: 'independent' } } }),
  };
}

