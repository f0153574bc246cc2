// A CSV file written row by row through fast-csv: RFC 4180 (CRLF, quotes only where needed), UTF-8 without BOM.
// The formatter is drained synchronously after each row into a small buffer written out every 64 KiB, so a
// streamed file never holds more than that in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { format, type CsvFormatterStream } from 'fast-csv';

/** Bytes gathered before one write to disk. */
export const FLUSH_BYTES = 64 * 1024;

/** One CSV row: column name → already formatted text. */
export type CsvRow = Record<string, string>;

/** fast-csv options shared by every file this project writes. */
export function csvOptions(headers: readonly string[]) {
  return {
    headers: [...headers],
    alwaysWriteHeaders: true,
    delimiter: ',',
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
  ) {
    this.fd = openSync(path, 'w');
    this.stream = format<CsvRow, CsvRow>(csvOptions(headers));
    this.stream.on('error', () => undefined); // errors surface through write(); avoid an unhandled 'error' event
  }

  /** Writes one row (keys outside the header are ignored, missing ones are empty); throws after close. */
  write(row: CsvRow): void {
    if (this.closed) throw new Error(`CSV file ${this.path} is already closed`);
    this.stream.write(row);
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

/** Writes a whole table to `path` (header first, rows in the given order); throws the fs error on failure. */
export function writeCsv(path: string, headers: readonly string[], rows: Iterable<CsvRow>): number {
  const file = new CsvFile(path, headers);
  try {
    for (const row of rows) file.write(row);
    file.close();
    return file.rows;
  } catch (err) {
    file.abandon();
    throw err;
  }
}
