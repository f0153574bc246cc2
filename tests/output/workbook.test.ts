// results.xlsx read back with exceljs: sheet names and order, cell types (numbers, dates, booleans, text, empty),
// values equal to the CSV file written from the same rows, the frozen header and filters, a cut sheet named on
// the about sheet, and equal bytes for equal input.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCsv, type CsvRow } from '../../src/output/csvfile.js';
import { cellValue, columnKind, sheetName, WorkbookBuilder, type WorkbookAbout } from '../../src/output/workbook.js';
import { FIXED_DOS_DATE, FIXED_DOS_TIME } from '../../src/output/zipdates.js';
import { runCommand } from '../../src/commands/run.js';
import { context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';
import { FIXTURES } from '../helpers/paths.js';
import { zipEntryDates } from './zip.js';

const ABOUT: WorkbookAbout = {
  command: 'run', scenarios: [{ label: 'mini', name: 'Mini', file: 'mini.yaml' }], seed: 7, replications: 2, days: 3, warmupDays: 1,
  version: '9.9.9', decimal: 'point', warnings: ['warning: road: unstable: a backlog'],
};

const DAILY: CsvRow[] = [
  { scenario: 'mini', date: '2023-06-05', crossing: 'road', total: 'false', approach_wait_h_mean: '1.2500', arrivals: '12', note: '' },
  { scenario: 'mini', date: '2023-06-06', crossing: 'road', total: 'true', approach_wait_h_mean: '', arrivals: '-3.0000', note: 'x' },
];
const MONTHLY: CsvRow[] = [{ month: '2023-06', hour: '05', crossing: '=cmd', metric: 'tonnes', mean: '297618.1234' }];

/** Writes the tables as CSV files with the builder as their sink, as the commands do; returns the folder. */
async function build(tables: Array<{ file: string; rows: CsvRow[] }>, maxRows?: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bordersim-xlsx-'));
  const book = await WorkbookBuilder.open(dir, maxRows);
  for (const t of tables) {
    const columns = Object.keys(t.rows[0]!);
    writeCsv(join(dir, t.file), columns, t.rows, 'point', book.table(t.file, columns));
  }
  await book.close(ABOUT);
  return dir;
}

async function read(dir: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'results.xlsx'));
  return book;
}

