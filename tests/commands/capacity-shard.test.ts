// `capacity --all --shard i/n` then `merge`: the capacity.csv and capacity-steps.csv bytes of one search.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capacityCommand } from '../../src/commands/capacity.js';
import { mergeCommand } from '../../src/commands/merge.js';
import { UsageError } from '../../src/commands/context.js';
import { context } from '../helpers/context.js';
import { DECIDE } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-capacity-shard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const flags = { all: true, limit: 'approach_wait_h_mean <= 0.5', class: 'all' as const, replications: 2, days: 6, warmupDays: 1, tolerance: 0.25, quiet: true };
const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');

describe('capacity --shard and merge', () => {
  it('merge gives the CSV bytes and warnings of one search', async () => {
    const dirs = [0, 1].map((i) => join(root, `s${i}`));
    const outcomes = [];
    for (const [i, out] of dirs.entries()) outcomes.push(await capacityCommand(SMALL, { ...flags, shard: `${i}/2`, out }, context().ctx));
    expect(outcomes.map((o) => o.results.map((r) => r.crossing))).toEqual([['road'], ['rail']]);
    expect(JSON.parse(read(dirs[1]!, 'run.json'))).toMatchObject({ command: 'capacity', crossings: ['road', 'rail'], shard: { index: 1, count: 2, first: 2, last: 2 } });
    const merged = join(root, 'merged');
    await mergeCommand([dirs[1]!, dirs[0]!], { out: merged, quiet: true }, context().ctx);
    const single = join(root, 'single');
    await capacityCommand(SMALL, { ...flags, out: single }, context().ctx);
    for (const f of ['capacity.csv', 'capacity-steps.csv']) expect(read(merged, f), f).toBe(read(single, f));
    expect(read(single, 'capacity-steps.csv').split('\n').length).toBeGreaterThan(4);
    const info = JSON.parse(read(merged, 'run.json')) as Record<string, unknown>;
    const plain = JSON.parse(read(single, 'run.json')) as Record<string, unknown>;
    for (const k of ['command', 'scenarios', 'seed', 'replications', 'days', 'warmupDays', 'limit', 'scaledClasses', 'search', 'warnings', 'crossingReplications']) expect(info[k], k).toEqual(plain[k]);
  });

  it('refuses more shards than crossings', async () => {
    await expect(capacityCommand(SMALL, { ...flags, shard: '0/3', out: join(root, 'bad') }, context().ctx)).rejects.toThrow(UsageError);
    await expect(capacityCommand(SMALL, { ...flags, shard: '0/3', out: join(root, 'bad') }, context().ctx)).rejects.toThrow(/3 shards of 2 crossings to search/);
  });
});
