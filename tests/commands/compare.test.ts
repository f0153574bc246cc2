// `bordersim compare` in-process: compare.csv read back (columns, rows, zeros against itself, paired CI
// around the difference), the terminal table, run.json, and exit 2 for bad input.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPARE_COLUMNS, COMPARE_CORRIDOR_COLUMNS, compareCommand } from '../../src/commands/compare.js';
import { runProgram } from '../../src/commands/program.js';
import { CORRIDOR_METRICS, GROUP_METRICS } from '../../src/model/results.js';
import { CORRIDOR_COLUMNS } from '../../src/output/tables.js';
import { argv, context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';
import { DECIDE, FIXTURES } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const PLAN = join(DECIDE, 'small-plan.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-compare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('compareCommand', () => {
  it('writes compare.csv with one row per plan × group × metric and a paired CI around each difference', async () => {
    const folder = join(root, 'plans');
    const { ctx, out } = context();
    const outcome = await compareCommand(SMALL, [PLAN, SMALL], { out: folder, replications: 3, days: 6, warmupDays: 1 }, ctx);
    expect(outcome.files).toEqual(['compare.csv', 'compare-corridors.csv', 'summary.csv', 'corridors.csv', 'report.html', 'results.xlsx', 'run.json']);
    // no corridors: the corridor files hold only their headers
    expect((await readCsv(folder, 'compare-corridors.csv')).rows).toEqual([]);
    expect((await readCsv(folder, 'corridors.csv')).headers).toEqual([...CORRIDOR_COLUMNS]);
    expect(outcome.corridorRows).toEqual([]);
    const { headers, rows } = await readCsv(folder, 'compare.csv');
    expect(headers).toEqual([...COMPARE_COLUMNS]);
    const groups = new Set(rows.map((r) => `${r.crossing}/${r.direction}/${r.class}`));
    expect(rows.length).toBe(2 * groups.size * GROUP_METRICS.length);
    expect(new Set(rows.map((r) => r.plan))).toEqual(new Set(['decide-small-plan', `decide-small@${SMALL}`]));
    for (const r of rows) {
      expect(r.base).toBe('decide-small');
      expect(['true', 'false']).toContain(r.significant);
      if (r.difference === '') continue;
      const [d, lo, hi] = [Number(r.difference), Number(r.diff_ci95_low), Number(r.diff_ci95_high)];
      expect(lo).toBeLessThanOrEqual(d);
      expect(hi).toBeGreaterThanOrEqual(d);
      expect(r.significant).toBe(String(lo > 0 || hi < 0));
      // difference = plan − base (to the printed precision, when no replication is missing)
      if (r.replications === '3') expect(d).toBeCloseTo(Number(r.plan_mean) - Number(r.base_mean), 3);
    }
    // the base compared with itself: every difference is exactly zero
    for (const r of rows.filter((x) => (x.plan ?? '').startsWith('decide-small@') && x.difference !== '')) {
      expect([r.difference, r.diff_ci95_low, r.diff_ci95_high, r.significant]).toEqual(['0.0000', '0.0000', '0.0000', 'false']);
    }
    // the table names both plans and the crossings
    const text = out.join('');
    expect(text).toMatch(/^decide-small-plan vs decide-small, all classes, all directions \(3 paired replications/m);
    expect(text).toMatch(/^road\s+\d/m);
    // the plan changes only the road crossing: rail is listed as unchanged, and so is everything for the self-comparison
    expect(text).toMatch(/^decide-small-plan vs[^]*^unchanged \(identical in every replication\): rail$/m);
    expect(text).toMatch(/^decide-small@.* vs decide-small, .*\nunchanged \(identical in every replication\): road, rail$/m);
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ tool: 'bordersim', command: 'compare', seed: 3, replications: 3, days: 6, warmupDays: 1 });
    expect((info.scenarios as unknown[]).length).toBe(3);
    const summary = await readCsv(folder, 'summary.csv');
    expect(new Set(summary.rows.map((r) => r.scenario)).size).toBe(3);
  });

  it('gives byte-identical compare.csv on a rerun', async () => {
    const a = join(root, 'again-a');
    const b = join(root, 'again-b');
    await compareCommand(SMALL, [PLAN], { out: a, replications: 2, days: 4, warmupDays: 0, quiet: true }, context().ctx);
    await compareCommand(SMALL, [PLAN], { out: b, replications: 2, days: 4, warmupDays: 0, quiet: true }, context().ctx);
    expect(readFileSync(join(a, 'compare.csv'), 'utf8')).toBe(readFileSync(join(b, 'compare.csv'), 'utf8'));
  });
});

