// Reuse in the decision commands: compare, sweep and capacity write the same bytes with and without --no-reuse,
// and run.json counts the crossing-replications simulated and handed back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capacityCommand } from '../../src/commands/capacity.js';
import { compareCommand } from '../../src/commands/compare.js';
import { sweepCommand } from '../../src/commands/sweep.js';
import { context } from '../helpers/context.js';
import { DECIDE } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const PLAN = join(DECIDE, 'small-plan.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');
const runInfo = (folder: string): Record<string, unknown> => JSON.parse(read(folder, 'run.json')) as Record<string, unknown>;

describe('reuse of crossings already simulated', () => {
  it('compare: the same CSV bytes; the plan simulates only the crossing it changes, a repeated base nothing', async () => {
    const flags = { replications: 3, days: 6, warmupDays: 1, quiet: true };
    const on = join(root, 'compare-on');
    const off = join(root, 'compare-off');
    await compareCommand(SMALL, [PLAN, SMALL], { ...flags, out: on }, context().ctx);
    await compareCommand(SMALL, [PLAN, SMALL], { ...flags, out: off, reuse: false }, context().ctx);
    for (const file of ['compare.csv', 'summary.csv']) expect(read(on, file)).toBe(read(off, file));
    expect(read(on, 'compare.csv').split('\n').length).toBeGreaterThan(100);
    expect(runInfo(on).crossingReplications).toEqual({ simulated: 2 * 3 + 3, reused: 3 + 2 * 3 });
    expect(runInfo(off)).not.toHaveProperty('crossingReplications');
  });

  it('sweep: the same CSV bytes; points after the first simulate only the swept crossing', async () => {
    const flags = { set: ['crossings.road.stages.customs.servers=2,3,4'], replications: 2, days: 6, warmupDays: 1, quiet: true };
    const on = join(root, 'sweep-on');
    const off = join(root, 'sweep-off');
    await sweepCommand(SMALL, { ...flags, out: on }, context().ctx);
    await sweepCommand(SMALL, { ...flags, out: off, reuse: false }, context().ctx);
    expect(read(on, 'sweep.csv')).toBe(read(off, 'sweep.csv'));
    expect(runInfo(on).crossingReplications).toEqual({ simulated: 2 * 2 + 2 + 2, reused: 2 + 2 });
  });

  it('sweep over two crossings: each crossing simulated once per value it takes', async () => {
    const flags = { set: ['crossings.road.stages.customs.servers=2,3', 'crossings.rail.stages.inspection.servers=1,2'], replications: 2, days: 5, warmupDays: 1, quiet: true };
    const on = join(root, 'sweep2-on');
    const off = join(root, 'sweep2-off');
    await sweepCommand(SMALL, { ...flags, out: on }, context().ctx);
    await sweepCommand(SMALL, { ...flags, out: off, reuse: false }, context().ctx);
    expect(read(on, 'sweep.csv')).toBe(read(off, 'sweep.csv'));
    // 4 points × 2 crossings × 2 replications; road takes 2 values, rail 2: 4 distinct crossings × 2 replications
    expect(runInfo(on).crossingReplications).toEqual({ simulated: 8, reused: 8 });
  });

  it('capacity: the same CSV bytes (each factor is new: nothing to reuse, nothing kept)', async () => {
    const flags = { crossing: 'road', limit: 'approach_wait_h_mean <= 0.5', class: 'truck' as const, replications: 2, days: 6, warmupDays: 1, tolerance: 0.25, quiet: true };
    const on = join(root, 'capacity-on');
    const off = join(root, 'capacity-off');
    const outcome = await capacityCommand(SMALL, { ...flags, out: on }, context().ctx);
    await capacityCommand(SMALL, { ...flags, out: off, reuse: false }, context().ctx);
    for (const file of ['capacity.csv', 'capacity-steps.csv']) expect(read(on, file)).toBe(read(off, file));
    expect(runInfo(on).crossingReplications).toEqual({ simulated: 2 * outcome.results[0]!.steps.length, reused: 0 });
  });
});
