// The chart builders on hand-made rows: what each draws (its data), what it leaves out, and null when there is
// nothing to draw.
import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../src/output/csvfile.js';
import { mapChart, periodWaitChart, throughputChart, waitPartsChart, type Chart } from '../../src/report/charts.js';
import type { Crossing } from '../../src/scenario/types.js';

const crossing = (id: string, mode: 'road' | 'rail', lon?: number): Crossing => ({
  id, name: `${id[0]!.toUpperCase()}${id.slice(1)} – Other side`, mode, utcOffsetH: 8, zone: { places: 1, classes: ['truck'], source: 'x' },
  approachLimit: null, booking: null, closesOnHolidays: false, stages: [], demand: [], source: 'x',
  ...(lon === undefined ? {} : { location: { longitudeDeg: lon, latitudeDeg: 50, source: 'x' } }),
});
const CROSSINGS = [crossing('west', 'road', 90), crossing('east', 'rail', 110), crossing('middle', 'road', 100), crossing('nowhere', 'road')];
const row = (r: Partial<CsvRow>): CsvRow => ({ scenario: 's', direction: 'all', class: 'truck', mean: '1.0000', ci95_low: '0.5000', ci95_high: '1.5000', ...r } as CsvRow);
const values = (chart: Chart | null): Array<Record<string, unknown>> => {
  const spec = chart!.spec as { data?: { values: Array<Record<string, unknown>> } };
  return spec.data!.values;
};

describe('report charts', () => {
  it('throughput against capacity: served a day, and served ÷ utilisation a day, at each bottleneck', () => {
    const stages = [
      row({ crossing: 'west', stage: 'lanes', bottleneck: 'true', metric: 'utilisation', mean: '0.5000' }),
      row({ crossing: 'west', stage: 'lanes', bottleneck: 'true', metric: 'served', mean: '100.0000' }),
      row({ crossing: 'west', stage: 'xray', bottleneck: 'false', metric: 'served', mean: '7.0000' }),
      row({ crossing: 'east', stage: 'zone', bottleneck: 'true', metric: 'utilisation', mean: '0.0000' }),
    ];
    expect(values(throughputChart(stages, CROSSINGS, 10))).toEqual([
      { label: 'west · lanes', throughput: 10, capacity: 20, unit: 'vehicles', text: '10.0 of 20.0 vehicles/day' },
    ]);
    expect(throughputChart(stages.slice(3), CROSSINGS, 10)).toBeNull(); // a resource never busy has no capacity figure
  });

  it('map: located crossings only (the others named), coloured by their freight wait, labels alternating west to east', () => {
    const summary = [
      row({ crossing: 'west', metric: 'approach_wait_h_mean', mean: '3.0000' }),
      row({ crossing: 'east', class: 'train', metric: 'approach_wait_h_mean', mean: '0.5000' }),
      row({ crossing: 'middle', metric: 'approach_wait_h_mean', mean: '12.2500' }),
      row({ crossing: 'middle', class: 'car', metric: 'approach_wait_h_mean', mean: '99.0000' }),
      row({ crossing: 'nowhere', metric: 'approach_wait_h_mean', mean: '1.0000' }),
    ];
    const chart = mapChart(summary, CROSSINGS)!;
    expect(chart.note).toMatch(/Not placed \(the scenario gives no location\): nowhere\./);
    const layers = (chart.spec as { layer: Array<{ data?: { values?: Array<Record<string, unknown>> } }> }).layer;
    const points = layers[1]!.data!.values!;
    expect(points.map((p) => [p.label, p.wait, p.above])).toEqual([['West 3.0 h', 3, true], ['Middle 12.3 h', 12.25, false], ['East (rail) 0.5 h', 0.5, true]]);
  });

  it('wait by month: both directions, one line per class (no all-classes total), months as UTC dates', () => {
    const rows = [
      row({ month: '2023-07', crossing: 'west', metric: 'approach_wait_h_mean' }),
      row({ month: '2023-07', crossing: 'west', class: 'all', metric: 'approach_wait_h_mean' }),
      row({ month: '2023-07', crossing: 'west', direction: 'south', metric: 'approach_wait_h_mean' }),
    ];
    expect(values(periodWaitChart('month', rows, CROSSINGS))).toEqual([{ crossing: 'west', class: 'truck', at: '2023-07-01T00:00:00Z', mean: 1, low: 0.5, high: 1.5 }]);
    expect(periodWaitChart('hour', [], CROSSINGS)).toBeNull();
  });

  it('why vehicles wait: the three parts of each crossing × class in order', () => {
    const summary = ['wait_closed_h_mean', 'wait_zone_full_h_mean', 'wait_stages_h_mean'].map((metric, i) => row({ crossing: 'west', metric, mean: `${i + 1}.0000` }));
    expect(values(waitPartsChart(summary, CROSSINGS))).toEqual([
      { group: 'west · truck', part: 'closed', rank: 0, hours: 1 },
      { group: 'west · truck', part: 'yard or tracks full', rank: 1, hours: 2 },
      { group: 'west · truck', part: 'queueing at stages', rank: 2, hours: 3 },
    ]);
  });
});