describe('compare with corridors', () => {
  it('writes the paired shift of each corridor crossing\'s vehicles and share, both scenarios\' corridors.csv, and shows the shift', async () => {
    const folder = join(root, 'corridors');
    const { ctx, out } = context();
    const base = join(FIXTURES, 'corridor-tiny.yaml');
    const outcome = await compareCommand(base, [join(FIXTURES, 'corridor-tiny-plan.yaml')], { out: folder, replications: 3, workbook: false }, ctx);
    const { headers, rows } = await readCsv(folder, 'compare-corridors.csv');
    expect(headers).toEqual([...COMPARE_CORRIDOR_COLUMNS]);
    expect(rows).toHaveLength(2 * 2 * CORRIDOR_METRICS.length);
    expect([...new Set(rows.map((r) => `${r.corridor} ${r.direction}/${r.class} ${r.crossing}`))]).toEqual([
      'west-east south/truck west', 'west-east south/truck east', 'west-east north/truck west', 'west-east north/truck east',
    ]);
    const get = (direction: string, crossing: string, metric: string) => rows.find((r) => r.direction === direction && r.crossing === crossing && r.metric === metric)!;
    // a second lane at west keeps the corridor's trucks there: west's share rises, east's falls by as much
    for (const direction of ['south', 'north']) {
      const [w, e] = [get(direction, 'west', 'share'), get(direction, 'east', 'share')];
      expect(Number(w.difference)).toBeGreaterThan(0);
      expect(Number(w.difference) + Number(e.difference)).toBeCloseTo(0, 3);
      expect(w).toMatchObject({ base: 'corridor-tiny', plan: 'corridor-tiny-west2', unit: 'share', significant: 'true', replications: '3' });
      expect(Number(get(direction, 'east', 'vehicles').difference)).toBeLessThan(0);
    }
    // the paired figures are those of the two scenarios' own corridors.csv blocks
    const own = await readCsv(folder, 'corridors.csv');
    expect(new Set(own.rows.map((r) => r.scenario))).toEqual(new Set(['corridor-tiny', 'corridor-tiny-west2']));
    const mean = (scenario: string) => own.rows.find((r) => r.scenario === scenario && r.direction === 'south' && r.crossing === 'east' && r.metric === 'vehicles')!.mean;
    expect(get('south', 'east', 'vehicles')).toMatchObject({ base_mean: mean('corridor-tiny'), plan_mean: mean('corridor-tiny-west2') });
    expect(outcome.corridorRows).toHaveLength(rows.length);
    const text = out.join('');
    expect(text).toMatch(/^corridor-tiny-west2: corridors, where their vehicles went/m);
    expect(text).toMatch(/^west-east\s+truck, south\s+west\s+[\d.]+ → [\d.]+ \(\+[\d.]+ ±[\d.]+ \*\)/m);
    const report = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(report).toContain('<li><a href="#corridors">Corridors</a></li>');
    expect(report.match(/<tr><td>corridor-tiny-west2<\/td><td>west-east<\/td>/g)).toHaveLength(4);
  });
});

describe('compare warnings', () => {
  it('warns loudly, before running and in run.json, when a plan is not like-for-like', async () => {
    const folder = join(root, 'unlike');
    const { ctx, out, err } = context();
    await compareCommand(SMALL, [join(DECIDE, 'small-later.yaml'), PLAN], { out: folder, replications: 2, days: 4, warmupDays: 1 }, ctx);
    const stderr = err.join('');
    expect(stderr).toMatch(/^warning: decide-small-later, scenarios_differ: not like-for-like with the base decide-small: it starts on 2024-06-03, the base on 2023-06-05 .*; it lacks crossing\(s\) rail$/m);
    // named before the first replication runs, and once more with the other warnings at the end
    expect(stderr.indexOf('scenarios_differ')).toBeLessThan(stderr.indexOf('running'));
    expect(stderr.match(/scenarios_differ/g)?.length).toBe(2);
    expect(out.join('')).toContain('warning: not like-for-like: decide-small-later (see stderr and run.json)');
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { warnings: Array<Record<string, unknown>> };
    const unlike = info.warnings.filter((w) => w.check === 'scenarios_differ');
    expect(unlike).toEqual([{ replication: null, check: 'scenarios_differ', crossing: null, detail: expect.stringContaining('it lacks crossing(s) rail'), scenario: 'decide-small-later' }]);
    // the days were set for all on the command line: the plan's own days do not count
    expect(unlike[0]!.detail).not.toContain('own days');
  });

  it('shows the chosen class and direction in the table', async () => {
    const { ctx, out } = context();
    await compareCommand(SMALL, [PLAN], { out: join(root, 'trucks'), replications: 2, days: 4, warmupDays: 1, class: 'truck', direction: 'south' }, ctx);
    const text = out.join('');
    expect(text).toMatch(/^decide-small-plan vs decide-small, trucks, southbound \(2 paired/m);
    expect(text).toMatch(/^road\s+\d/m);
    expect(text).not.toMatch(/^rail\b/m);
    const rail = context();
    await compareCommand(SMALL, [PLAN], { out: join(root, 'cars'), replications: 2, days: 4, warmupDays: 1, class: 'train', direction: 'north' }, rail.ctx);
    expect(rail.out.join('')).toContain('(no crossing has trains, northbound)');
  });
});

describe('bordersim compare exit codes', () => {
  it.each([
    [['compare', SMALL], /missing required argument 'plan/],
    [['compare', SMALL, join(DECIDE, 'missing.yaml')], /missing\.yaml: cannot read: file not found/],
    [['compare', SMALL, PLAN, '--replications', '0'], /--replications <n>.*expected a whole number from 1 to 10000/],
    [['compare', SMALL, PLAN, '--days', '3', '--warmup-days', '3'], /the warm-up \(3 days, from --warmup-days\) must be shorter than the run/],
    [['compare', SMALL, PLAN, '--class', 'cars'], /option '--class <c>' argument 'cars' is invalid\. expected one of truck, car, train, freight, all/],
    [['compare', SMALL, PLAN, '--direction', 'up'], /option '--direction <d>' argument 'up' is invalid/],
  ])('%j exits 2 with a message and writes nothing', async (args, message) => {
    const out = join(root, `bad-${args.length}`);
    const { ctx, err } = context();
    expect(await runProgram(argv(...args, '--out', out), ctx)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 0 and prints the table', async () => {
    const { ctx, out } = context();
    expect(await runProgram(argv('compare', SMALL, PLAN, '-r', '2', '-d', '3', '-w', '0', '--out', join(root, 'cli')), ctx)).toBe(0);
    expect(out.join('')).toMatch(/results in .*cli\/ \(compare\.csv, compare-corridors\.csv, summary\.csv, corridors\.csv, report\.html, results\.xlsx, run\.json\)/);
  });
});
