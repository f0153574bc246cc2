// Bad input exits 2 with a message naming the file, the path inside it and the bad value, and writes nothing;
// help, version, validate and schema behave as documented. All invocations run at once in beforeAll.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliAll, type CliRun } from './harness.js';
import { FIXTURES, REPO } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const BAD = join(FIXTURES, 'cli-bad.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-err-'));
const mine = join(cwd, 'thesis');

const BAD_FLAGS: Array<[string[], RegExp]> = [
  [['--replications', '0'], /--replications.*'0'/],
  [['--replications', 'ten'], /--replications.*'ten'/],
  [['--days', '2.5'], /--days.*'2\.5'/],
  [['--seed', 'x'], /--seed.*'x'/],
  [['--warmup-days', '3'], /warm-up \(3 days, from --warmup-days\) must be shorter than the run \(3 days, from the scenario\)/],
  [['--frobnicate'], /unknown option '--frobnicate'/],
];
const HELP: string[][] = [[], ['run'], ['validate'], ['schema']];

const INVOCATIONS: Record<string, string[]> = {
  badScenario: ['run', BAD],
  missingFile: ['run', join(cwd, 'nope.yaml')],
  missingArgument: ['run'],
  unknownCommand: ['frobnicate'],
  nothing: [],
  notResultFolder: ['run', TINY, '--quiet', '--out', mine],
  version: ['--version'],
  validateGood: ['validate', TINY],
  validateMixed: ['validate', TINY, BAD, BAD],
  schema: ['schema'],
  ...Object.fromEntries(BAD_FLAGS.map(([flags]) => [`flags ${flags.join(' ')}`, ['run', TINY, '--quiet', ...flags]])),
  ...Object.fromEntries(HELP.map((cmd) => [`help ${cmd.join(' ')}`, [...cmd, '--help']])),
};
const results: Record<string, CliRun> = {};

beforeAll(async () => {
  const cli = buildCli();
  mkdirSync(mine);
  writeFileSync(join(mine, 'chapter1.txt'), 'precious');
  const names = Object.keys(INVOCATIONS);
  const runs = await runCliAll(cli, names.map((n) => INVOCATIONS[n]!), cwd);
  names.forEach((n, i) => (results[n] = runs[i]!));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const noStack = (r: CliRun): void => expect(r.stderr).not.toMatch(/^\s+at /m);

describe('bad input exits 2 and writes nothing', () => {
  it('names the file, the path and the value of every scenario problem, without a stack trace', () => {
    const r = results.badScenario!;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cli-bad.yaml');
    expect(r.stderr).toMatch(/crossings\[0\]\.stages\[0\]\.servers.*got 0/);
    expect(r.stderr).toMatch(/startDate.*2023-02-30/);
    noStack(r);
  });

  it.each(BAD_FLAGS)('rejects %j naming the flag and value', (flags, message) => {
    const r = results[`flags ${flags.join(' ')}`]!;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    noStack(r);
  });

  it('exits 2 for a missing scenario file, a missing argument, an unknown command and no command', () => {
    expect(results.missingFile!.code).toBe(2);
    expect(results.missingFile!.stderr).toContain('nope.yaml');
    noStack(results.missingFile!);
    for (const name of ['missingArgument', 'unknownCommand', 'nothing']) expect(results[name]!.code, name).toBe(2);
  });

  it('refuses to replace a folder that is not a bordersim result, and leaves it alone', () => {
    expect(results.notResultFolder!.code).toBe(2);
    expect(results.notResultFolder!.stderr).toMatch(/not a bordersim result/);
    expect(readdirSync(mine)).toEqual(['chapter1.txt']);
  });

  it('wrote no output folder and no temp folder for any of them', () => {
    expect(readdirSync(cwd)).toEqual(['thesis']);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });
});

describe('help, version, validate, schema', () => {
  it.each(HELP)('%j --help shows usage with examples and exits 0', (...cmd) => {
    const r = results[`help ${cmd.join(' ')}`]!;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: bordersim/);
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(results.version!.code).toBe(0);
    expect(results.version!.stdout.trim()).toBe(pkg.version);
  });

  it('validates good files with exit 0 and reports every problem of every bad file with exit 2', () => {
    expect(results.validateGood!.code).toBe(0);
    expect(results.validateGood!.stdout).toMatch(/cli-tiny\.yaml: ok/);
    const both = results.validateMixed!;
    expect(both.code).toBe(2);
    expect(both.stdout).toMatch(/1 of 3 files valid/);
    expect(both.stderr.match(/stages\[0\]\.servers/g)).toHaveLength(2);
    expect(both.stderr.match(/startDate/g)).toHaveLength(2);
  });

  it('prints the scenario JSON Schema', () => {
    const r = results.schema!;
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    for (const key of ['"crossings"', '"startDate"', '"serviceMin"']) expect(r.stdout).toContain(key);
  });
});
