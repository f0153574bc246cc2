// results.xlsx: the folder's result tables as one workbook (exceljs, streamed to disk), one sheet per CSV file,
// fed the same rows as the CSV files while they are written, so both hold the same values: numbers as numbers,
// dates as dates, TRUE/FALSE as booleans, the header frozen with filters on and readable widths. A first sheet
// names the scenario, seed and version and explains every column. An xlsx stores numbers with '.' whatever the
// locale, so it opens the same in a Russian or German spreadsheet. Entry and document dates are fixed: equal
// runs, equal bytes. vehicles.csv (a trace of every vehicle) is left to its CSV file.
import type { Row, Worksheet } from 'exceljs';
import type ExcelJS from 'exceljs';
import { basename } from 'node:path';
import type { CsvRow, DecimalMark, RowSink, TableSink } from './csvfile.js';
import { columnMeaning } from './dictionary.js';
import { inFolder } from './folder.js';
import { SHEET_MAX_ROWS, TRACE_FILE } from './trace.js';
import { fixZipDates } from './zipdates.js';

export const WORKBOOK_FILE = 'results.xlsx';

/** Name of the first sheet. */
export const ABOUT_SHEET = 'about';

/** The document's creation date (core properties), fixed like the zip entries' dates. */
export const WORKBOOK_DATE = new Date(Date.UTC(1980, 0, 1));

/** What the first sheet says about the result. */
export interface WorkbookAbout {
  command: string;
  /** Each scenario: its label in the tables, name and file. */
  scenarios: Array<{ label: string; name: string; file: string }>;
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  version: string;
  decimal: DecimalMark;
  /** Warning lines, as printed on the terminal. */
  warnings: string[];
  /** vehicles.csv was written (it is not in the workbook). */
  traced?: boolean;
}

/** How a column's cells are stored. */
export type CellKind = 'text' | 'number' | 'boolean' | 'date' | 'month' | 'datetime';

const TEXT_COLUMNS = new Set([
  'scenario', 'base', 'plan', 'corridor', 'crossing', 'direction', 'class', 'metric', 'unit', 'stage', 'directions', 'status',
  'scaled_classes', 'bottleneck_stage', 'cargo', 'outcome',
]);
const BOOLEAN_COLUMNS = new Set(['total', 'bottleneck', 'fixed_route', 'significant', 'uncertain', 'meets_limit']);
const DATE_COLUMNS: Record<string, CellKind> = { date: 'date', month: 'month', arrived_local: 'datetime' };

/** The kind of a column by its name; a column not named here (a swept path) is a number where its text is one. */
export function columnKind(column: string): CellKind {
  if (TEXT_COLUMNS.has(column)) return 'text';
  if (BOOLEAN_COLUMNS.has(column)) return 'boolean';
  return DATE_COLUMNS[column] ?? 'number';
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_TEXT = /^(\d{4})-(\d{2})$/;
const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The cell value of CSV text `text` (with '.' decimals) in a column of `kind`: null for an empty cell, a number,
 * a boolean, a Date at UTC midnight (a month: its first day), or the text itself where it is not of the kind.
 */
export function cellValue(kind: CellKind, text: string): string | number | boolean | Date | null {
  if (text === '') return null;
  const n = (m: RegExpExecArray, i: number): number => Number(m[i]);
  switch (kind) {
    case 'number':
      return NUMBER_TEXT.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'date': {
      const m = DATE_TEXT.exec(text);
      return m ? new Date(Date.UTC(n(m, 1), n(m, 2) - 1, n(m, 3))) : text;
    }
    case 'month': {
      const m = MONTH_TEXT.exec(text);
      return m ? new Date(Date.UTC(n(m, 1), n(m, 2) - 1, 1)) : text;
    }
    case 'datetime': {
      const m = DATETIME_TEXT.exec(text);
      return m ? new Date(Date.UTC(n(m, 1), n(m, 2) - 1, n(m, 3), n(m, 4), n(m, 5), n(m, 6))) : text;
    }
    default:
      return text;
  }
}

/** The sheet name of a CSV file: its name without `.csv` (at most 31 characters, as a sheet name may have). */
export function sheetName(file: string): string {
  return basename(file, '.csv').slice(0, 31);
}

/** Rows whose text sets the column widths (written once the widths are set). */
const WIDTH_SAMPLE_ROWS = 200;
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

/** One style object per kind of cell: exceljs looks a style up by object, so shared objects are found at once. */
const CELL_STYLES: Record<CellKind, Partial<ExcelJS.Style>> = {
  text: {}, number: {}, boolean: {},
  date: { numFmt: 'yyyy-mm-dd' }, month: { numFmt: 'yyyy-mm' }, datetime: { numFmt: 'yyyy-mm-dd hh:mm:ss' },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
const DATE_STYLE = CELL_STYLES.date;

function widths(columns: readonly string[], sample: readonly CsvRow[], kinds: readonly CellKind[]): number[] {
  return columns.map((c, i) => {
    const longest = Math.max(c.length, ...sample.map((r) => (r[c] ?? '').length));
    const dateWidth = kinds[i] === 'datetime' ? 20 : kinds[i] === 'date' ? 12 : 0;
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2, dateWidth));
  });
}

