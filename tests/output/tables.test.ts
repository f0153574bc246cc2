import { describe, expect, it } from 'vitest';
import { runExperimentSyncWith } from '../../src/experiment/runner/experiment.js';
import {
  DAILY_COLUMNS, HOURLY_COLUMNS, localDateTime, MONTHLY_COLUMNS, REPLICATION_COLUMNS, resultTables, STAGE_COLUMNS, SUMMARY_COLUMNS, vehicleRow,
} from '../../src/output/tables.js';
import { fakeRunner, fakeScenario } from '../helpers/fake-results.js';

const scenario = fakeScenario([{ id: 'kyakhta', stages: ['customs'] }]);

describe('result tables', () => {
  it('fills exactly the declared columns of every row', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, { seed: 1, replications: 2, days: 2, warmupDays: 0 });
    const tables = resultTables('fake', res);
    expect(tables.map((t) => t.file)).toEqual(['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'monthly.csv', 'hourly.csv']);
    expect(tables.map((t) => t.columns)).toEqual([SUMMARY_COLUMNS, REPLICATION_COLUMNS, STAGE_COLUMNS, DAILY_COLUMNS, MONTHLY_COLUMNS, HOURLY_COLUMNS]);
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
      replication: 1, vehicle: 3, crossing: 'k', direction: 'north', vehicleClass: 'train', cargo: 'empty', tonnes: 0, railcars: 57,
      arrivedAtMin: 90, enteredAtMin: Number.NaN, exitedAtMin: Number.NaN, outcome: 'in_system',
    });
    expect(row).toMatchObject({ railcars: '57', arrived_local: '2023-01-01 01:30:00', arrived_at_min: '90.0000', entered_at_min: '', approach_wait_h: '', crossing_time_h: '' });
  });
});
