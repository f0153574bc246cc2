// `bordersim run` as a user runs it: a child process on a tiny scenario, the files read back with fast-csv.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_METRICS } from '../../src/model/results.js';
import { buildCli, runCliAll, type CliRun } from './harness.js';
import { readCsv } from '../helpers/csv.js';
import { FIXTURES, REPO } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const CSV_FILES = ['corridors.csv', 'daily.csv', 'hourly.csv', 'monthly.csv', 'replications.csv', 'stages.csv', 'summary.csv'];
const COUNT_METRICS = ['arrivals', 'completed', 'in_system_end', 'turned_away', 'tonnes', 'railcars'];

let cwd = '';
let cli = '';
let runs: Record<'a' | 'b' | 'c' | 'd', CliRun>;

beforeAll(async () => {
  cli = buildCli();
  cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-run-'));
  const [a, b, c, d] = await runCliAll(
    cli,
    [
      ['run', TINY, '--quiet', '--out', 'a'],
      ['run', TINY, '--quiet', '--out', 'b'],
      ['run', TINY, '--quiet', '--out', 'c', '--seed', '12'],
      ['run', TINY, '--replications', '1', '--days', '2', '--trace'],
    ],
    cwd,
  );
  runs = { a: a!, b: b!, c: c!, d: d! };
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('bordersim run', () => {
  it('exits 0 and writes the result files, nothing else, no temp folders left', () => {
    for (const r of Object.values(runs)) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'a')).sort()).toEqual([...CSV_FILES, 'report.html', 'results.xlsx', 'run.json'].sort());
    expect(readdirSync(cwd).sort()).toEqual(['a', 'b', 'c', 'output']);
    expect(readdirSync(join(cwd, 'output'))).toEqual(['cli-tiny']);
    expect(readdirSync(join(cwd, 'output', 'cli-tiny')).sort()).toEqual([...CSV_FILES, 'report.html', 'results.xlsx', 'run.json', 'vehicles.csv'].sort());
  });

  it('is quiet with --quiet, and otherwise prints progress lines on stderr and a summary on stdout', () => {
    expect(runs.a.stdout).toBe('');
    expect(runs.a.stderr).toBe('');
    expect(runs.d.stderr).toMatch(/replication 1\/1 done, [\d.]+[kM]? events\/s/);
    expect(runs.d.stdout).toMatch(/testroad/);
    expect(runs.d.stdout).toMatch(/testrail/);
    expect(runs.d.stdout).toContain(`results in ${join('output', 'cli-tiny')}/`);
  });

  it('writes the documented headers', async () => {
    const heads = await Promise.all(CSV_FILES.map(async (f) => [f, (await readCsv(join(cwd, 'a'), f)).headers.join(',')]));
    expect(Object.fromEntries(heads)).toEqual({
      'summary.csv': 'scenario,crossing,direction,class,total,metric,unit,mean,sd,ci95_low,ci95_high,min,max,replications',
      'replications.csv': 'scenario,replication,crossing,direction,class,total,metric,unit,value',
      'stages.csv': 'scenario,crossing,stage,directions,bottleneck,metric,unit,mean,sd,ci95_low,ci95_high,min,max,replications',
      'daily.csv': 'scenario,date,crossing,direction,class,replications,arrivals,completed,tonnes,railcars,approach_queue_mean,approach_queue_max,approach_wait_h_mean,entered,approach_wait_vehicle_h,diverted_in,diverted_out',
      'monthly.csv': 'scenario,month,crossing,direction,class,total,metric,unit,mean,sd,ci95_low,ci95_high,min,max,replications',
      'hourly.csv': 'scenario,hour,crossing,direction,class,total,metric,unit,mean,sd,ci95_low,ci95_high,min,max,replications',
      'corridors.csv': 'scenario,corridor,direction,class,crossing,fixed_route,metric,unit,mean,sd,ci95_low,ci95_high,min,max,replications',
    });
    const trace = await readCsv(join(cwd, 'output', 'cli-tiny'), 'vehicles.csv');
    expect(trace.headers[0]).toBe('scenario');
    expect(trace.rows.length).toBeGreaterThan(10);
  });

  it('has one summary row per group × metric, R rows per summary row, one daily row per date × group', async () => {
    const summary = (await readCsv(join(cwd, 'a'), 'summary.csv')).rows;
    const reps = (await readCsv(join(cwd, 'a'), 'replications.csv')).rows;
    const daily = (await readCsv(join(cwd, 'a'), 'daily.csv')).rows;
    const groups = new Set(summary.map((r) => `${r.crossing}/${r.direction}/${r.class}`));
    // testroad: south/truck, north/truck, north/car + south/all, north/all, all/truck, all/car, all/all; testrail: south/train, south/all, all/train, all/all
    expect(groups.size).toBe(8 + 4);
    expect(summary).toHaveLength(groups.size * GROUP_METRICS.length);
    expect(reps).toHaveLength(3 * summary.length);
    expect(new Set(daily.map((r) => r.date))).toEqual(new Set(['2023-06-05', '2023-06-06', '2023-06-07']));
    expect(daily).toHaveLength(3 * 4);
    // Every defined metric has its 3 replications; the booking waits are not defined where nobody books (empty cells).
    expect(summary.every((r) => r.scenario === 'cli-tiny' && (r.replications === '3' || ((r.metric ?? '').startsWith('booking_wait') && r.mean === '')))).toBe(true);
    expect(summary.filter((r) => r.replications !== '3').length).toBe(groups.size * 2);
  });

  it('writes numbers that parse, with the CI around the mean and min ≤ mean ≤ max', async () => {
    const summary = (await readCsv(join(cwd, 'a'), 'summary.csv')).rows;
    for (const r of summary) {
      const [mean, low, high, min, max, sd] = [r.mean, r.ci95_low, r.ci95_high, r.min, r.max, r.sd].map(Number) as number[];
      for (const v of [mean, low, high, min, max, sd]) expect(Number.isFinite(v)).toBe(true);
      expect(sd).toBeGreaterThanOrEqual(0);
      expect(low).toBeLessThanOrEqual(mean!);
      expect(high).toBeGreaterThanOrEqual(mean!);
      expect(min).toBeLessThanOrEqual(mean! + 1e-4);
      expect(max).toBeGreaterThanOrEqual(mean! - 1e-4);
    }
    const arrivals = summary.find((r) => r.crossing === 'testroad' && r.direction === 'all' && r.class === 'all' && r.metric === 'arrivals');
    expect(Number(arrivals?.mean)).toBeGreaterThan(0);
  });

  it("totals ('all' rows) equal the sum of their parts for counts, in every replication", async () => {
    const reps = (await readCsv(join(cwd, 'a'), 'replications.csv')).rows;
    const value = new Map(reps.map((r) => [`${r.replication}/${r.crossing}/${r.direction}/${r.class}/${r.metric}`, Number(r.value)]));
    let checked = 0;
    for (const r of reps) {
      if (!COUNT_METRICS.includes(r.metric!) || (r.direction !== 'all' && r.class !== 'all')) continue;
      const parts = reps.filter(
        (p) => p.replication === r.replication && p.crossing === r.crossing && p.metric === r.metric && p.direction !== 'all' && p.class !== 'all' &&
          (r.direction === 'all' || p.direction === r.direction) && (r.class === 'all' || p.class === r.class),
      );
      expect(parts.length).toBeGreaterThan(0);
      const sum = parts.reduce((s, p) => s + Number(p.value), 0);
      expect(Math.abs(sum - value.get(`${r.replication}/${r.crossing}/${r.direction}/${r.class}/${r.metric}`)!)).toBeLessThan(1e-3);
      checked++;
    }
    expect(checked).toBe(3 * 6 * (5 + 3));
  });

  it('writes byte-identical CSV files for the same scenario and seed, different ones for another seed', () => {
    for (const f of CSV_FILES) {
      expect(readFileSync(join(cwd, 'b', f)).equals(readFileSync(join(cwd, 'a', f))), f).toBe(true);
    }
    expect(readFileSync(join(cwd, 'c', 'replications.csv')).equals(readFileSync(join(cwd, 'a', 'replications.csv')))).toBe(false);
  });

  it('records the run in run.json', () => {
    const info = JSON.parse(readFileSync(join(cwd, 'a', 'run.json'), 'utf8')) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(info).toMatchObject({
      tool: 'bordersim', version: pkg.version, seed: 11, replications: 3, days: 3, warmupDays: 0, trace: false,
      commandLine: ['bordersim', 'run', TINY, '--quiet', '--out', 'a'], warnings: [],
    });
    expect((info.scenario as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    const infoC = JSON.parse(readFileSync(join(cwd, 'c', 'run.json'), 'utf8')) as { seed: number; scenario: { sha256: string } };
    expect(infoC.seed).toBe(12);
    expect(infoC.scenario.sha256).toBe((info.scenario as { sha256: string }).sha256);
    expect(info.wallS).toBeTypeOf('number');
  });
});
