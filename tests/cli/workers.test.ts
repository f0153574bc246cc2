// --workers as a user runs it (child processes on the built CLI, where replications really run in worker
// threads): every result file (CSV, report.html, results.xlsx) byte-identical to --workers 1 for run, compare,
// sweep and capacity; bad values exit 2.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/commands/program.js';
import { buildCli, runCliAll, type CliRun } from './harness.js';
import { context } from '../helpers/context.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const SMALL = join(FIXTURES, 'decide', 'small.yaml');
const PLAN = join(FIXTURES, 'decide', 'small-plan.yaml');
const COMMON = ['--quiet', '--replications', '4'];
/** Runs that only check threads or CSVs skip the report and workbook (a second each; the pairs above compare them). */
const CSV_ONLY = ['--no-report', '--no-workbook'];
/** Threads a request for `n` gets: --workers is capped at the number of CPUs. */
const threads = (n: number): number => Math.min(n, availableParallelism());

/** Each command twice, sequential and in worker threads, into folders named `<name>-<workers>`. */
const COMMANDS: Record<string, string[]> = {
  run: ['run', TINY],
  compare: ['compare', SMALL, PLAN],
  sweep: ['sweep', TINY, '--set', 'crossings.testroad.stages.customs.servers=1,2'],
  capacity: ['capacity', TINY, '--crossing', 'testroad', '--limit', 'approach_wait_h_mean <= 2'],
};
const WORKERS = { run: 3, compare: 2, sweep: 2, capacity: 2 } as const;
const INVOCATIONS: Record<string, string[]> = {
  ...Object.fromEntries(
    Object.entries(COMMANDS).flatMap(([name, args]) =>
      [1, WORKERS[name as keyof typeof WORKERS]].map((w) => [`${name}-${w}`, [...args, ...COMMON, '--workers', String(w), '--out', `${name}-${w}`]]),
    ),
  ),
  // more workers than replications: only as many as there are replications (and CPUs)
  'run-many': ['run', TINY, ...COMMON, ...CSV_ONLY, '--workers', '9', '--out', 'run-many'],
  // traced: the replications run in turn on one worker thread, vehicles posted back to the main thread
  trace: ['run', TINY, ...COMMON, ...CSV_ONLY, '--trace', '--out', 'trace'],
  // far more than the CPUs: one thread per CPU
  'run-999': ['run', TINY, '--quiet', ...CSV_ONLY, '--replications', '64', '--workers', '999', '--out', 'run-999'],
  zero: ['run', TINY, '--quiet', '--workers', '0', '--out', 'zero'],
  word: ['compare', SMALL, PLAN, '--quiet', '--workers', 'two', '--out', 'word'],
  help: ['run', '--help'],
  helpSweep: ['sweep', '--help'],
};

let cwd = '';
const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  const cli = buildCli();
  cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-workers-'));
  const names = Object.keys(INVOCATIONS);
  const results = await runCliAll(cli, names.map((n) => INVOCATIONS[n]!), cwd);
  names.forEach((n, i) => (runs[n] = results[i]!));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const runInfo = (folder: string): { workers: number } => JSON.parse(readFileSync(join(cwd, folder, 'run.json'), 'utf8')) as { workers: number };

describe('--workers', () => {
  it.each(Object.entries(WORKERS))('%s: every result file (CSV, report.html, results.xlsx) byte-identical with 1 and with %i worker threads', (name, workers) => {
    for (const w of [1, workers]) expect(runs[`${name}-${w}`]!.code, runs[`${name}-${w}`]!.stderr).toBe(0);
    const csv = readdirSync(join(cwd, `${name}-1`)).filter((f) => f !== 'run.json').sort();
    expect(csv.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
    expect(csv).toEqual(expect.arrayContaining(['report.html', 'results.xlsx']));
    expect(readdirSync(join(cwd, `${name}-${workers}`)).filter((f) => f !== 'run.json').sort()).toEqual(csv);
    for (const file of csv) {
      const one = readFileSync(join(cwd, `${name}-1`, file));
      expect(readFileSync(join(cwd, `${name}-${workers}`, file)).equals(one), file).toBe(true);
    }
    // run.json says the threads were really used (the built CLI finds its worker file)
    expect(runInfo(`${name}-1`).workers).toBe(1);
    expect(runInfo(`${name}-${workers}`).workers).toBe(threads(workers));
  });

  it('compared all four CSV files of run', () => {
    expect(readdirSync(join(cwd, 'run-3')).filter((f) => f.endsWith('.csv')).sort()).toEqual(['corridors.csv', 'daily.csv', 'hourly.csv', 'monthly.csv', 'replications.csv', 'stages.csv', 'summary.csv']);
  });

  it('starts no more threads than replications', () => {
    expect(runs['run-many']!.code).toBe(0);
    expect(runInfo('run-many').workers).toBe(threads(4));
    expect(readFileSync(join(cwd, 'run-many', 'summary.csv')).equals(readFileSync(join(cwd, 'run-1', 'summary.csv')))).toBe(true);
  });

  it('--trace on a worker thread writes every CSV byte-identical to the in-process run (vehicles in the same order)', async () => {
    expect(runs.trace!.code, runs.trace!.stderr).toBe(0);
    expect(runInfo('trace').workers).toBe(1);
    const { ctx } = context({ tag: 'inproc' });
    expect(await runProgram(['node', 'bordersim', 'run', TINY, ...COMMON, ...CSV_ONLY, '--trace', '--out', join(cwd, 'trace-inproc')], ctx)).toBe(0);
    const csv = readdirSync(join(cwd, 'trace')).filter((f) => f.endsWith('.csv')).sort();
    expect(csv).toContain('vehicles.csv');
    for (const file of csv) expect(readFileSync(join(cwd, 'trace', file)).equals(readFileSync(join(cwd, 'trace-inproc', file))), file).toBe(true);
  });

  it('starts no more threads than CPUs, and says so in --help', () => {
    expect(runs['run-999']!.code, runs['run-999']!.stderr).toBe(0);
    expect(runInfo('run-999').workers).toBe(availableParallelism());
    expect(runs.help!.stdout.replace(/\s+/g, ' ')).toMatch(new RegExp(`at most the number of CPUs, ${availableParallelism()} here`));
  });

  it.each([
    ['zero', /--workers.*'0'/],
    ['word', /--workers.*'two'/],
  ])('%s: exits 2 naming the flag and the value, writing nothing', (name, message) => {
    expect(runs[name]!.code).toBe(2);
    expect(runs[name]!.stderr).toMatch(message);
    expect(readdirSync(cwd)).not.toContain(name);
  });

  it('documents the default in --help, and that --trace runs in one thread', () => {
    for (const name of ['help', 'helpSweep']) {
      const out = runs[name]!.stdout.replace(/\s+/g, ' ');
      expect(out).toMatch(/--workers <n>/);
      expect(out).toMatch(/default: 1 for a single replication, else min\(replications, CPUs\)/);
    }
    expect(runs.help!.stdout.replace(/\s+/g, ' ')).toMatch(/--trace .*one thread.*ignores --workers/);
  });
});