describe('results.xlsx', () => {
  it('has the about sheet first, then one sheet per table, with typed cells equal to the CSV', async () => {
    const dir = await build([{ file: 'daily.csv', rows: DAILY }, { file: 'monthly.csv', rows: MONTHLY }]);
    const book = await read(dir);
    expect(book.worksheets.map((s) => s.name)).toEqual(['about', 'daily', 'monthly']);
    for (const file of ['daily.csv', 'monthly.csv']) {
      const csv = await readCsv(dir, file);
      const sheet = book.getWorksheet(sheetName(file))!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...csv.headers]);
      expect(sheet.rowCount).toBe(csv.rows.length + 1);
      csv.rows.forEach((row, r) => {
        csv.headers.forEach((column, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1).value;
          const text = row[column]!;
          const expected = cellValue(columnKind(column), text);
          expect(cell ?? null, `${file} row ${r + 2} ${column}`).toEqual(expected);
        });
      });
    }
    const daily = book.getWorksheet('daily')!;
    expect(daily.getCell('B2').value).toEqual(new Date(Date.UTC(2023, 5, 5)));
    expect(daily.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(daily.getCell('D2').value).toBe(false);
    expect(daily.getCell('E2').value).toBe(1.25);
    expect(daily.getCell('E3').value).toBeNull();
    expect(daily.getCell('F3').value).toBe(-3);
    expect(daily.getCell('G3').value).toBe('x');
    const monthly = book.getWorksheet('monthly')!;
    expect(monthly.getCell('A2').value).toEqual(new Date(Date.UTC(2023, 5, 1)));
    expect(monthly.getCell('A2').numFmt).toBe('yyyy-mm');
    expect(monthly.getCell('B2').value).toBe(5);
    expect(monthly.getCell('C2').value).toBe('=cmd'); // text, never a formula
    expect(monthly.getCell('E2').value).toBe(297618.1234);
    expect(daily.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(daily.autoFilter).toBe('A1:G3');
    expect(daily.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(daily.getCell('A1').font?.bold).toBe(true);
  });

  it('names the scenario, seed and version on the about sheet and explains every column', async () => {
    const dir = await build([{ file: 'daily.csv', rows: DAILY }]);
    const about = (await read(dir)).getWorksheet('about')!;
    const cells: string[] = [];
    about.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['mini', 'Mini (mini.yaml)', '7', '9.9.9', 'warning: road: unstable: a backlog']));
    const explained: string[] = [];
    about.eachRow((row) => {
      if (row.getCell(1).value === 'daily' && typeof row.getCell(3).value === 'string') explained.push(row.getCell(2).value as string);
    });
    expect(explained).toEqual(Object.keys(DAILY[0]!));
  });

  it('cuts a table longer than a sheet, says so, and keeps the CSV whole', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ scenario: 'mini', value: String(i) }));
    const dir = await build([{ file: 'replications.csv', rows }], 5);
    const book = await read(dir);
    const sheet = book.worksheets[1]!;
    expect(sheet.name).toBe('replications (cut)');
    expect(sheet.rowCount).toBe(5);
    const notes: string[] = [];
    book.getWorksheet('about')!.eachRow((row) => void notes.push(String(row.getCell(4).value ?? '')));
    expect(notes.some((n) => /only the first 4 rows .* all 7/.test(n))).toBe(true);
    expect((await readCsv(dir, 'replications.csv')).rows).toHaveLength(7);
  });

  it('gives equal bytes for equal tables (fixed entry and document dates)', async () => {
    const a = await build([{ file: 'daily.csv', rows: DAILY }]);
    const b = await build([{ file: 'daily.csv', rows: DAILY }]);
    expect(readFileSync(join(a, 'results.xlsx')).equals(readFileSync(join(b, 'results.xlsx')))).toBe(true);
    // Not equal by luck of the same 2-second step: every entry carries the fixed date (tests/output/zipdates.test.ts).
    expect(zipEntryDates(join(a, 'results.xlsx')).every((d) => d.time === FIXED_DOS_TIME && d.date === FIXED_DOS_DATE)).toBe(true);
    expect((await read(a)).created).toEqual(new Date(Date.UTC(1980, 0, 1)));
  });

  it.each([
    ['number', '12.5000', 12.5], ['number', '1.1', 1.1], ['number', "'=x", "'=x"], ['boolean', 'true', true], ['text', '07', '07'],
    ['date', '2024-02-29', new Date(Date.UTC(2024, 1, 29))], ['datetime', '2023-07-01 05:06:08', new Date(Date.UTC(2023, 6, 1, 5, 6, 8))],
    ['month', 'not a month', 'not a month'], ['number', '', null],
  ] as const)('stores %s text %j as %j', (kind, text, value) => {
    expect(cellValue(kind, text)).toEqual(value);
  });
});

describe("a corridor run's results.xlsx", () => {
  it('has a corridors sheet after hourly holding corridors.csv cell for cell: ids as text, the fixed route as TRUE/FALSE, figures as numbers', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bordersim-xlsx-corridors-')), 'run');
    await runCommand(join(FIXTURES, 'corridor-tiny.yaml'), { out: dir, quiet: true, report: false }, context().ctx);
    const book = await read(dir);
    expect(book.worksheets.map((s) => s.name).slice(-2)).toEqual(['hourly', 'corridors']);
    const csv = await readCsv(dir, 'corridors.csv');
    expect(csv.rows.length).toBeGreaterThan(0);
    const sheet = book.getWorksheet('corridors')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...csv.headers]);
    expect(sheet.rowCount).toBe(csv.rows.length + 1);
    csv.rows.forEach((row, r) => {
      csv.headers.forEach((column, c) => {
        expect(sheet.getRow(r + 2).getCell(c + 1).value ?? null, `row ${r + 2} ${column}`).toEqual(cellValue(columnKind(column), row[column]!));
      });
    });
    const col = (name: string): number => csv.headers.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col('corridor')).value).toBe('west-east');
    expect(sheet.getRow(2).getCell(col('fixed_route')).value).toBe(true);
    expect(typeof sheet.getRow(2).getCell(col('mean')).value).toBe('number');
    expect(columnKind('corridor')).toBe('text');
    expect(columnKind('fixed_route')).toBe('boolean');
    // the about sheet explains its columns
    const about = book.getWorksheet('about')!;
    const lines: string[] = [];
    about.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(' | ')));
    expect(lines.some((l) => l.startsWith('corridors | fixed_route | boolean | TRUE on the corridor'))).toBe(true);
  });
});
