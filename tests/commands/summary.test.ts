import { describe, expect, it } from 'vitest';
import { classesShown, corridorLines, summaryText } from '../../src/commands/summary.js';
import { textTable } from '../../src/commands/table.js';
import type { CollectedResults, CorridorSummaryRow, StageSummaryRow, SummaryRow } from '../../src/experiment/statistics/collect.js';
import { runExperimentSyncWith } from '../../src/experiment/runner/experiment.js';
import { fakeRunner, fakeScenario } from '../helpers/fake-results.js';

const scenario = fakeScenario([
  { id: 'kyakhta', stages: ['customs'] },
  { id: 'idle', stages: ['customs'] },
]);
const info = { days: 3, seed: 7, wallS: 1.25, folder: 'output/fake', files: ['summary.csv', 'run.json'] };

/** Summary rows of kyakhta: wait mean and p95, tonnes and completed for each listed direction × class. */
function rows(groups: Array<[string, string, number]>): SummaryRow[] {
  return groups.flatMap(([direction, vehicleClass, wait]) =>
    ([['tonnes', 1000 * wait], ['completed', 100], ['approach_wait_h_mean', wait], ['approach_wait_h_p95', 3 * wait], ['wait_closed_h_mean', wait / 2]] as const).map(([metric, mean]) =>
      ({ crossing: 'kyakhta', direction, vehicleClass, metric, mean, n: 3, sd: 1, ci95Low: mean - 0.5, ci95High: mean + 0.5, min: mean, max: mean }) as SummaryRow),
  );
}
const busiest = (crossing: string, stage: string, mean: number): StageSummaryRow =>
  ({ crossing, stage, directions: 'south+north', bottleneck: true, metric: 'utilisation', mean, n: 3, sd: 0, ci95Low: mean, ci95High: mean, min: mean, max: mean });
const res = (summary: SummaryRow[]): CollectedResults =>
  ({ replications: 3, rows: [], summary, stages: [busiest('kyakhta', 'customs', 0.714)], daily: [], monthly: [], hourly: [], corridors: [], corridorRows: [], warnings: [], events: 0, vehicles: 0 });

const TODAY = res(rows([['south', 'truck', 3], ['south', 'car', 0.01], ['all', 'truck', 3.5], ['all', 'car', 0.02], ['all', 'all', 0.65]]));

describe('summaryText', () => {
  it('shows trucks and cars apart (not the mixed total), with mean and p95 wait ± CI half-width', () => {
    const lines = summaryText(scenario, TODAY, info).trimEnd().split('\n');
    expect(lines[0]).toBe('fake: 3 replications × 3 days, seed 7, 1.3 s');
    expect(lines[1]).toBe('per replication, mean ± 95% CI half-width (all directions, freight (trucks, trains) and cars apart):');
    expect(lines[2]).toMatch(/^crossing\s+class\s+tonnes\s+completed\s+approach wait h\s+wait p95 h\s+of it closed h\s+busiest \(utilisation\)$/);
    // The closed part of the wait, and the crossing's busiest resource on its first row.
    expect(lines[3]).toMatch(/^kyakhta\s+truck\s+3500 ± 1\s+100 ± 1\s+3\.50 ± 0\.50\s+10\.50 ± 0\.50\s+1\.75 ± 0\.50\s+customs \(71%\)$/);
    expect(lines[4]).toMatch(/^kyakhta\s+car\s+20 ± 1\s+100 ± 1\s+0\.02 ± 0\.50\s+0\.06 ± 0\.50\s+0\.01 ± 0\.50$/);
    expect(lines[5]).toMatch(/^idle\s+all\s+-\s+-\s+-\s+-\s+-\s+-$/);
    expect(lines.join('\n')).not.toContain('0.65');
    expect(lines.at(-1)).toBe('results in output/fake/ (summary.csv, run.json)');
  });

  it("shows a crossing's freight under its own class (trucks at a road crossing, trains at a rail one), then cars", () => {
    expect(classesShown(res(rows([['all', 'truck', 3], ['all', 'car', 0.1]])), 'kyakhta', { direction: 'all' })).toEqual(['truck', 'car']);
    expect(classesShown(res(rows([['all', 'train', 1]])), 'kyakhta', { direction: 'all' })).toEqual(['train']);
    const withTrucks = res(rows([['all', 'truck', 3], ['all', 'car', 0.1]]));
    expect(summaryText(scenario, withTrucks, info, { direction: 'all', vehicleClass: 'freight' })).toMatch(/^kyakhta\s+freight\s+3000 ± 1/m);
  });

  it('shows only the chosen class and direction, says so, and lists crossings without it', () => {
    const text = summaryText(scenario, TODAY, info, { direction: 'south', vehicleClass: 'truck' });
    expect(text).toContain('(trucks, southbound only):');
    expect(text).toMatch(/^kyakhta\s+truck\s+3000 ± 1\s+100 ± 1\s+3\.00 ± 0\.50\s+9\.00 ± 0\.50\s+1\.50 ± 0\.50\s+customs \(71%\)$/m);
    expect(text).not.toMatch(/^kyakhta\s+car/m);
    expect(text).toContain('(no trucks, southbound at idle)');
    expect(summaryText(scenario, TODAY, info, { direction: 'all', vehicleClass: 'all' })).toMatch(/^kyakhta\s+all\s+650 ± 1\s+100 ± 1\s+0\.65 ± 0\.50/m);
  });

  it('drops the ± part with one replication and names failed checks and run-level warnings', () => {
    const one = runExperimentSyncWith(fakeRunner(['kyakhta'], { brokenInvariant: 1 }), scenario, { seed: 7, replications: 1, days: 3, warmupDays: 0 });
    const text = summaryText(scenario, one, info, { direction: 'all' }, [{ replication: null, check: 'unstable', crossing: 'kyakhta', detail: 'x' }]);
    expect(text).not.toContain('±');
    expect(text).toContain('warning: 1 invariant check(s) failed; see run.json');
    expect(text).toContain('warning: kyakhta: unstable (details on stderr and in run.json)');
  });
});

