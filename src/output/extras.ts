// What a result folder holds besides its CSV files and run.json: report.html (src/report/) and results.xlsx
// (workbook.ts), made from the same rows while the CSV files are written into the staging folder, so they are
// part of the atomic result. exceljs, vega and vega-lite are loaded only when one of them is written.
import { ReportTables } from '../report/collect.js';
import type { ReportMeta } from '../report/meta.js';
import { writeReport } from '../report/report.js';
import { teeSinks, type DecimalMark, type TableSink } from './csvfile.js';
import { WorkbookBuilder } from './workbook.js';

/** The output flags of run, compare, sweep and capacity. */
export interface OutputFlags {
  /** false with --no-report. */
  report?: boolean;
  /** false with --no-workbook. */
  workbook?: boolean;
  /** The CSV files' decimal mark (--decimal; default point). */
  decimal?: DecimalMark;
}

/** The report and workbook of one result folder being written. */
export class ResultExtras {
  private constructor(
    private readonly folder: string,
    private readonly book: WorkbookBuilder | null,
    private readonly tables: ReportTables | null,
    readonly decimal: DecimalMark,
  ) {}

  /** Starts the files `flags` ask for in `folder` (the staging folder); throws the fs error. */
  static async open(folder: string, flags: OutputFlags): Promise<ResultExtras> {
    const book = flags.workbook === false ? null : await WorkbookBuilder.open(folder);
    return new ResultExtras(folder, book, flags.report === false ? null : new ReportTables(), flags.decimal ?? 'point');
  }

  /** Where the CSV writers send their rows (null when neither file is written). */
  get sink(): TableSink | null {
    return this.book === null && this.tables === null ? null : teeSinks(this.book, this.tables);
  }

  /** Finishes the workbook and writes the report; returns the file names written. Throws the fs or rendering error. */
  async finish(meta: ReportMeta): Promise<string[]> {
    const files: string[] = [];
    if (this.tables) files.push(await writeReport(this.folder, meta, this.tables));
    if (this.book) {
      files.push(await this.book.close({
        command: meta.command,
        scenarios: meta.scenarios.map((s) => ({ label: s.label, name: s.scenario.name, file: s.file })),
        seed: meta.seed, replications: meta.replications, days: meta.days, warmupDays: meta.warmupDays, version: meta.version,
        decimal: this.decimal, warnings: meta.warnings.map((w) => w.trim()), traced: meta.traced === true,
      }));
    }
    return files;
  }
}
