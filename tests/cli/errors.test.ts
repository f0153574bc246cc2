// Bad input exits 2 with a message naming the file, the path inside it and the bad value, and writes nothing;
// help, version, validate and schema behave as documented.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, runCli } from './harness.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const BAD = join(FIXTURES, 'cli-bad.yaml');
let cwd = '';
let cli = '';

beforeAll(() => {
  cli = buildCli();
  cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-err-'));
}, 120_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(cli, args, cwd);

describe('bad input exits 2 and writes nothing', () => {
  it('names the file, the path and the value of every scenario problem, without a stack trace', () => {
    const r = run('run', BAD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cli-bad.yaml');
    expect(r.stderr).toMatch(/crossings\[0\]\.stages\[0\]\.servers.*got 0/);
    expect(r.stderr).toMatch(/startDate.*2023-02-30/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    [['--replications', '0'], /--replications.*'0'/],
    [['--replications', 'ten'], /--replications.*'ten'/],
    [['--days', '2.5'], /--days.*'2\.5'/],
    [['--seed', 'x'], /--seed.*'x'/],
    [['--warmup-days', '3'], /warm-up \(3 days, from --warmup-days\) must be shorter than the run \(3 days, from the scenario\)/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('rejects %j', (flags, message) => {
    const r = run('run', TINY, '--quiet', ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('exits 2 for a missing scenario file, a missing argument and an unknown command', () => {
    const missing = run('run', join(cwd, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(run('run').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run().code).toBe(2);
  });

  it('refuses to replace a folder that is not a bordersim result', () => {
    const mine = join(cwd, 'thesis');
    mkdirSync(mine);
    writeFileSync(join(mine, 'chapter1.txt'), 'precious');
    const r = run('run', TINY, '--quiet', '--out', mine);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a bordersim result/);
    expect(readdirSync(mine)).toEqual(['chapter1.txt']);
    rmSync(mine, { recursive: true });
  });
});

describe('help, version, validate, schema', () => {
  it.each([[[]], [['run']], [['validate']], [['schema']]])('%j --help shows examples and exits 0', (cmd) => {
    const r = run(...cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: bordersim/);
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(FIXTURES, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = run('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('validates good files with exit 0 and reports every problem of every bad file with exit 2', () => {
    const good = run('validate', TINY);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/cli-tiny\.yaml: ok/);
    const both = run('validate', TINY, BAD, BAD);
    expect(both.code).toBe(2);
    expect(both.stdout).toMatch(/1 of 3 files valid/);
    expect(both.stderr.match(/stages\[0\]\.servers/g)).toHaveLength(2);
  });

  it('prints the scenario JSON Schema', () => {
    const r = run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    for (const key of ['"crossings"', '"startDate"', '"serviceMin"']) expect(r.stdout).toContain(key);
  });
});
