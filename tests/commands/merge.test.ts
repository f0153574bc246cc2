// `run --shard i/n` then `merge`: the CSV bytes of one unsharded run, whatever the order the shards are given in;
// shards of different runs, repeated, missing or cut-off shards are refused (exit 2) naming the folders.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand, ShardMergeError } from '../../src/commands/merge.js';
import { runProgram } from '../../src/commands/program.js';
import { runCommand } from '../../src/commands/run.js';
import { runShardCommand } from '../../src/commands/shard-run.js';
import { UsageError } from '../../src/commands/context.js';
import { toolVersion } from '../../src/output/runinfo.js';
import { argv, context } from '../helpers/context.js';
import { DECIDE, FIXTURES } from '../helpers/paths.js';

const SMALL = join(DECIDE, 'small.yaml');
const PLAN = join(DECIDE, 'small-plan.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const flags = { replications: 5, days: 6, warmupDays: 1, quiet: true };
const shard = (i: number, n = 3, extra: Record<string, unknown> = {}, file = SMALL): Promise<unknown> =>
  runShardCommand(file, { ...flags, ...extra, shard: `${i}/${n}`, out: join(root, `${String(extra.tag ?? 'small')}-${i}of${n}`) }, context().ctx);
const dir = (i: number, n = 3, tag = 'small'): string => join(root, `${tag}-${i}of${n}`);
const read = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8');

beforeAll(async () => {
  for (const i of [0, 1, 2]) await shard(i);
  await runCommand(SMALL, { ...flags, out: join(root, 'single') }, context().ctx);
});

describe('run --shard and merge', () => {
  it('writes a shard folder: its slice of the replications, and run.json', () => {
    expect(readdirSync(dir(1)).sort()).toEqual(['run.json', 'shard.jsonl.gz']);
    expect(JSON.parse(read(dir(1), 'run.json'))).toMatchObject({ replications: 5, shard: { index: 1, count: 3, first: 2, last: 3 } });
  });

  it('merges into the CSV bytes of one run, shards in any order', async () => {
    const out = join(root, 'merged');
    const { ctx } = context();
    const outcome = await mergeCommand([dir(2), dir(0), dir(1)], { out, quiet: true }, ctx);
    const single = join(root, 'single');
    const csvs = readdirSync(single).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs.length).toBeGreaterThan(4);
    expect(outcome.files.filter((f) => f.endsWith('.csv')).sort()).toEqual(csvs);
    for (const f of csvs) expect(read(out, f)).toBe(read(single, f));
    // and the report and workbook one run writes beside them
    expect(outcome.files).toEqual(expect.arrayContaining(['report.html', 'results.xlsx']));
    expect(read(out, 'report.html')).toBe(read(single, 'report.html'));
    expect(readFileSync(join(out, 'results.xlsx')).equals(readFileSync(join(single, 'results.xlsx')))).toBe(true);
    const info = JSON.parse(read(out, 'run.json')) as Record<string, unknown>;
    const plain = JSON.parse(read(single, 'run.json')) as Record<string, unknown>;
    for (const k of ['seed', 'replications', 'days', 'warmupDays', 'events', 'vehicles', 'warnings']) expect(info[k]).toEqual(plain[k]);
    expect((info.scenario as { sha256: string }).sha256).toBe((plain.scenario as { sha256: string }).sha256);
  });

  it('is what the command line runs (exit 0), one shard of one being the run itself', async () => {
    const { ctx } = context();
    expect(await runProgram(argv('run', SMALL, '--replications', '5', '--days', '6', '--warmup-days', '1', '--shard', '0/1', '--out', join(root, 'whole-0of1'), '--quiet'), ctx)).toBe(0);
    expect(await runProgram(argv('merge', join(root, 'whole-0of1'), '--out', join(root, 'whole'), '--quiet'), ctx)).toBe(0);
    expect(read(join(root, 'whole'), 'summary.csv')).toBe(read(join(root, 'single'), 'summary.csv'));
  });

  it.each([
    ['a missing shard', () => [dir(0), dir(2)], /incomplete set: shard 1\/3 missing \(2 of 3 given\)/],
    ['a repeated shard', () => [dir(0), dir(1), dir(1), dir(2)], /both shard 1\/3/],
    ['no folder', () => [], /at least one shard folder/],
  ])('refuses %s', async (_what, dirs, message) => {
    const run = mergeCommand(dirs(), { out: join(root, 'refused'), quiet: true }, context().ctx);
    await expect(run).rejects.toThrow(ShardMergeError);
    await expect(mergeCommand(dirs(), { out: join(root, 'refused'), quiet: true }, context().ctx)).rejects.toThrow(message);
  });

  it('refuses shards of different seeds, scenarios or shard counts, naming both folders and the values', async () => {
    await shard(1, 3, { seed: 99, tag: 'seed' });
    await expect(mergeCommand([dir(0), dir(1, 3, 'seed'), dir(2)], { quiet: true }, context().ctx)).rejects.toThrow(`${dir(1, 3, 'seed')} and ${dir(0)} are not shards of one run: seed 99 against 3`);
    await shard(2, 3, { tag: 'plan' }, PLAN);
    await expect(mergeCommand([dir(0), dir(1), dir(2, 3, 'plan')], { quiet: true }, context().ctx)).rejects.toThrow(/are not shards of one run: scenario \(sha256\)/);
    await shard(1, 2, { tag: 'two' });
    await expect(mergeCommand([dir(0), dir(1), dir(1, 2, 'two')], { quiet: true }, context().ctx)).rejects.toThrow(/are not shards of one run: shard count 2 against 3/);
  });

  it('refuses another version, a shard that lost replications, and a folder that is not a shard', async () => {
    const old = join(root, 'old-version');
    cpSync(dir(0), old, { recursive: true });
    const info = JSON.parse(read(old, 'run.json')) as Record<string, unknown>;
    writeFileSync(join(old, 'run.json'), JSON.stringify({ ...info, version: '0.0.1' }));
    await expect(mergeCommand([old, dir(1), dir(2)], { quiet: true }, context().ctx)).rejects.toThrow(/run\.json and shard\.jsonl\.gz are not of the same shard/);
    // made by another version, both files agreeing: merge refuses to write with this version's code
    const zlib = await import('node:zlib');
    const relabel = (folder: string): void => {
      const [head, ...rest] = zlib.gunzipSync(readFileSync(join(folder, 'shard.jsonl.gz'))).toString().split('\n');
      writeFileSync(join(folder, 'shard.jsonl.gz'), gzipSync([JSON.stringify({ ...JSON.parse(head!), version: '0.0.1' }), ...rest].join('\n')));
    };
    relabel(old);
    await expect(mergeCommand([old, dir(1), dir(2)], { quiet: true }, context().ctx)).rejects.toThrow(`${old}: made by bordersim 0.0.1, this is ${toolVersion()}`);
    await expect(mergeCommand([dir(1), old, dir(2)], { quiet: true }, context().ctx)).rejects.toThrow(`${old} and ${dir(1)} are not shards of one run: version "0.0.1" against "${toolVersion()}"`);
    // a shard file whose last replication is gone (its lines are gzip members: keep the header and the first)
    const cut = join(root, 'cut');
    cpSync(dir(1), cut, { recursive: true });
    const lines = (await import('node:zlib')).gunzipSync(readFileSync(join(cut, 'shard.jsonl.gz'))).toString().split('\n');
    writeFileSync(join(cut, 'shard.jsonl.gz'), gzipSync(`${lines[0]}\n${lines[1]}\n`));
    await expect(mergeCommand([dir(0), cut, dir(2)], { quiet: true }, context().ctx)).rejects.toThrow(`${cut}: shard 1/3 should hold replications 2–3, it holds 1 (2–2): incomplete or damaged`);
    await expect(mergeCommand([join(root, 'single')], { quiet: true }, context().ctx)).rejects.toThrow(/not a shard folder/);
    await expect(mergeCommand([join(root, 'nowhere')], { quiet: true }, context().ctx)).rejects.toThrow(/nowhere: no run\.json/);
  });

  it('refuses bad --shard flags before running', async () => {
    for (const [text, message] of [['3/3', /i counts from 0 and must be below n/], ['1-3', /expected i\/n/], ['0/6', /6 shards of 5 replications/]] as const) {
      await expect(runShardCommand(SMALL, { ...flags, shard: text, out: join(root, 'bad') }, context().ctx)).rejects.toThrow(UsageError);
      await expect(runShardCommand(SMALL, { ...flags, shard: text, out: join(root, 'bad') }, context().ctx)).rejects.toThrow(message);
    }
    await expect(runShardCommand(SMALL, { ...flags, shard: '0/2', trace: true }, context().ctx)).rejects.toThrow(/--shard with --trace/);
  });
});

describe('merge of a corridor scenario', () => {
  it('keeps every replication\'s corridor rows in the shards: corridors.csv, the report and the workbook are those of one run', async () => {
    const file = join(FIXTURES, 'corridor-tiny.yaml');
    const opts = { replications: 3, quiet: true };
    for (const i of [0, 1]) await runShardCommand(file, { ...opts, shard: `${i}/2`, out: join(root, `corridor-${i}of2`) }, context().ctx);
    await runCommand(file, { ...opts, out: join(root, 'corridor-single') }, context().ctx);
    const out = join(root, 'corridor-merged');
    await mergeCommand([join(root, 'corridor-1of2'), join(root, 'corridor-0of2')], { out, quiet: true }, context().ctx);
    const single = join(root, 'corridor-single');
    expect(read(single, 'corridors.csv').split('\r\n').length).toBeGreaterThan(20);
    const files = readdirSync(single).filter((f) => f !== 'run.json').sort();
    expect(readdirSync(out).filter((f) => f !== 'run.json').sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(single, f))), f).toBe(true);
  });
});
