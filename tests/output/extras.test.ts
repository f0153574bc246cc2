// A run's results.xlsx read back against its CSV files (every sheet, every cell: numbers are numbers, dates are
// dates, values equal), and the comma-decimal CSV files opened the way a spreadsheet set to a comma-decimal
// locale opens them (';' between fields, ',' decimal mark): numbers, equal to the default files' numbers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseString } from 'fast-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { cellValue, columnKind, sheetName } from '../../src/output/workbook.js';
import { FIXTURES } from '../helpers/paths.js';
import { context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';

const TINY = join(FIXTURES, 'report-tiny.yaml');
const TABLES = ['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'monthly.csv', 'hourly.csv', 'corridors.csv'];
/** The tables with rows: report-tiny has no corridors, so its corridors.csv is only a header (rows: workbook.test.ts). */
const FILLED = TABLES.filter((f) => f !== 'corridors.csv');
const root = mkdtempSync(join(tmpdir(), 'bordersim-extras-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const point = join(root, 'point');
const comma = join(root, 'comma');
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const { ctx } = context();
  await runCommand(TINY, { out: point, quiet: true }, ctx);
  await runCommand(TINY, { out: comma, quiet: true, decimal: 'comma', report: false }, ctx);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(point, 'results.xlsx'));
});

/** Reads a CSV file as a spreadsheet in a comma-decimal locale does: ';' separates fields, ',' is the decimal mark. */
function commaLocale(text: string): Promise<Array<Array<string | number>>> {
  const decimal = /^-?\d+(,\d+)?$/;
  return new Promise((resolve, reject) => {
    const rows: Array<Array<string | number>> = [];
    parseString<string[], string[]>(text, { delimiter: ';', headers: false })
      .on('data', (r: string[]) => rows.push(r.map((c) => (decimal.test(c) ? Number(c.replace(',', '.')) : c))))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

describe("a run's results.xlsx", () => {
  it('has the about sheet, then one sheet per CSV table, in the order of the files', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['about', ...TABLES.map(sheetName)]);
  });

  it.each(TABLES)('holds %s cell for cell: same header, rows and values, typed', async (file) => {
    const csv = await readCsv(point, file);
    const sheet = book.getWorksheet(sheetName(file))!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...csv.headers]);
    expect(sheet.rowCount).toBe(csv.rows.length + 1);
    const kinds = new Map<string, Set<string>>();
    csv.rows.forEach((row, r) => {
      const cells = sheet.getRow(r + 2);
      csv.headers.forEach((column, c) => {
        const value = cells.getCell(c + 1).value ?? null;
        expect(value, `${file} row ${r + 2} ${column}`).toEqual(cellValue(columnKind(column), row[column]!));
        const kind = value === null ? 'empty' : value instanceof Date ? 'date' : typeof value;
        kinds.set(column, (kinds.get(column) ?? new Set()).add(kind));
      });
    });
    // The columns a planner sums or filters on carry their type, not text.
    for (const column of ['mean', 'ci95_low', 'value', 'arrivals', 'approach_wait_h_mean', 'hour']) {
      if (kinds.has(column)) expect([...kinds.get(column)!].filter((k) => k !== 'empty' && k !== 'number'), column).toEqual([]);
    }
    if (kinds.has('date')) expect([...kinds.get('date')!]).toEqual(['date']);
    if (kinds.has('month')) expect([...kinds.get('month')!]).toEqual(['date']);
    if (kinds.has('total')) expect([...kinds.get('total')!]).toEqual(['boolean']);
    if (kinds.has('crossing')) expect([...kinds.get('crossing')!]).toEqual(['string']);
  });
});

describe('CSV files with --decimal comma', () => {
  it('writes the header-only corridors.csv with ; between fields', () => {
    expect(readFileSync(join(comma, 'corridors.csv'), 'utf8')).toBe(readFileSync(join(point, 'corridors.csv'), 'utf8').replaceAll(',', ';'));
    expect(readFileSync(join(point, 'corridors.csv'), 'utf8')).toMatch(/^scenario,corridor,[a-z0-9_,]+\r\n$/);
  });

  it.each(FILLED)('%s opens in a comma-decimal spreadsheet with numbers, equal to the default file', async (file) => {
    const text = readFileSync(join(comma, file), 'utf8');
    const rows = await commaLocale(text);
    const reference = await readCsv(point, file);
    expect(rows[0]).toEqual(reference.headers);
    expect(rows.length - 1).toBe(reference.rows.length);
    let numbers = 0;
    reference.rows.forEach((row, r) => {
      reference.headers.forEach((column, c) => {
        const text = row[column]!;
        const expected = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
        expect(rows[r + 1]![c], `${file} row ${r + 2} ${column}`).toEqual(expected);
        if (typeof expected === 'number') numbers++;
      });
    });
    expect(numbers).toBeGreaterThan(reference.rows.length); // every row has numbers, read as numbers
    expect(text).toMatch(/;\d+,\d{4}[;\r]/);
  });

  it('leaves the run folder otherwise as it is (the workbook holds the same values)', async () => {
    const other = new ExcelJS.Workbook();
    await other.xlsx.readFile(join(comma, 'results.xlsx'));
    const cells = (b: ExcelJS.Workbook, name: string): unknown[] => (b.getWorksheet(name)!.getSheetValues() as unknown[]);
    for (const file of TABLES) expect(cells(other, sheetName(file))).toEqual(cells(book, sheetName(file)));
  });
});
