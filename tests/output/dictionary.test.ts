// The data dictionary (output/README.md) against the code: every column of every CSV file the commands write
// must be a name in a table of that file's section, so a new column without documentation fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPACITY_COLUMNS, STEP_COLUMNS } from '../../src/commands/capacity.js';
import { COMPARE_COLUMNS, COMPARE_CORRIDOR_COLUMNS } from '../../src/commands/compare.js';
import { sweepColumns, sweepCorridorColumns } from '../../src/commands/sweep.js';
import { STAGE_METRICS } from '../../src/experiment/statistics/collect.js';
import { columnMeaning } from '../../src/output/dictionary.js';
import { CORRIDOR_METRICS, GROUP_METRICS, HOURLY_METRICS, MONTHLY_METRICS } from '../../src/model/results.js';
import {
  CORRIDOR_COLUMNS, DAILY_COLUMNS, HOURLY_COLUMNS, MONTHLY_COLUMNS, REPLICATION_COLUMNS, STAGE_COLUMNS, SUMMARY_COLUMNS, VEHICLE_COLUMNS,
} from '../../src/output/tables.js';

const README = readFileSync(new URL('../../output/README.md', import.meta.url), 'utf8');
const SOURCE_DIRS = ['output', 'experiment/runner', 'experiment/statistics', 'experiment/studies', 'commands'];

/** Each CSV file, the columns the code writes, and the heading its section starts with. */
const FILES: Array<{ file: string; columns: readonly string[] }> = [
  { file: 'summary.csv', columns: SUMMARY_COLUMNS },
  { file: 'replications.csv', columns: REPLICATION_COLUMNS },
  { file: 'stages.csv', columns: STAGE_COLUMNS },
  { file: 'daily.csv', columns: DAILY_COLUMNS },
  { file: 'monthly.csv', columns: MONTHLY_COLUMNS },
  { file: 'hourly.csv', columns: HOURLY_COLUMNS },
  { file: 'corridors.csv', columns: CORRIDOR_COLUMNS },
  { file: 'vehicles.csv', columns: VEHICLE_COLUMNS },
  { file: 'compare.csv', columns: COMPARE_COLUMNS },
  { file: 'compare-corridors.csv', columns: COMPARE_CORRIDOR_COLUMNS },
  // The fixed columns; the per-path columns are named by the user's --set paths.
  { file: 'sweep.csv', columns: sweepColumns([]) },
  { file: 'sweep-corridors.csv', columns: sweepCorridorColumns([]) },
  { file: 'capacity.csv', columns: CAPACITY_COLUMNS },
  { file: 'capacity-steps.csv', columns: STEP_COLUMNS },
];

/** Level-2 sections of a markdown text: heading text → body (subsections included). */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl).trim(), part.slice(nl + 1));
  }
  return out;
}

/** Backquoted names in the first cell of every table row (header and separator rows hold none). */
function tableNames(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return names;
}

/** The section whose heading starts with the file name in backquotes; throws when there is none. */
function sectionOf(file: string): string {
  const hits = [...sections(README)].filter(([heading]) => heading.startsWith(`\`${file}\``));
  if (hits.length !== 1) throw new Error(`output/README.md: expected one "## \`${file}\`" section, found ${hits.length}`);
  return hits[0]![1];
}

/** Every exported `*_COLUMNS` array of the modules in src/output, src/experiment (its runner, statistics and studies) and src/commands. */
async function columnConstants(): Promise<Array<{ name: string; columns: readonly string[] }>> {
  const found: Array<{ name: string; columns: readonly string[] }> = [];
  for (const dir of SOURCE_DIRS) {
    const url = new URL(`../../src/${dir}/`, import.meta.url);
    for (const file of readdirSync(url).filter((f) => f.endsWith('.ts')).sort()) {
      const mod = (await import(new URL(file, url).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (name.endsWith('_COLUMNS') && Array.isArray(value)) found.push({ name: `${dir}/${file}:${name}`, columns: value as string[] });
      }
    }
  }
  return found;
}

describe('data dictionary (output/README.md)', () => {
  it.each(FILES)('defines every column of $file in its section', ({ file, columns }) => {
    const documented = tableNames(sectionOf(file));
    expect(columns.filter((c) => !documented.has(c)), `columns of ${file} missing from its section`).toEqual([]);
  });

  it.each([
    { where: 'Metrics of crossing groups', metrics: GROUP_METRICS },
    { where: '`stages.csv`', metrics: STAGE_METRICS },
    { where: '`monthly.csv`', metrics: MONTHLY_METRICS },
    { where: '`hourly.csv`', metrics: HOURLY_METRICS },
    { where: '`corridors.csv`', metrics: CORRIDOR_METRICS },
  ])('defines every metric of $where', ({ where, metrics }) => {
    const body = [...sections(README)].find(([heading]) => heading.startsWith(where))?.[1] ?? '';
    // A metric documented as a family (`approach_wait_h_p50` / `_p90`) counts by its suffix.
    const names = [...tableNames(body)];
    const documented = (m: string): boolean => names.some((n) => n === m || (n.startsWith('_') && m.endsWith(n)));
    expect(metrics.filter((m) => !documented(m))).toEqual([]);
  });

  it('maps every exported *_COLUMNS constant to a documented file', async () => {
    const constants = await columnConstants();
    // Guards the discovery itself: the constants imported above must be among those found (the two sweep files'
    // columns come from functions, sweepColumns and sweepCorridorColumns).
    expect(constants.length).toBeGreaterThanOrEqual(FILES.length - 2);
    const everywhere = tableNames(README);
    for (const { name, columns } of constants) {
      expect(columns.filter((c) => !everywhere.has(c)), `${name}: columns missing from every table`).toEqual([]);
      expect(FILES.some((f) => f.columns === columns), `${name}: add its file to FILES in this test and a section to the README`).toBe(true);
    }
  });

  it.each([
    ['| `a`, `b` | x |', ['a', 'b']],
    ['| `p50` / `_p90` | h | `not_a_name` |', ['p50', '_p90']],
    ['|---|---|', []],
    ['text with `c`', []],
  ])('reads names from the first cell of %s', (line, names) => {
    expect([...tableNames(line)]).toEqual(names);
  });
});

describe('the column meanings of results.xlsx (src/output/dictionary.ts)', () => {
  it.each(FILES)('has a one-line meaning for every column of $file', ({ file, columns }) => {
    expect(columns.filter((c) => columnMeaning(file, c) === null)).toEqual([]);
  });

  it('names a swept path as one, and knows no column of a file it has not heard of', () => {
    expect(columnMeaning('sweep.csv', 'demand.growth.south')).toMatch(/swept path demand\.growth\.south/);
    expect(columnMeaning('other.csv', 'base_mean')).toBeNull();
  });
});
