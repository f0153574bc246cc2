// `bordersim capacity` in-process: capacity.csv and capacity-steps.csv read back (bracket, CI, bottleneck),
// --all over every crossing, and exit 2 for a bad limit, crossing or flag combination.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPACITY_COLUMNS, capacityCommand, STEP_COLUMNS } from '../../src/commands/capacity.js';
import { runProgram } from '../../src/commands/program.js';
import { argv, context, DECIDE, readCsv } from './compare-context.js';

const SMALL = join(DECIDE, 'small.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-capacity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('capacityCommand', () => {
  it('writes the factor bracket, the metric CI there and the bottleneck, for every crossing with --all', async () => {
    const folder = join(root, 'all');
    const { ctx, out, err } = context();
    const limit = 'crossing_time_h_mean <= 1.5';
    const outcome = await capacityCommand(SMALL, { all: true, limit, tolerance: 0.05, out: folder, replications: 3, days: 8, warmupDays: 1 }, ctx);
    expect(outcome.files).toEqual(['capacity.csv', 'capacity-steps.csv', 'run.json']);
    const cap = await readCsv(folder, 'capacity.csv');
    expect(cap.headers).toEqual([...CAPACITY_COLUMNS]);
    expect(cap.rows.map((r) => r.crossing)).toEqual(['road', 'rail']);
    const steps = await readCsv(folder, 'capacity-steps.csv');
    expect(steps.headers).toEqual([...STEP_COLUMNS]);
    for (const r of cap.rows) {
      expect(r).toMatchObject({ scenario: 'decide-small', metric: 'crossing_time_h_mean', unit: 'h', limit: '1.5000', status: 'found', tolerance: '0.0500', replications: '3' });
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
    expect(out.join('')).toMatch(/^road\s+\d\.\d\d–\d\.\d\d\s+\d\.\d\d \[\d\.\d\d, \d\.\d\d\]\s+customs \(\d+%\)$/m);
    expect(err.join('')).toMatch(/^road: demand ×1\.0000 → crossing_time_h_mean \d\.\d{3} \((meets|breaks) the limit 1\.5\)$/m);
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
  ])('%j exits 2 with the message, writing nothing', async (flags, message) => {
    const out = join(root, 'bad');
    const { ctx, err } = context();
    expect(await runProgram(argv('capacity', SMALL, ...flags, '--out', out, '-r', '1', '-d', '2', '-w', '0'), ctx)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
