// `bordersim sweep` in-process: sweep.csv in long format with one column per swept path, row counts, values
// per point; bad --set flags exit 2 naming the flag and the bad value, before anything is written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/commands/program.js';
import { sweepCommand } from '../../src/commands/sweep.js';
import { GROUP_METRICS } from '../../src/model/results.js';
import { argv, context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';
import { DECIDE, FIXTURES } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const SERVERS = 'crossings.road.stages.customs.servers';
const root = mkdtempSync(join(tmpdir(), 'bordersim-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sweepCommand', () => {
  it('writes where the corridors\' traffic went at every point: a longer detour sends fewer the long way', async () => {
    const folder = join(root, 'detours');
    const DETOUR = 'corridors.west-east.crossings.east.detourH';
    await sweepCommand(join(FIXTURES, 'corridor-tiny.yaml'), { set: [`${DETOUR}=0,3,200`], out: folder, replications: 3, quiet: true, report: false, workbook: false }, context().ctx);
    const { headers, rows } = await readCsv(folder, 'sweep-corridors.csv');
    expect(headers).toEqual(['scenario', 'point', DETOUR, 'corridor', 'direction', 'class', 'crossing', 'fixed_route', 'metric', 'unit', 'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max', 'replications']);
    const share = (point: string) => Number(rows.find((r) => r.point === point && r.crossing === 'east' && r.direction === 'south' && r.metric === 'share')!.mean);
    expect(rows.filter((r) => r.point === '2' && r.metric === 'detour_h' && r.crossing === 'east').every((r) => r[DETOUR] === '3' && r.mean === '3.0000')).toBe(true);
    expect(share('1')).toBeGreaterThan(share('2'));
    expect(share('3')).toBe(0);
    // without corridors the file is there with its header only
    const plain = join(root, 'no-corridors');
    await sweepCommand(SMALL, { set: [`${SERVERS}=2,3`], out: plain, replications: 2, days: 3, warmupDays: 1, quiet: true, report: false, workbook: false }, context().ctx);
    expect(readFileSync(join(plain, 'sweep-corridors.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('writes one row per point × group × metric, with the grid values as columns', async () => {
    const folder = join(root, 'grid');
    const { ctx, out } = context();
    const outcome = await sweepCommand(SMALL, { set: [`${SERVERS}=2..3`, 'demand.growth.north=1,1.5'], out: folder, replications: 2, days: 5, warmupDays: 1 }, ctx);
    expect(outcome.files).toEqual(['sweep.csv', 'sweep-corridors.csv', 'report.html', 'results.xlsx', 'run.json']);
    const { headers, rows } = await readCsv(folder, 'sweep.csv');
    expect(headers).toEqual([
      'scenario', 'point', SERVERS, 'demand.growth.north', 'crossing', 'direction', 'class', 'metric', 'unit',
      'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max', 'replications',
    ]);
    const perPoint = rows.filter((r) => r.point === '1').length;
    expect(perPoint % GROUP_METRICS.length).toBe(0);
    expect(rows.length).toBe(4 * perPoint);
    expect([...new Set(rows.map((r) => `${r.point}:${r[SERVERS]}:${r['demand.growth.north']}`))]).toEqual(['1:2:1', '2:2:1.5', '3:3:1', '4:3:1.5']);
    // demand.growth.north = 1.5 raises northbound truck arrivals; servers do not change arrivals (CRN)
    const arrivals = (point: string) => Number(rows.find((r) => r.point === point && r.crossing === 'road' && r.direction === 'north' && r.class === 'truck' && r.metric === 'arrivals')!.mean);
    expect(arrivals('2')).toBeGreaterThan(1.3 * arrivals('1'));
    expect(arrivals('3')).toBe(arrivals('1'));
    expect(arrivals('4')).toBe(arrivals('2'));
    for (const r of rows) if (r.mean !== '' && r.ci95_low !== '') expect(Number(r.ci95_low)).toBeLessThanOrEqual(Number(r.mean));
    expect(out.join('')).toMatch(/^point\s+crossings\.road\.stages\.customs\.servers\s+demand\.growth\.north\s+road wait h\s+rail wait h$/m);
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ command: 'sweep', points: 4, grid: [{ path: SERVERS, values: [2, 3] }, { path: 'demand.growth.north', values: [1, 1.5] }] });
  });
});

describe('sweep table and warnings', () => {
  it('shows the chosen class and direction, leaving out crossings without it', async () => {
    const { ctx, out } = context();
    await sweepCommand(SMALL, { set: [`${SERVERS}=1,2`], class: 'truck', direction: 'north', out: join(root, 'trucks'), replications: 2, days: 4, warmupDays: 1 }, ctx);
    const text = out.join('');
    expect(text).toContain('mean approach wait per grid point (trucks, northbound):');
    expect(text).toMatch(/^point\s+crossings\.road\.stages\.customs\.servers\s+road wait h$/m);
  });

  it('names the points whose crossings end the run unstable, in run.json and on stderr', async () => {
    const { ctx, err } = context();
    const folder = join(root, 'overload');
    // one customs lane for 110 trucks a day at 20 min: 153% busy, the queue grows all run (a third of the
    // trucks, ten days of arrivals, still there after 29 days)
    await sweepCommand(SMALL, { set: [`${SERVERS}=1,4`], out: folder, replications: 2, days: 30, warmupDays: 1, quiet: true }, ctx);
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { warnings: Array<Record<string, unknown>> };
    expect(info.warnings.map((w) => [w.scenario, w.check, w.crossing])).toEqual([['decide-small point 1', 'unstable', 'road']]);
    expect(err.join('')).toMatch(/^warning: decide-small point 1, road: unstable: road trucks: /m);
  });
});

describe('bordersim sweep exit codes', () => {
  it.each([
    [[], /sweep needs at least one --set/],
    [['--set', `${SERVERS}=2.5`], new RegExp(`invalid scenario\\n--set ${SERVERS.replace(/\./g, '\\.')}=2\\.5 crossings\\[0\\]\\.stages\\[1\\]\\.servers: expected a positive integer, got 2\\.5`)],
    [['--set', 'crossings.road.stages.xray.servers=1,2'], /--set crossings\.road\.stages\.xray\.servers=1 .*no id "xray" in crossings\.road\.stages \(known: passport, customs\)/],
    [['--set', 'demand.growth.south=1..2:0.3'], /bordersim: --set demand\.growth\.south=1\.\.2:0\.3: range 1\.\.2 is not a whole number of steps of 0\.3/],
    [['--set', `${SERVERS}`], /--set crossings\.road\.stages\.customs\.servers: expected <path>=<values>/],
    [['--set', `${SERVERS}=1`, '--set', `${SERVERS}=2`], /path crossings\.road\.stages\.customs\.servers is set twice/],
    [['--set', `${SERVERS}=1`, '--class', 'van'], /option '--class <c>' argument 'van' is invalid\. expected one of truck, car, train, freight, all/],
    [['--set', `${SERVERS}=1`, '--direction', 'west'], /option '--direction <d>' argument 'west' is invalid\. expected one of south, north, all/],
  ])('%j exits 2 naming the flag, and writes nothing', async (flags, message) => {
    const out = join(root, 'bad');
    const { ctx, err } = context();
    expect(await runProgram(argv('sweep', SMALL, ...flags, '--out', out, '-r', '1', '-d', '2', '-w', '0'), ctx)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