function styled(row: Row, styles: ReadonlyArray<Partial<ExcelJS.Style>>): void {
  styles.forEach((style, i) => (row.getCell(i + 1).style = style));
  row.commit();
}

/** A sheet being filled with one table's rows. */
class SheetFill implements RowSink {
  private readonly kinds: CellKind[];
  private readonly styles: Array<Partial<ExcelJS.Style>>;
  private sample: CsvRow[] | null = [];
  /** Data rows of the table (also those past the sheet's limit, which are not written). */
  rows = 0;
  done = false;

  constructor(
    readonly sheet: Worksheet,
    readonly file: string,
    readonly columns: readonly string[],
    /** Rows a sheet holds, the header included. */
    readonly maxRows: number,
  ) {
    this.kinds = columns.map(columnKind);
    this.styles = this.kinds.map((k) => CELL_STYLES[k]);
  }

  /** Rows the sheet holds (the header aside). */
  get written(): number {
    return Math.min(this.rows, this.maxRows - 1);
  }

  row(row: CsvRow): void {
    this.rows++;
    if (this.sample !== null) {
      this.sample.push(row);
      if (this.sample.length >= WIDTH_SAMPLE_ROWS) this.start();
    } else if (this.rows <= this.maxRows - 1) {
      this.add(row);
    }
  }

  end(): void {
    if (this.sample !== null) this.start();
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.written + 1, column: this.columns.length } };
    this.sheet.commit();
    this.done = true;
  }

  /** Sets the widths from the rows so far (they must come before the first row), then writes the header and them. */
  private start(): void {
    const sample = this.sample ?? [];
    this.sample = null;
    this.sheet.columns = widths(this.columns, sample, this.kinds).map((width) => ({ width }));
    styled(this.sheet.addRow([...this.columns]), this.columns.map(() => HEADER_STYLE));
    for (const r of sample.slice(0, this.maxRows - 1)) this.add(r);
  }

  private add(row: CsvRow): void {
    styled(this.sheet.addRow(this.columns.map((c, i) => cellValue(this.kinds[i]!, row[c] ?? ''))), this.styles);
  }
}

/** The about sheet's lines: label, value, kind, note. */
type AboutLine = Array<string | number | Date | null>;

