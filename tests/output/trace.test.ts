// vehicles.csv rows: cars carry cargo `none`; a trace longer than a spreadsheet's rows gives a trace_rows warning.
import { describe, expect, it } from 'vitest';
import type { VehicleTrace } from '../../src/model/results.js';
import { SHEET_MAX_ROWS, traceRow, traceRowsWarning } from '../../src/output/trace.js';

const vehicle = (vehicleClass: VehicleTrace['vehicleClass'], cargo: VehicleTrace['cargo']): VehicleTrace => ({
  replication: 1, vehicle: 3, crossing: 'k', direction: 'south', vehicleClass, cargo, source: 'src', corridor: '', diverted: false, tonnes: vehicleClass === 'truck' ? 20 : 0, railcars: 0,
  arrivedAtMin: 0, enteredAtMin: 30, exitedAtMin: 90, outcome: 'completed',
});

describe('traceRow', () => {
  it('writes cars with cargo none and keeps trucks and trains as the model says', () => {
    expect(traceRow('s', '2023-01-01', vehicle('car', 'loaded')).cargo).toBe('none');
    expect(traceRow('s', '2023-01-01', vehicle('truck', 'loaded')).cargo).toBe('loaded');
    expect(traceRow('s', '2023-01-01', vehicle('truck', 'empty')).cargo).toBe('empty');
    expect(traceRow('s', '2023-01-01', vehicle('train', 'empty')).cargo).toBe('empty');
  });
});

describe('traceRowsWarning', () => {
  it('is silent while the rows and the header fit in a sheet of 1,048,576 rows', () => {
    expect(SHEET_MAX_ROWS).toBe(1_048_576);
    expect(traceRowsWarning(0)).toBeNull();
    expect(traceRowsWarning(SHEET_MAX_ROWS - 1)).toBeNull();
  });

  it('warns, with the row count, one row past that', () => {
    const w = traceRowsWarning(SHEET_MAX_ROWS);
    expect(w).toMatchObject({ replication: null, check: 'trace_rows', crossing: null });
    expect(w!.detail).toMatch(/^vehicles\.csv has 1048576 vehicle rows plus a header, more than the 1048576 rows a spreadsheet opens/);
    expect(traceRowsWarning(10, 10)?.check).toBe('trace_rows');
  });
});
