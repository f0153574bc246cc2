// `bordersim capacity` in-process: capacity.csv and capacity-steps.csv read back (bracket, CI, bottleneck),
// --all over every crossing, and exit 2 for a bad limit, crossing or flag combination.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPACITY_COLUMNS, capacityCommand, STEP_COLUMNS } from '../../src/commands/capacity.js';
import { UsageError } from '../../src/commands/context.js';
import { runProgram } from '../../src/commands/program.js';
import type { ReplicationRunner } from '../../src/experiment/runner/experiment.js';
import { runReplication } from '../../src/model/run.js';
import { argv, context } from '../helpers/context.js';
import { readCsv } from '../helpers/csv.js';
import { DECIDE } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-capacity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('capacityCommand', () => {
  it('writes the factor bracket, the metric CI there and the bottleneck, for every crossing with --all', async () => {
    const folder = join(root, 'all');
    const { ctx, out, err } = context();
    const limit = 'crossing_time_h_mean <= 1.5';
    const outcome = await capacityCommand(SMALL, { all: true, limit, tolerance: 0.05, out: folder, replications: 3, days: 8, warmupDays: 1 }, ctx);
    expect(outcome.files).toEqual(['capacity.csv', 'capacity-steps.csv', 'report.html', 'results.xlsx', 'run.json']);
    const cap = await readCsv(folder, 'capacity.csv');
    expect(cap.headers).toEqual([...CAPACITY_COLUMNS]);
    expect(cap.rows.map((r) => r.crossing)).toEqual(['road', 'rail']);
    const steps = await readCsv(folder, 'capacity-steps.csv');
    expect(steps.headers).toEqual([...STEP_COLUMNS]);
    for (const r of cap.rows) {
      expect(r).toMatchObject({
        scenario: 'decide-small', direction: 'all', class: 'freight', metric: 'crossing_time_h_mean', unit: 'h', limit: '1.5000', scaled_classes: 'truck+train',
        status: 'found', tolerance: '0.0500', replications: '3',
      });
      const ci = [Number(r.metric_ci95_low), Number(r.metric_ci95_high)];
      expect(r.uncertain).toBe(ci[0]! <= 1.5 && 1.5 <= ci[1]! ? 'true' : 'false');
    expect(Number(r.plausible_factor_low)).toBeLessThanOrEqual(Number(r.fail_factor));
    expect(Number(r.plausible_factor_high)).toBeGreaterThanOrEqual(Number(r.growth_factor));
      const [f, fail] = [Number(r.growth_factor), Number(r.fail_factor)];
      expect(fail).toBeGreaterThan(f);
      expect(fail - f).toBeLessThanOrEqual(0.05);
      expect(Number(r.metric_mean)).toBeLessThanOrEqual(1.5);
      expect(Number(r.metric_ci95_low)).toBeLessThanOrEqual(Number(r.metric_mean));
      expect(Number(r.metric_ci95_high)).toBeGreaterThanOrEqual(Number(r.metric_mean));
      const own = steps.rows.filter((s) => s.crossing === r.crossing);
      expect(own.length).toBe(Number(r.evaluations));
      expect(own[0]!.growth_factor).toBe('1.0000');
      // the reported factor meets the limit in its step, the fail factor does not
      expect(own.find((s) => s.growth_factor === r.growth_factor)!.meets_limit).toBe('true');
      expect(own.find((s) => s.growth_factor === r.fail_factor)!.meets_limit).toBe('false');
      expect(Number(r.bottleneck_utilisation)).toBeGreaterThan(0);
      expect(Number(r.bottleneck_utilisation)).toBeLessThanOrEqual(1);
    }
    // customs (20 min × 110 trucks/day on 2 lanes) saturates long before passport control (8 min, 2 booths)
    expect(cap.rows[0]!.bottleneck_stage).toBe('customs');
    expect(cap.rows[1]!.bottleneck_stage).toBe('inspection');
    expect(out.join('')).toMatch(/^road\s+\d\.\d\d–\d\.\d\d\s+\d\.\d\d \[\d\.\d\d, \d\.\d\d\]\s+(clear|uncertain: \d\.\d\d–\d\.\d\d)\s+customs \(\d+%\)$/m);
    expect(out.join('')).toContain('largest factor on truck+train demand with crossing_time_h_mean <= 1.5 for freight (trucks and trains), all directions (mean over replications):');
    expect(err.join('')).toMatch(/^road: demand ×1\.0000 → crossing_time_h_mean \d\.\d{3} \((meets|breaks) the limit 1\.5\)$/m);
  });

  it('puts the limit on the chosen group, scales the chosen classes, and marks an answer whose CI holds the limit', async () => {
    const folder = join(root, 'group');
    const { ctx, out } = context();
    const flags = { crossing: 'road', limit: 'approach_wait_h_mean <= 0.5', class: 'truck', direction: 'south', scale: ['truck', 'car'], tolerance: 0.05, out: folder, days: 6, warmupDays: 1 } as const;
    const outcome = await capacityCommand(SMALL, { ...flags, replications: 2 }, ctx);
    const [r] = (await readCsv(folder, 'capacity.csv')).rows;
    expect(r).toMatchObject({ crossing: 'road', direction: 'south', class: 'truck', scaled_classes: 'truck+car', status: 'found' });
    const steps = await readCsv(folder, 'capacity-steps.csv');
    expect(new Set(steps.rows.map((s) => `${s.direction}/${s.class}`))).toEqual(new Set(['south/truck']));
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { limit: unknown; scaledClasses: unknown };
    expect(info.limit).toEqual({ metric: 'approach_wait_h_mean', max: 0.5, direction: 'south', vehicleClass: 'truck' });
    expect(info.scaledClasses).toEqual(['truck', 'car']);
    expect(out.join('')).toContain('largest factor on truck+car demand with approach_wait_h_mean <= 0.5 for trucks, southbound');
    // the reported mean is the south trucks' (not the crossing total's) at the factor found
    expect(Number(r!.metric_mean)).toBeLessThanOrEqual(0.5);
    expect(outcome.results[0]!.uncertain).toBe(r!.uncertain === 'true');
    // a single replication has no CI: the answer is uncertain, and the table says to add replications
    const one = context();
    await capacityCommand(SMALL, { ...flags, replications: 1, out: join(root, 'one') }, one.ctx);
    expect((await readCsv(join(root, 'one'), 'capacity.csv')).rows[0]).toMatchObject({ uncertain: 'true', plausible_factor_low: '', plausible_factor_high: '' });
    expect(one.out.join('')).toMatch(/^road\s+.*\s+uncertain\s+/m);
    expect(one.out.join('')).toContain('add replications (now 1; e.g. --replications 10) to settle it');
  });

  it('refuses, as bad input, a group the results turn out not to have', async () => {
    const { ctx } = context();
    const noTruckGroups: ReplicationRunner = (s, o) => {
      const r = runReplication(s, o);
      return { ...r, groups: r.groups.filter((g) => g.vehicleClass !== 'truck') };
    };
    const run = capacityCommand(SMALL, { crossing: 'road', class: 'truck', limit: 'approach_wait_h_mean <= 2', out: join(root, 'nogroup'), replications: 1, days: 2, warmupDays: 0, quiet: true }, ctx, noTruckGroups);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow('--class truck --direction all: the results of crossing road have no such group');
    expect(existsSync(join(root, 'nogroup'))).toBe(false);
  });

  it('with --all skips, and names, crossings without the chosen class', async () => {
    const { ctx, err } = context();
    const outcome = await capacityCommand(SMALL, { all: true, class: 'truck', limit: 'approach_wait_h_mean <= 2', tolerance: 0.2, out: join(root, 'trucks'), replications: 2, days: 4, warmupDays: 1, quiet: true }, ctx);
    expect(outcome.results.map((r) => r.crossing)).toEqual(['road']);
    expect(err.join('')).toContain('capacity: skipped, --class truck --direction all: crossing rail has no demand of trucks, all directions');
  });

  it('warns when the crossing is still unstable at the factor found', async () => {
    const { ctx, err } = context();
    const folder = join(root, 'unstable');
    // a limit on cars that trucks' backlog does not touch: the trucks' queue grows while cars stay fast
    await capacityCommand(SMALL, { crossing: 'road', class: 'car', limit: 'approach_wait_h_mean <= 100', maxFactor: 8, out: folder, replications: 2, days: 6, warmupDays: 1, quiet: true }, ctx);
    const info = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { warnings: Array<Record<string, unknown>> };
    expect(info.warnings.map((w) => [w.scenario, w.check, w.crossing])).toEqual([['decide-small road ×8', 'unstable', 'road']]);
    expect(err.join('')).toMatch(/^warning: decide-small road ×8, road: unstable: road trucks: /m);
  });
});

