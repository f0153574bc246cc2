import { describe, expect, it } from 'vitest';
import { runExperimentSyncWith } from '../../src/experiment/runner/experiment.js';
import { CORRIDOR_METRICS } from '../../src/model/results.js';
import {
  CORRIDOR_COLUMNS, DAILY_COLUMNS, HOURLY_COLUMNS, localDateTime, MONTHLY_COLUMNS, REPLICATION_COLUMNS, resultTables, STAGE_COLUMNS, SUMMARY_COLUMNS, vehicleRow,
} from '../../src/output/tables.js';
import type { Scenario } from '../../src/scenario/types.js';
import { fakeRunner, fakeScenario } from '../helpers/fake-results.js';
import { corridor, demand } from '../helpers/scenarios.js';

const scenario = fakeScenario([{ id: 'kyakhta', stages: ['customs'] }]);
/** Two crossings joined by a corridor with trucks both ways; the fixed route is mondy (the least detour), listed second. */
const linked: Scenario = {
  ...fakeScenario([{ id: 'kyakhta', stages: ['customs'] }, { id: 'mondy', stages: ['customs'] }]),
  corridors: [corridor({ id: 'buryatia', via: [['kyakhta', 3], ['mondy', 0]], demand: [demand({ id: 's' }), demand({ id: 'n', direction: 'north' })] })],
};

describe('result tables', () => {
  it('fills exactly the declared columns of every row', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, { seed: 1, replications: 2, days: 2, warmupDays: 0 });
    const tables = resultTables('fake', res);
    expect(tables.map((t) => t.file)).toEqual(['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'monthly.csv', 'hourly.csv', 'corridors.csv']);
    expect(tables.map((t) => t.columns)).toEqual([SUMMARY_COLUMNS, REPLICATION_COLUMNS, STAGE_COLUMNS, DAILY_COLUMNS, MONTHLY_COLUMNS, HOURLY_COLUMNS, CORRIDOR_COLUMNS]);
    for (const t of tables) {
      for (const row of t.rows) expect(Object.keys(row).sort()).toEqual([...t.columns].sort());
    }
  });

  it('writes counts as integers and other values with 4 decimals in replications.csv', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, { seed: 1, replications: 1, days: 2, warmupDays: 0 });
    const rows = [...resultTables('fake', res)[1]!.rows];
    expect(rows.find((r) => r.metric === 'arrivals')?.value).toMatch(/^\d+$/);
    expect(rows.find((r) => r.metric === 'approach_wait_h_mean')?.value).toMatch(/^\d+\.\d{4}$/);
    const summary = [...resultTables('fake', res)[0]!.rows][0]!;
    expect(summary).toMatchObject({ sd: '', ci95_low: '', ci95_high: '', replications: '1' });
  });

  it('marks total rows (a direction or class of all) so a pivot table can leave them out', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, { seed: 1, replications: 1, days: 2, warmupDays: 0 });
    const rows = [...resultTables('fake', res)[0]!.rows];
    for (const r of rows) expect(r.total).toBe(r.direction === 'all' || r.class === 'all' ? 'true' : 'false');
    expect(new Set(rows.map((r) => r.total))).toEqual(new Set(['true', 'false']));
  });
});

describe('corridors.csv', () => {
  const table = (s: Scenario, replications: number) =>
    resultTables('fake', runExperimentSyncWith(fakeRunner(s.crossings.map((c) => c.id)), s, { seed: 1, replications, days: 2, warmupDays: 0 })).find((t) => t.file === 'corridors.csv')!;

  it('is there without corridors too, with no rows (every run folder holds the same files)', () => {
    const t = table(scenario, 2);
    expect(t.columns).toBe(CORRIDOR_COLUMNS);
    expect([...t.rows]).toEqual([]);
  });

  it('has a row per corridor × direction × class × crossing × metric, the fixed route marked, every cell filled as declared', () => {
    const rows = [...table(linked, 3).rows];
    expect(rows).toHaveLength(2 * 2 * CORRIDOR_METRICS.length);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual([...CORRIDOR_COLUMNS].sort());
    expect([...new Set(rows.map((r) => `${r.direction} ${r.crossing} ${r.fixed_route}`))]).toEqual(['south kyakhta false', 'south mondy true', 'north kyakhta false', 'north mondy true']);
    // kyakhta: 10 + r + 1 vehicles in replication r (fake), r = 1..3; mondy 20 + r + 1
    expect(rows[0]).toEqual({
      scenario: 'fake', corridor: 'buryatia', direction: 'south', class: 'truck', crossing: 'kyakhta', fixed_route: 'false', metric: 'vehicles', unit: 'vehicles',
      mean: '13.0000', sd: '1.0000', ci95_low: '10.5159', ci95_high: '15.4841', min: '12.0000', max: '14.0000', replications: '3',
    });
    expect(rows.find((r) => r.crossing === 'mondy' && r.metric === 'share')).toMatchObject({ unit: 'share', mean: ((22 / 34 + 23 / 36 + 24 / 38) / 3).toFixed(4) });
    expect(rows.find((r) => r.crossing === 'mondy' && r.metric === 'detour_h')).toMatchObject({ unit: 'h', mean: '0.0000', sd: '0.0000' });
  });
});

describe('vehicle rows', () => {
  it.each([
    ['2023-01-01', 0, '2023-01-01 00:00:00'],
    ['2023-01-01', 1440 * 31 + 61.5, '2023-02-01 01:01:30'],
    ['2024-02-28', 1440 + 1, '2024-02-29 00:01:00'],
    ['2023-01-01', Number.NaN, ''],
  ])('local time of %s + %f min is %j', (start, min, text) => {
    expect(localDateTime(start, min)).toBe(text);
  });

  it('leaves times and durations empty where the vehicle never got there', () => {
    const row = vehicleRow('s', '2023-01-01', {
      replication: 1, vehicle: 3, crossing: 'k', direction: 'north', vehicleClass: 'train', cargo: 'empty', source: 'empties', corridor: '', diverted: false,
      tonnes: 0, railcars: 57, arrivedAtMin: 90, enteredAtMin: Number.NaN, exitedAtMin: Number.NaN, outcome: 'in_system',
    });
    expect(row).toMatchObject({ railcars: '57', arrived_local: '2023-01-01 01:30:00', arrived_at_min: '90.0000', entered_at_min: '', approach_wait_h: '', crossing_time_h: '' });
    expect(row).toMatchObject({ source: 'empties', corridor: '', diverted: 'false' });
  });

  it('names the corridor a vehicle came by and whether it was diverted', () => {
    const row = vehicleRow('s', '2023-01-01', {
      replication: 1, vehicle: 4, crossing: 'mondy', direction: 'south', vehicleClass: 'truck', cargo: 'loaded', source: 'east:loaded', corridor: 'east', diverted: true,
      tonnes: 20, railcars: 0, arrivedAtMin: 90, enteredAtMin: 100, exitedAtMin: 130, outcome: 'completed',
    });
    expect(row).toMatchObject({ source: 'east:loaded', corridor: 'east', diverted: 'true' });
  });
});
