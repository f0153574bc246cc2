// vehicles.csv: one row per vehicle, streamed to disk through fast-csv as the model reports vehicles. Cars carry
// no cargo (cargo `none`); a file longer than a spreadsheet can open gives a warning for run.json.
import type { ResultWarning } from '../experiment/statistics/stability.js';
import type { VehicleTrace } from '../model/results.js';
import { CsvFile, type CsvRow, type DecimalMark } from './csvfile.js';
import { inFolder } from './folder.js';
import { VEHICLE_COLUMNS, vehicleRow } from './tables.js';

/** The trace file name inside a run folder. */
export const TRACE_FILE = 'vehicles.csv';

/** Rows a spreadsheet sheet holds (Excel, LibreOffice Calc), the header row included. */
export const SHEET_MAX_ROWS = 1_048_576;

/** An open vehicles.csv; `onVehicle` writes each vehicle immediately, nothing is retained. */
export interface TraceWriter {
  onVehicle: (t: VehicleTrace) => void;
  /** Finishes the file; returns the number of vehicle rows. */
  close: () => number;
  /** Closes without finishing (the folder is being discarded). */
  abandon: () => void;
}

/** A vehicles.csv row: as tables.ts writes it, with cargo `none` for cars (the model's cargo of a car is only a routing tag). */
export function traceRow(scenarioId: string, startDate: string, t: VehicleTrace): CsvRow {
  const row = vehicleRow(scenarioId, startDate, t);
  return t.vehicleClass === 'car' ? { ...row, cargo: 'none' } : row;
}

/** The trace_rows warning when `rows` vehicle rows plus the header do not fit in `sheetRows` rows, else null. */
export function traceRowsWarning(rows: number, sheetRows = SHEET_MAX_ROWS): ResultWarning | null {
  if (rows + 1 <= sheetRows) return null;
  return {
    replication: null, check: 'trace_rows', crossing: null,
    detail: `${TRACE_FILE} has ${rows} vehicle rows plus a header, more than the ${sheetRows} rows a spreadsheet opens: ` +
      'a spreadsheet shows only the first rows; read it with a CSV tool, or trace fewer --replications or --days',
  };
}

/** Opens `folder`/vehicles.csv for streaming; throws the fs error when it cannot be created. */
export function openTrace(folder: string, scenarioId: string, startDate: string, decimal: DecimalMark = 'point'): TraceWriter {
  const file = new CsvFile(inFolder(folder, TRACE_FILE), VEHICLE_COLUMNS, decimal);
  return {
    onVehicle: (t) => file.write(traceRow(scenarioId, startDate, t)),
    close: () => {
      file.close();
      return file.rows;
    },
    abandon: () => file.abandon(),
  };
}
