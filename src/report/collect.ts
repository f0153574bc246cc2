// The rows report.html is drawn from: the same rows as the CSV files (taken while they are written, with '.'
// decimals), only those of the files and metrics the charts and tables show, so a long run keeps little.
import type { CsvRow, RowSink, TableSink } from '../output/csvfile.js';

/** Metrics of summary.csv the report shows (key table, decomposition, map). */
const SUMMARY_METRICS = new Set([
  'tonnes', 'completed', 'approach_wait_h_mean', 'approach_wait_h_p95', 'wait_closed_h_mean', 'wait_zone_full_h_mean', 'wait_stages_h_mean',
]);
/** compare.csv's metrics the report shows (those of compare's terminal table). */
export const COMPARE_METRICS = ['approach_wait_h_mean', 'approach_queue_mean', 'completed'] as const;

const byMetric = (metrics: ReadonlySet<string>) => (r: CsvRow): boolean => metrics.has(r.metric ?? '');
const periodWait = (r: CsvRow): boolean => r.metric === 'approach_wait_h_mean' && r.direction === 'all' && r.class !== 'all';

/** Which rows of each file the report keeps. */
const KEEP: Record<string, (r: CsvRow) => boolean> = {
  'summary.csv': byMetric(SUMMARY_METRICS),
  'stages.csv': byMetric(new Set(['utilisation', 'served'])),
  'monthly.csv': periodWait,
  'hourly.csv': periodWait,
  'corridors.csv': () => true,
  'compare.csv': byMetric(new Set(COMPARE_METRICS)),
  'compare-corridors.csv': byMetric(new Set(['share', 'vehicles'])),
  'sweep.csv': byMetric(new Set(['approach_wait_h_mean'])),
  'capacity.csv': () => true,
  'capacity-steps.csv': () => true,
};

/** A TableSink keeping the report's rows by file. */
export class ReportTables implements TableSink {
  private readonly rows = new Map<string, CsvRow[]>();
  /** Columns of each file seen (sweep.csv's swept paths are among them). */
  private readonly columns = new Map<string, readonly string[]>();

  table(file: string, columns: readonly string[]): RowSink | null {
    const keep = KEEP[file];
    if (!keep) return null;
    const rows: CsvRow[] = [];
    this.rows.set(file, rows);
    this.columns.set(file, columns);
    return { row: (r) => void (keep(r) && rows.push(r)), end: () => undefined };
  }

  /** The kept rows of `file` (none when it was not written). */
  get(file: string): readonly CsvRow[] {
    return this.rows.get(file) ?? [];
  }

  /** The columns of `file` (none when it was not written). */
  columnsOf(file: string): readonly string[] {
    return this.columns.get(file) ?? [];
  }
}

/** A CSV number cell as a number; null for an empty or non-numeric cell. */
export function num(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