function aboutLines(about: WorkbookAbout, sheets: readonly SheetFill[]): Array<{ cells: AboutLine; bold?: boolean }> {
  const out: Array<{ cells: AboutLine; bold?: boolean }> = [];
  const line = (cells: AboutLine, bold = false): void => void out.push({ cells, bold });
  line([`bordersim ${about.command}: what this workbook holds`], true);
  line([]);
  for (const s of about.scenarios) line(['scenario', s.label, null, `${s.name} (${s.file})`]);
  line(['seed', about.seed]);
  line(['replications', about.replications]);
  line(['days simulated', about.days]);
  line(['warm-up days', about.warmupDays, null, 'days simulated before the measured period']);
  line(['bordersim version', about.version]);
  line(['CSV files', about.decimal === 'comma' ? "';' between fields, ',' decimals" : "',' between fields, '.' decimals", null,
    'this workbook holds the same values with numbers as numbers and dates as dates: it opens the same in any locale']);
  line([]);
  line(['sheet', 'file', 'rows', 'note'], true);
  for (const s of sheets) {
    const cut = s.rows > s.written ? `only the first ${s.written} rows (a sheet holds ${s.maxRows} with the header): the CSV file has all ${s.rows}` : '';
    line([s.sheet.name, s.file, s.written, cut]);
  }
  if (about.traced) line([null, TRACE_FILE, null, 'one row per vehicle: read the CSV file (not in this workbook)']);
  line([]);
  line(['sheet', 'column', 'kind', 'meaning'], true);
  for (const s of sheets) {
    for (const column of s.columns) line([s.sheet.name, column, columnKind(column), columnMeaning(s.file, column) ?? 'see output/README.md']);
  }
  line([]);
  line(['warnings', about.warnings.length], true);
  for (const w of about.warnings) line([null, null, null, w]);
  line([]);
  line(['Every file, column and metric is defined in full in output/README.md of bordersim.']);
  return out;
}

/**
 * results.xlsx being written into a (staging) folder: a TableSink that makes one sheet per table (in the order
 * the tables come), then close() writes the about sheet (the first) and finishes the file.
 */
export class WorkbookBuilder implements TableSink {
  private readonly sheets: SheetFill[] = [];
  private readonly about: Worksheet;

  private constructor(
    private readonly book: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly path: string,
    private readonly maxRows: number,
  ) {
    this.about = book.addWorksheet(ABOUT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  }

  /** Opens `folder`/results.xlsx (loading exceljs); `maxRows` a sheet holds (tests make it small). Throws the fs error. */
  static async open(folder: string, maxRows = SHEET_MAX_ROWS): Promise<WorkbookBuilder> {
    const { default: excel } = await import('exceljs');
    const path = inFolder(folder, WORKBOOK_FILE);
    const book = new excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
    book.creator = 'bordersim';
    book.lastModifiedBy = 'bordersim';
    book.created = WORKBOOK_DATE;
    book.modified = WORKBOOK_DATE;
    return new WorkbookBuilder(book, path, maxRows);
  }

  table(file: string, columns: readonly string[]): RowSink | null {
    if (file === TRACE_FILE) return null;
    const fill = new SheetFill(this.book.addWorksheet(sheetName(file), { views: [{ state: 'frozen', ySplit: 1 }] }), file, columns, this.maxRows);
    this.sheets.push(fill);
    return fill;
  }

  /** Writes the about sheet and finishes the file; returns its name. Throws when a table was not ended, or the fs error. */
  async close(about: WorkbookAbout): Promise<string> {
    const open = this.sheets.find((s) => !s.done);
    if (open) throw new Error(`results.xlsx: the table ${open.file} was not ended`);
    for (const s of this.sheets) if (s.rows > s.written) s.sheet.name = `${sheetName(s.file).slice(0, 20)} (cut)`;
    this.about.columns = [{ width: 22 }, { width: 34 }, { width: 12 }, { width: 100 }];
    for (const { cells, bold } of aboutLines(about, this.sheets)) {
      const row = this.about.addRow(cells);
      if (bold) row.font = { bold: true };
      cells.forEach((c, i) => {
        if (c instanceof Date) row.getCell(i + 1).style = DATE_STYLE;
      });
      row.commit();
    }
    this.about.commit();
    await this.book.commit();
    fixZipDates(this.path);
    return WORKBOOK_FILE;
  }
}
