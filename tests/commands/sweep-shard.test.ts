// `sweep --shard i/n` then `merge`: the sweep.csv bytes (and run.json's warnings) of one unsharded sweep.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCommand, ShardMergeError } from '../../src/commands/merge.js';
import { runShardCommand } from '../../src/commands/shard-run.js';
import { sweepCommand } from '../../src/commands/sweep.js';
import { sweepShardCommand } from '../../src/commands/sweep-shard.js';
import { UsageError } from '../../src/commands/context.js';
import { context } from '../helpers/context.js';
import { DECIDE, FIXTURES } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-sweep-shard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// one customs lane overloads the road crossing: the point gets an "unstable" warning, which must survive the merge
const flags = { set: ['crossings.road.stages.customs.servers=1..3', 'demand.growth.north=1,1.2'], replications: 2, days: 30, warmupDays: 1, quiet: true };
const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');

describe('sweep --shard and merge', () => {
  it('merge gives the sweep.csv and warnings of one sweep, shards in any order', async () => {
    const dirs = [0, 1, 2].map((i) => join(root, `s${i}`));
    for (const [i, out] of dirs.entries()) await sweepShardCommand(SMALL, { ...flags, shard: `${i}/3`, out }, context().ctx);
    expect(JSON.parse(read(dirs[1]!, 'run.json'))).toMatchObject({ command: 'sweep', points: 6, shard: { index: 1, count: 3, first: 3, last: 4 } });
    const merged = join(root, 'merged');
    const outcome = await mergeCommand([dirs[2]!, dirs[0]!, dirs[1]!], { out: merged, quiet: true }, context().ctx);
    expect(outcome.files).toEqual(['sweep.csv', 'sweep-corridors.csv', 'report.html', 'results.xlsx', 'run.json']);
    const single = join(root, 'single');
    await sweepCommand(SMALL, { ...flags, out: single }, context().ctx);
    for (const f of ['sweep.csv', 'report.html']) expect(read(merged, f), f).toBe(read(single, f));
    expect(readFileSync(join(merged, 'results.xlsx')).equals(readFileSync(join(single, 'results.xlsx')))).toBe(true);
    const info = JSON.parse(read(merged, 'run.json')) as Record<string, unknown>;
    const plain = JSON.parse(read(single, 'run.json')) as Record<string, unknown>;
    for (const k of ['command', 'scenarios', 'seed', 'replications', 'days', 'warmupDays', 'grid', 'points', 'warnings']) expect(info[k], k).toEqual(plain[k]);
    expect((plain.warnings as unknown[]).length).toBeGreaterThan(0);
  });

  it('merge gives the sweep-corridors.csv of one sweep, byte for byte', async () => {
    const tiny = join(FIXTURES, 'corridor-tiny.yaml');
    const grid = { set: ['corridors.west-east.crossings.east.detourH=0,3,6'], replications: 2, quiet: true, report: false, workbook: false };
    const dirs = [0, 1].map((i) => join(root, `c${i}`));
    for (const [i, out] of dirs.entries()) await sweepShardCommand(tiny, { ...grid, shard: `${i}/2`, out }, context().ctx);
    const merged = join(root, 'c-merged');
    await mergeCommand(dirs, { out: merged, quiet: true }, context().ctx);
    const single = join(root, 'c-single');
    await sweepCommand(tiny, { ...grid, out: single }, context().ctx);
    expect(read(single, 'sweep-corridors.csv').split('\n').length).toBeGreaterThan(3 * 8);
    for (const f of ['sweep.csv', 'sweep-corridors.csv']) expect(read(merged, f), f).toBe(read(single, f));
  });

  it('refuses a run shard among sweep shards, and more shards than points', async () => {
    const runShard = join(root, 'run-1of3');
    await runShardCommand(SMALL, { replications: 3, days: 8, warmupDays: 1, quiet: true, shard: '1/3', out: runShard }, context().ctx);
    await expect(mergeCommand([join(root, 's0'), runShard, join(root, 's2')], { quiet: true }, context().ctx)).rejects.toThrow(ShardMergeError);
    await expect(mergeCommand([join(root, 's0'), runShard, join(root, 's2')], { quiet: true }, context().ctx)).rejects.toThrow(/not shards of one run: kind \(run or sweep\) "run" against "sweep"/);
    await expect(sweepShardCommand(SMALL, { ...flags, shard: '0/7', out: join(root, 'bad') }, context().ctx)).rejects.toThrow(UsageError);
    await expect(sweepShardCommand(SMALL, { ...flags, shard: '0/7', out: join(root, 'bad') }, context().ctx)).rejects.toThrow(/7 shards of 6 grid points/);
  });
});
