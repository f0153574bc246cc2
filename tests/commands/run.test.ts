// runCommand in-process: atomic replacement on failure and interrupt, streamed trace, progress display, flags.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/context.js';
import { resolveRunOptions, runCommand } from '../../src/commands/run.js';
import type { ReplicationRunner } from '../../src/experiment/runner/experiment.js';
import { runReplication } from '../../src/model/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-cmd-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const failingAt = (replication: number): ReplicationRunner => (scenario, o) => {
  if (o.replication === replication) throw new Error(`model broke in replication ${replication}`);
  return runReplication(scenario, o);
};

describe('runCommand', () => {
  it('writes the rows of crossings outside any corridor byte for byte as without the network', async () => {
    // cli-tiny-network.yaml is cli-tiny.yaml (same id and seed) plus two crossings joined by a least-time corridor
    const lines = (folder: string, file: string): string[] => readFileSync(join(folder, file), 'utf8').split('\n').filter((l) => /,(testroad|testrail),/.test(l));
    const own = mkdtempSync(join(tmpdir(), 'bordersim-cmd-run-net-'));
    const [alone, linked] = [join(own, 'alone'), join(own, 'linked')];
    await runCommand(TINY, { out: alone, replications: 2, quiet: true, report: false, workbook: false }, context().ctx);
    await runCommand(join(FIXTURES, 'cli-tiny-network.yaml'), { out: linked, replications: 2, quiet: true, report: false, workbook: false }, context().ctx);
    for (const file of ['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'monthly.csv', 'hourly.csv']) {
      expect(lines(alone, file).length, file).toBeGreaterThan(0);
      expect(lines(linked, file), file).toEqual(lines(alone, file));
    }
    // …while the corridor's crossings are really there and share its traffic
    expect(readFileSync(join(linked, 'summary.csv'), 'utf8')).toMatch(/,east-b,all,all,true,diverted_in,vehicles,[1-9]/);
    rmSync(own, { recursive: true, force: true });
  });

  const dest = join(root, 'res');

  it('runs the real model and moves a complete folder into place', async () => {
    const { ctx, out, err } = context();
    const outcome = await runCommand(TINY, { out: dest, replications: 2, trace: true }, ctx);
    expect(readdirSync(dest).sort()).toEqual(['corridors.csv', 'daily.csv', 'hourly.csv', 'monthly.csv', 'replications.csv', 'report.html', 'results.xlsx', 'run.json', 'stages.csv', 'summary.csv', 'vehicles.csv']);
    expect(outcome.files).toEqual(['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'monthly.csv', 'hourly.csv', 'corridors.csv', 'vehicles.csv', 'report.html', 'results.xlsx', 'run.json']);
    expect(err.join('')).toMatch(/^running 2 replications\nreplication 1\/2 done, .*\nreplication 2\/2 done/);
    expect(out.join('')).toMatch(/cli-tiny: 2 replications × 3 days, seed 11/);
    expect(readdirSync(root)).toEqual(['res']);
  });

  it('streams one vehicles.csv row per vehicle the model reports', async () => {
    let reported = 0;
    const counting: ReplicationRunner = (s, o) => runReplication(s, { ...o, onVehicle: (t) => (reported++, o.onVehicle?.(t)) });
    const folder = join(root, 'traced');
    const outcome = await runCommand(TINY, { out: folder, replications: 2, trace: true, quiet: true }, context().ctx, counting);
    expect((await readCsv(folder, 'vehicles.csv')).rows.length).toBe(reported);
    // every vehicle that arrived is in the trace: arrivals after warm-up (0) summed over replications
    expect(reported).toBe(outcome.results.vehicles);
    rmSync(folder, { recursive: true });
  });

  it('keeps the previous results and leaves no temp folder when the model fails mid-run', async () => {
    const before = readFileSync(join(dest, 'summary.csv'));
    await expect(runCommand(TINY, { out: dest, replications: 3, trace: true, quiet: true }, context().ctx, failingAt(2))).rejects.toThrow(/model broke/);
    expect(readFileSync(join(dest, 'summary.csv')).equals(before)).toBe(true);
    expect(existsSync(join(dest, 'vehicles.csv'))).toBe(true);
    expect(readdirSync(root)).toEqual(['res']);
  });

  it('keeps the previous results when interrupted between replications', async () => {
    const before = readFileSync(join(dest, 'run.json'), 'utf8');
    const interrupt = new AbortController();
    const stopping: ReplicationRunner = (s, o) => (interrupt.abort(new Error('interrupted')), runReplication(s, o));
    await expect(runCommand(TINY, { out: dest, quiet: true }, context({ signal: interrupt.signal }).ctx, stopping)).rejects.toThrow(/interrupted/);
    expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe(before);
    expect(readdirSync(root)).toEqual(['res']);
  });

  it('draws a progress bar when stderr is a terminal', async () => {
    const chunks: string[] = [];
    const tty = Object.assign(new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }), { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    await runCommand(TINY, { out: join(root, 'bar'), replications: 2 }, context({ progressStream: tty }).ctx);
    expect(chunks.join('')).toMatch(/replications .* 2\/2 \| [\d.]+[kM]? events\/s/);
    rmSync(join(root, 'bar'), { recursive: true });
  });

  it('names an overloaded crossing unstable on stderr and in run.json, even with --quiet', async () => {
    const { ctx, err } = context();
    const folder = join(root, 'overloaded');
    const outcome = await runCommand(join(FIXTURES, 'cli-overloaded.yaml'), { out: folder, replications: 2, quiet: true }, ctx);
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { warnings: Array<Record<string, unknown>> };
    expect(info.warnings.map((w) => [w.replication, w.check, w.crossing])).toEqual([[null, 'unstable', 'testroad']]);
    expect(outcome.info.warnings).toEqual(info.warnings);
    expect(err.join('')).toMatch(/^warning: testroad: unstable: testroad trucks: [\d.]+ vehicles still in the system at the end, 9\d% of the/m);
    rmSync(folder, { recursive: true });
  });

  it('shows the chosen class and direction in the end-of-run table', async () => {
    const { ctx, out: stdout } = context();
    await runCommand(TINY, { out: join(root, 'trucks'), replications: 2, class: 'truck', direction: 'south' }, ctx);
    const out = stdout.join('');
    expect(out).toContain('(trucks, southbound only):');
    expect(out).toMatch(/^testroad\s+truck\s/m);
    expect(out).not.toMatch(/^testroad\s+car\s/m);
    expect(out).toContain('(no trucks, southbound at testrail)');
    expect(JSON.parse(readFileSync(join(root, 'trucks', 'run.json'), 'utf8')).warnings).toEqual([]);
    rmSync(join(root, 'trucks'), { recursive: true });
  });

  it('writes cars in vehicles.csv with cargo none', async () => {
    const folder = join(root, 'cars');
    await runCommand(TINY, { out: folder, replications: 1, trace: true, quiet: true }, context().ctx);
    const { rows } = await readCsv(folder, 'vehicles.csv');
    const cargo = (cls: string): string[] => [...new Set(rows.filter((r) => r.class === cls).map((r) => r.cargo!))].sort();
    expect(cargo('car')).toEqual(['none']);
    expect(cargo('truck')).toEqual(['empty', 'loaded']);
    rmSync(folder, { recursive: true });
  });

  it('prints nothing on stdout or stderr with --quiet', async () => {
    const { ctx, out, err } = context();
    await runCommand(TINY, { out: join(root, 'quiet'), replications: 1, quiet: true }, ctx);
    expect([out, err]).toEqual([[], []]);
    rmSync(join(root, 'quiet'), { recursive: true });
  });
});

describe('runCommand --from/--to', () => {
  it('reports only the dates asked for: daily rows, months and run.json cover the period', async () => {
    const out = join(root, 'period');
    const outcome = await runCommand(TINY, { out, replications: 1, from: '2023-06-30', to: '2023-07-02', quiet: true }, context().ctx);
    expect(outcome.info).toMatchObject({ days: 28, warmupDays: 25 });
    const daily = (await readCsv(out, 'daily.csv')).rows.map((r) => r.date);
    expect([...new Set(daily)]).toEqual(['2023-06-30', '2023-07-01', '2023-07-02']);
    const months = (await readCsv(out, 'monthly.csv')).rows.map((r) => r.month);
    expect([...new Set(months)]).toEqual(['2023-06', '2023-07']);
  });
});

describe('resolveRunOptions', () => {
  const scenario = loadScenario(TINY);
  it.each([
    [{}, { days: 3, warmupDays: 0, replications: 3, seed: 11 }],
    [{ days: 10, warmupDays: 2, replications: 5, seed: -4 }, { days: 10, warmupDays: 2, replications: 5, seed: -4 }],
  ])('takes flags %j over the scenario', (flags, expected) => {
    expect(resolveRunOptions(scenario, flags)).toEqual(expected);
  });

  it.each([
    [{ days: 2, warmupDays: 2 }, /warm-up \(2 days, from --warmup-days\) must be shorter than the run \(2 days, from --days\)/],
    [{ warmupDays: 5 }, /from --warmup-days.*\(3 days, from the scenario\)/],
  ])('rejects %j with a UsageError naming the flags', (flags, message) => {
    expect(() => resolveRunOptions(scenario, flags)).toThrow(UsageError);
    expect(() => resolveRunOptions(scenario, flags)).toThrow(message);
  });

  it('turns --from/--to into the warm-up and the run length: statistics cover exactly those dates', () => {
    const start = scenario.startDate;
    const day = (n: number): string => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(resolveRunOptions(scenario, { from: day(40), to: day(70) })).toMatchObject({ warmupDays: 40, days: 71 });
    expect(resolveRunOptions(scenario, { to: day(1) })).toMatchObject({ warmupDays: 0, days: 2 });
    expect(resolveRunOptions(scenario, { from: day(1), days: 3 })).toMatchObject({ warmupDays: 1, days: 3 });
    expect(resolveRunOptions(scenario, { from: start, to: start })).toMatchObject({ warmupDays: 0, days: 1 });
  });

  it.each([
    [{ from: '2023-02-30' }, /--from must be a date YYYY-MM-DD, got "2023-02-30"/],
    [{ to: '1999-01-01' }, /--to 1999-01-01 is before the scenario's start date/],
    [{ from: '2099-01-01' }, /--from 2099-01-01 is after the run's last day/],
    [{ from: 'x', warmupDays: 1 }, /give --from or --warmup-days, not both/],
    [{ to: 'x', days: 3 }, /give --to or --days, not both/],
  ])('rejects period flags %j with a UsageError', (flags, message) => {
    expect(() => resolveRunOptions(scenario, flags)).toThrow(message);
  });

  it('rejects --to before --from', () => {
    const d = (n: number): string => new Date(Date.parse(`${scenario.startDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(() => resolveRunOptions(scenario, { from: d(5), to: d(4) })).toThrow(/--to .* is before --from/);
  });

  it('rejects --days that would run past 9999-12-31 from the scenario\'s start date', () => {
    const late = { ...scenario, startDate: '9999-12-01' };
    expect(resolveRunOptions(late, { days: 31 }).days).toBe(31);
    expect(() => resolveRunOptions(late, { days: 32 })).toThrow(/a run of 32 days from 9999-12-01 \(--days\) would go past 9999-12-31/);
  });
});
