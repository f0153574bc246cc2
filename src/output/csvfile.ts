// A CSV file written row by row through fast-csv: RFC 4180 (CRLF, quotes only where needed), UTF-8 without BOM;
// with the comma decimal mark (--decimal comma) ';' separates the fields and ',' is the decimal mark, as a
// spreadsheet set to a comma-decimal locale (Russian, German, French...) reads a CSV file. The formatter is
// drained synchronously after each row into a small buffer written out every 64 KiB, so a streamed file never
// holds more than that in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { format, type CsvFormatterStream } from 'fast-csv';

/** Bytes gathered before one write to disk. */
export const FLUSH_BYTES = 64 * 1024;

/** One CSV row: column name → already formatted text. */
export type CsvRow = Record<string, string>;

/** Receives the rows of one table as they are written to its CSV file ('.' decimals whatever the file's mark). */
export interface RowSink {
  row(row: CsvRow): void;
  /** The table is complete. */
  end(): void;
}

/** Receives every table of a result folder (results.xlsx and report.html are made from the same rows as the CSV files). */
export interface TableSink {
  /** A sink for the rows of `file`, or null when this sink does not want the table. */
  table(file: string, columns: readonly string[]): RowSink | null;
}

/** One sink feeding several (absent ones skipped). */
export function teeSinks(...sinks: ReadonlyArray<TableSink | null | undefined>): TableSink {
  const present = sinks.filter((s): s is TableSink => s !== null && s !== undefined);
  return {
    table(file, columns) {
      const rows = present.map((s) => s.table(file, columns)).filter((r): r is RowSink => r !== null);
      if (rows.length === 0) return null;
      return { row: (r) => rows.forEach((s) => s.row(r)), end: () => rows.forEach((s) => s.end()) };
    },
  };
}

/** The decimal mark of the files: 'point' (the default: ',' between fields, '.' decimals) or 'comma' (';' and ','). */
export type DecimalMark = 'point' | 'comma';

/** The field separator that goes with a decimal mark. */
export function fieldSeparator(decimal: DecimalMark): ',' | ';' {
  return decimal === 'comma' ? ';' : ',';
}

/** A number cell as number.ts writes it (digits, optional sign, '.' decimals); other text is left alone. */
const DECIMAL_NUMBER = /^-?\d+\.\d+$/;

/** `row` with the '.' of every number cell made ','; text cells (ids, dates, formula-safe values) unchanged. */
export function withDecimalComma(row: CsvRow): CsvRow {
  const out: CsvRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = DECIMAL_NUMBER.test(value) ? value.replace('.', ',') : value;
  return out;
}

/** fast-csv options shared by every file this project writes. */
export function csvOptions(headers: readonly string[], decimal: DecimalMark = 'point') {
  return {
    headers: [...headers],
    alwaysWriteHeaders: true,
    delimiter: fieldSeparator(decimal),
    rowDelimiter: '\r\n',
    includeEndRowDelimiter: true,
    quote: '"',
    writeBOM: false,
  };
}

/** A CSV file open for writing; rows go to disk as they are written. */
export class CsvFile {
  private readonly fd: number;
  private readonly stream: CsvFormatterStream<CsvRow, CsvRow>;
  private closed = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  rows = 0;

  /** Creates (or truncates) the file at `path`; throws the fs error when it cannot be opened. */
  constructor(
    readonly path: string,
    readonly headers: readonly string[],
    readonly decimal: DecimalMark = 'point',
  ) {
    this.fd = openSync(path, 'w');
    this.stream = format<CsvRow, CsvRow>(csvOptions(headers, decimal));
    this.stream.on('error', () => undefined); // errors surface through write(); avoid an unhandled 'error' event
  }

  /** Writes one row (keys outside the header are ignored, missing ones are empty); throws after close. */
  write(row: CsvRow): void {
    if (this.closed) throw new Error(`CSV file ${this.path} is already closed`);
    this.stream.write(this.decimal === 'comma' ? withDecimalComma(row) : row);
    this.drain();
    this.rows += 1;
  }

  /** Finishes the file (header even when empty, final CRLF) and closes it; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.stream.end();
      this.drain();
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the descriptor without finishing the file (after a failure; the temp folder is discarded). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream.destroy();
    closeSync(this.fd);
  }

  /** Moves formatted text from fast-csv into the buffer, writing the buffer out when it is full. */
  private drain(): void {
    for (let chunk = this.stream.read() as Buffer | string | null; chunk !== null; chunk = this.stream.read() as Buffer | string | null) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      this.pending.push(buf);
      this.pendingBytes += buf.length;
    }
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const buf = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let offset = 0;
    while (offset < buf.length) offset += writeSync(this.fd, buf, offset);
  }
}

/**
 * Writes a whole table to `path` (header first, rows in the given order), each row also to `sink` when given;
 * throws the fs error on failure.
 */
export function writeCsv(path: string, headers: readonly string[], rows: Iterable<CsvRow>, decimal: DecimalMark = 'point', sink: RowSink | null = null): number {
  const file = new CsvFile(path, headers, decimal);
  try {
    for (const row of rows) {
      file.write(row);
      sink?.row(row);
    }
    file.close();
    sink?.end();
    return file.rows;
  } catch (err) {
    file.abandon();
    throw err;
  }
}