describe('the corridors in the summary', () => {
  const row = (direction: string, crossing: string, fixedRoute: boolean, metric: string, mean: number | null): CorridorSummaryRow =>
    ({ corridor: 'k', direction, vehicleClass: 'truck', crossing, fixedRoute, metric, mean, n: 3, sd: 0, ci95Low: mean, ci95High: mean === null ? null : mean + 0.25, min: mean, max: mean }) as CorridorSummaryRow;
  const choices = (direction: string, detourVehicles: number): CorridorSummaryRow[] => [
    row(direction, 'a', true, 'vehicles', 90), row(direction, 'a', true, 'share', 0.9), row(direction, 'a', true, 'foreseen_wait_h_mean', 1.5), row(direction, 'a', true, 'wait_h_mean', 1.75),
    row(direction, 'b', false, 'vehicles', detourVehicles), row(direction, 'b', false, 'share', detourVehicles / 100), row(direction, 'b', false, 'foreseen_wait_h_mean', detourVehicles > 0 ? 30 : null), row(direction, 'b', false, 'wait_h_mean', detourVehicles > 0 ? 480 : null),
  ];
  const withCorridors = { ...TODAY, corridors: [...choices('south', 10), ...choices('north', 0)] };

  it('lists each crossing the vehicles chose (the fixed route always) with share, vehicles, foreseen and found waits', () => {
    expect(corridorLines(withCorridors, { direction: 'all' })).toEqual([
      'corridors, where their vehicles went (corridors.csv):',
      textTable(['corridor', 'class, direction', 'crossing', 'share %', 'vehicles', 'foreseen wait h', 'wait found h'], [
        ['k', 'truck, south', 'a', '90.0 ± 25.0', '90 ± 0', '1.50 ± 0.25', '1.75 ± 0.25'],
        ['k', 'truck, south', 'b (detour)', '10.0 ± 25.0', '10 ± 0', '30.00 ± 0.25', '480.00 ± 0.25'],
        ['k', 'truck, north', 'a', '90.0 ± 25.0', '90 ± 0', '1.50 ± 0.25', '1.75 ± 0.25'],
      ]),
    ]);
    expect(summaryText(scenario, withCorridors, info)).toContain('corridors, where their vehicles went');
  });

  it('keeps to the chosen direction and class, and says nothing without corridors', () => {
    expect(corridorLines(withCorridors, { direction: 'north' })[1]).not.toContain('south');
    expect(corridorLines(withCorridors, { direction: 'all', vehicleClass: 'car' })).toEqual([]);
    expect(summaryText(scenario, TODAY, info)).not.toContain('corridors');
  });
});