describe('bordersim capacity exit codes', () => {
  it.each([
    [['--crossing', 'road'], /capacity needs --limit/],
    [['--limit', 'approach_wait_h_p95 <= 4'], /either --crossing <id> or --all/],
    [['--crossing', 'road', '--all', '--limit', 'approach_wait_h_p95 <= 4'], /either --crossing <id> or --all \(not both\)/],
    [['--crossing', 'kyakhta', '--limit', 'approach_wait_h_p95 <= 4'], /--crossing kyakhta: no such crossing in decide-small \(known: road, rail\)/],
    [['--crossing', 'road', '--limit', 'wait <= 4'], /--limit "wait <= 4": unknown metric "wait"/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 >= 4'], /expected "<metric> <= <value>"/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 <= 4', '--tolerance', '0'], /--tolerance <f>.*expected a number > 0/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 <= 4', '--max-factor', '0.5'], /--max-factor must be a number >= 1, got 0.5/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 <= 4', '--class', 'lorry'], /option '--class <c>' argument 'lorry' is invalid\. expected one of truck, car, train, freight, all/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 <= 4', '--direction', 'east'], /option '--direction <d>' argument 'east' is invalid\. expected one of south, north, all/],
    [['--crossing', 'road', '--limit', 'approach_wait_h_p95 <= 4', '--scale', 'truck,bus'], /option '--scale <classes>' argument 'truck,bus' is invalid\. "bus" is not a class/],
    [['--crossing', 'rail', '--limit', 'approach_wait_h_p95 <= 4', '--class', 'car'], /--class car --direction all: crossing rail has no demand of cars/],
    [['--crossing', 'rail', '--limit', 'approach_wait_h_p95 <= 4', '--scale', 'car'], /--scale car: crossing rail has no demand of car to scale/],
  ])('%j exits 2 with the message, writing nothing', async (flags, message) => {
    const out = join(root, 'bad');
    const { ctx, err } = context();
    expect(await runProgram(argv('capacity', SMALL, ...flags, '--out', out, '-r', '1', '-d', '2', '-w', '0'), ctx)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
