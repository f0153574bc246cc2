// Reading result CSVs back with fast-csv (not by splitting lines): header, rows as text, and the file's text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseString } from 'fast-csv';

/** A CSV file read back: its header, its rows keyed by column (text, as written) and the whole text. */
export interface CsvTable {
  headers: string[];
  rows: Record<string, string>[];
  text: string;
}

/** Parses CSV text into header + row objects; rejects a row whose column count differs from the header's. */
export async function parseCsv(text: string): Promise<CsvTable> {
  const rows: Record<string, string>[] = [];
  let headers: string[] = [];
  await new Promise<void>((res, rej) => {
    parseString(text, { headers: true, strictColumnHandling: true })
      .on('headers', (h: string[]) => (headers = h))
      .on('data', (row: Record<string, string>) => rows.push(row))
      .on('data-invalid', (row: unknown) => rej(new Error(`invalid row ${JSON.stringify(row)}`)))
      .on('error', rej)
      .on('end', () => res());
  });
  return { headers, rows, text };
}

/** Reads and parses `folder/file`. */
export function readCsv(folder: string, file: string): Promise<CsvTable> {
  return parseCsv(readFileSync(join(folder, file), 'utf8'));
}
