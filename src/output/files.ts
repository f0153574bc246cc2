// Writes a run's result tables into a (staging) folder; vehicles.csv is streamed separately by trace.ts.
import type { CollectedResults } from '../experiment/statistics/collect.js';
import { writeCsv } from './csvfile.js';
import { inFolder } from './folder.js';
import { resultTables } from './tables.js';

/** Writes summary.csv, replications.csv, stages.csv and daily.csv into `folder`; returns the file names. Throws the fs error. */
export function writeResultFiles(folder: string, scenarioId: string, res: CollectedResults): string[] {
  const files: string[] = [];
  for (const table of resultTables(scenarioId, res)) {
    writeCsv(inFolder(folder, table.file), table.columns, table.rows);
    files.push(table.file);
  }
  return files;
}
