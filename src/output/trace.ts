// vehicles.csv: one row per vehicle, streamed to disk through fast-csv as the model reports vehicles.
import type { VehicleTrace } from '../model/results.js';
import { CsvFile } from './csvfile.js';
import { inFolder } from './folder.js';
import { VEHICLE_COLUMNS, vehicleRow } from './tables.js';

/** The trace file name inside a run folder. */
export const TRACE_FILE = 'vehicles.csv';

/** An open vehicles.csv; `onVehicle` writes each vehicle immediately, nothing is retained. */
export interface TraceWriter {
  onVehicle: (t: VehicleTrace) => void;
  /** Finishes the file; returns the number of vehicle rows. */
  close: () => number;
  /** Closes without finishing (the folder is being discarded). */
  abandon: () => void;
}

/** Opens `folder`/vehicles.csv for streaming; throws the fs error when it cannot be created. */
export function openTrace(folder: string, scenarioId: string, startDate: string): TraceWriter {
  const file = new CsvFile(inFolder(folder, TRACE_FILE), VEHICLE_COLUMNS);
  return {
    onVehicle: (t) => file.write(vehicleRow(scenarioId, startDate, t)),
    close: () => {
      file.close();
      return file.rows;
    },
    abandon: () => file.abandon(),
  };
}
