// Writes a run's result tables into a (staging) folder; vehicles.csv is streamed separately by trace.ts.
import type { CollectedResults } from '../experiment/statistics/collect.js';
import { writeCsv, type DecimalMark, type TableSink } from './csvfile.js';
import { inFolder } from './folder.js';
import { resultTables } from './tables.js';

/**
 * Writes summary.csv, replications.csv, stages.csv, daily.csv, monthly.csv, hourly.csv and corridors.csv (its header
 * only when the scenario has no corridors, so every run folder holds the same files) into `folder`, every row also
 * to `sink` (the workbook, the report); returns the file names. Throws the fs error.
 */
export function writeResultFiles(folder: string, scenarioId: string, res: CollectedResults, decimal: DecimalMark = 'point', sink: TableSink | null = null): string[] {
  const files: string[] = [];
  for (const table of resultTables(scenarioId, res)) {
    writeCsv(inFolder(folder, table.file), table.columns, table.rows, decimal, sink?.table(table.file, table.columns) ?? null);
    files.push(table.file);
  }
  return files;
}
