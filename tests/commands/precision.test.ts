// `bordersim run --precision`: stops once the target is reached, writes what a plain run of that many replications
// writes (byte for byte), and records it in run.json; refuses bad targets before running.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { UsageError } from '../../src/commands/context.js';
import { context } from '../helpers/context.js';
import { DECIDE } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-precision-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');
const horizon = { days: 8, warmupDays: 1, quiet: true };

describe('run --precision', () => {
  it('stops when reached; the CSVs are those of a plain run of as many replications', async () => {
    const seq = join(root, 'seq');
    const { ctx, err } = context();
    await runCommand(SMALL, { ...horizon, replications: 40, precision: 'completed 2% all at road', out: seq }, ctx);
    const info = JSON.parse(read(seq, 'run.json')) as { replications: number; precision: Record<string, unknown> };
    const n = info.replications;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThan(40);
    expect(info.precision).toMatchObject({ metric: 'completed', share: 0.02, class: 'all', direction: 'all', crossing: 'road', maxReplications: 40, replications: n, reached: true });
    expect(err.join('')).toContain(`reached after ${n} replications`);
    const plain = join(root, 'plain');
    await runCommand(SMALL, { ...horizon, replications: n, out: plain }, context().ctx);
    const csvs = readdirSync(plain).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(4);
    for (const f of csvs) expect(read(seq, f)).toBe(read(plain, f));
    // one fewer is not precise enough (else the rule would have stopped there)
    const shorter = join(root, 'shorter');
    await runCommand(SMALL, { ...horizon, replications: n - 1, precision: 'completed 2% all at road', out: shorter }, context().ctx);
    expect(JSON.parse(read(shorter, 'run.json'))).toMatchObject({ replications: n - 1, precision: { reached: false } });
  });

  it('runs the most --replications allows when the target is out of reach, and says so', async () => {
    const folder = join(root, 'tight');
    const { ctx, err } = context();
    await runCommand(SMALL, { ...horizon, replications: 4, precision: 'approach_wait_h_mean 0.01% truck at road', out: folder }, ctx);
    const info = JSON.parse(read(folder, 'run.json')) as { replications: number; precision: { reached: boolean; crossings: Array<{ crossing: string; met: boolean }> } };
    expect(info.replications).toBe(4);
    expect(info.precision.reached).toBe(false);
    expect(info.precision.crossings.map((c) => [c.crossing, c.met])).toEqual([['road', false]]);
    expect(err.join('')).toMatch(/warning: precision approach_wait_h_mean within 0\.01% \(truck, all directions, road\) not reached in 4 replications \(the most --replications 4 allows\): road ±\d/);
  });

  it.each([
    [{ precision: '5% at nowhere' }, /no crossing nowhere in decide-small \(known: road, rail\)/],
    [{ precision: '5% car at rail' }, /crossing rail has no demand of cars/],
    [{ precision: '5% train at road' }, /crossing road has no demand of trains/],
    [{ precision: 'completed 5% car south at road' }, /crossing road has no demand of cars, southbound/],
    [{ precision: '5%', trace: true }, /--precision with --trace/],
  ])('refuses %j before running', async (flags, message) => {
    const run = runCommand(SMALL, { ...horizon, replications: 3, out: join(root, 'bad'), ...flags }, context().ctx);
    await expect(run).rejects.toThrow(UsageError);
    await expect(runCommand(SMALL, { ...horizon, replications: 3, out: join(root, 'bad'), ...flags }, context().ctx)).rejects.toThrow(message);
  });
});
