// Issue 15 as a hostile user tries it, on the built CLI: folders holding other files, symlinked --out, FIFOs,
// devices and huge or alias-bomb scenario files, absurd grids, tolerances and counts, --out checked before any
// simulation, plans' mistakes located in the plan, early dates, formula-like --set text. Each checks the exit
// code, the message, and that an earlier folder is byte-identical. All invocations run at once in beforeAll.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliAll, snapshotFolder, type CliRun } from './harness.js';
import { readCsv } from '../helpers/csv.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const SMALL = join(FIXTURES, 'decide', 'small.yaml');
const PLAN = join(FIXTURES, 'decide', 'small-plan.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-lost-'));
const at = (name: string): string => join(cwd, name);
const tinyText = readFileSync(TINY, 'utf8');
/** Progress or evaluation output: a command that prints any of it has started simulating. */
const SIMULATING = /running \d+ replication|replication \d+\/\d+ done|demand ×/;

const CAPACITY = ['--crossing', 'testroad', '--limit', 'approach_wait_h_mean <= 2'];
const SERVERS = 'crossings.testroad.stages.customs.servers';

const INVOCATIONS: Record<string, string[]> = {
  // data loss
  mixed: ['run', TINY, '--quiet', '--out', 'mixed'],
  link: ['run', TINY, '--quiet', '--replications', '2', '--out', 'link'],
  compareMixed: ['compare', SMALL, PLAN, '--out', 'mixed'],
  sweepMixed: ['sweep', TINY, '--set', `${SERVERS}=1,2`, '--out', 'mixed'],
  capacityMixed: ['capacity', TINY, ...CAPACITY, '--out', 'mixed'],
  capacityUnder: ['capacity', TINY, ...CAPACITY, '--out', 'afile/sub'],
  // scenario files that are not files, or too big to read
  fifo: ['run', 'pipe.yaml', '--quiet', '--out', 'never'],
  bomb: ['run', 'bomb.yaml', '--quiet', '--out', 'never'],
  // one validate of every broken file: each is reported, with its own message
  validateAll: ['validate', 'bomb.yaml', TINY, 'pipe.yaml', 'zero-plan.yaml', 'huge.yaml', 'many-servers.yaml', 'empty-plan.yaml'],
  // limits
  tolerance: ['capacity', TINY, ...CAPACITY, '--tolerance', '0.0000000000000000001', '--out', 'never'],
  longAxis: ['sweep', TINY, '--set', `${SERVERS}=1..10000`, '--out', 'never'],
  square: ['sweep', TINY, '--set', `${SERVERS}=1..100`, '--set', 'crossings.testroad.stages.passport.servers=1..100', '--out', 'never'],
  replications: ['run', TINY, '--quiet', '--replications', '10001', '--out', 'never'],
  fileReplications: ['run', 'many-reps.yaml', '--quiet', '--out', 'never'],
  // plans and dates
  early: ['run', 'early.yaml', '--quiet', '--replications', '1', '--out', 'early'],
  // formula-like text from --set
  formulas: ['sweep', TINY, '--quiet', '--replications', '1', '--set', 'name==HYPERLINK("http://x"),@SUM(1),+x,-x,plain', '--out', 'formulas'],
};
const results: Record<string, CliRun> = {};
let mixedBefore: Record<string, string> = {};

beforeAll(async () => {
  const cli = buildCli();
  const [made, target] = await runCliAll(cli, [['run', TINY, '--quiet', '--replications', '2', '--out', 'mixed'], ['run', TINY, '--quiet', '--out', 'target']], cwd);
  if (made?.code !== 0 || target?.code !== 0) throw new Error(`${made?.stderr}${target?.stderr}`);
  writeFileSync(at('mixed/notes.txt'), 'my notes');
  writeFileSync(at('mixed/analysis.xlsx'), 'my workbook');
  mixedBefore = snapshotFolder(at('mixed'));
  symlinkSync('target', at('link'));
  writeFileSync(at('afile'), 'x');
  execFileSync('mkfifo', [at('pipe.yaml')]);
  writeFileSync(at('zero-plan.yaml'), 'id: zero\nname: Zero\nextends: /dev/zero\n');
  writeFileSync(at('huge.yaml'), `${tinyText}\n#${'x'.repeat(11 * 1024 * 1024)}\n`);
  const aliases = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) aliases.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  aliases.push(`e: [${Array(12).fill('*d').join(', ')}]`);
  writeFileSync(at('bomb.yaml'), `${aliases.join('\n')}\n`);
  writeFileSync(at('many-reps.yaml'), tinyText.replace(/^replications: 3$/m, 'replications: 20000'));
  writeFileSync(at('many-servers.yaml'), tinyText.replace(/servers: 2$/m, 'servers: 100000000'));
  writeFileSync(at('empty-plan.yaml'), `id: empty\nname: Empty\nextends: ${TINY}\ncrossings:\n  - { id: testroad, remove: true }\n  - { id: testrail, remove: true }\n`);
  writeFileSync(at('early.yaml'), tinyText.replace(/2023-06-0/g, '0050-06-0'));
  const names = Object.keys(INVOCATIONS);
  const runs = await runCliAll(cli, names.map((n) => INVOCATIONS[n]!), cwd);
  names.forEach((n, i) => (results[n] = runs[i]!));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Exit 2 with `message` on stderr, and nothing written in `never`. */
function expectRefused(name: string, message: RegExp): void {
  const r = results[name]!;
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(existsSync(at('never'))).toBe(false);
}

/** validate of every broken file reported `message` (exit 2 checked in 'validate reports every file'). */
function expectReported(message: RegExp): void {
  expect(results.validateAll!.stderr).toMatch(message);
}

describe('nothing lost', () => {
  it('refuses --out holding files bordersim did not write, naming them; the folder stays byte-identical', () => {
    expectRefused('mixed', /holds files bordersim did not write: analysis\.xlsx, notes\.txt; replacing it would lose them/);
    expect(snapshotFolder(at('mixed'))).toEqual(mixedBefore);
  });

  it.each(['compareMixed', 'sweepMixed', 'capacityMixed', 'capacityUnder'])('%s: --out is checked before any simulation', (name) => {
    expectRefused(name, /bordersim did not write|cannot create the output folder/);
    expect(results[name]!.stderr).not.toMatch(SIMULATING);
    expect(snapshotFolder(at('mixed'))).toEqual(mixedBefore);
  });

  it('writes through a symlinked --out into its target, and the link stays a link', () => {
    expect(results.link!.code, results.link!.stderr).toBe(0);
    expect(lstatSync(at('link')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(at('target/run.json'), 'utf8')).replications).toBe(2);
    expect(readdirSync(cwd).filter((f) => f.startsWith('target') || f.startsWith('link'))).toEqual(['link', 'target']);
  });
});

describe('scenario files that would hang or exhaust memory', () => {
  it('refuses a FIFO before reading it (no hang), naming it', () => {
    expectRefused('fifo', /pipe\.yaml: cannot read: not a regular file/);
  });

  it('refuses extends: /dev/zero, naming the plan and the device', () => {
    expectReported(/zero-plan\.yaml:3 extends: base scenario \/dev\/zero: cannot read: not a regular file/);
  });

  it('refuses a file over the size limit with a clear message', () => {
    expectReported(/huge\.yaml: cannot read: \d+ bytes, more than the 10 MiB a scenario file may have/);
  });

  it('turns the YAML alias limit into exit 2 naming the file', () => {
    expectRefused('bomb', /bomb\.yaml: cannot parse: Excessive alias count/);
  });

  it('validate reports every file even when one is broken', () => {
    const r = results.validateAll!;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/cli-tiny\.yaml: ok/);
    for (const f of ['bomb.yaml', 'pipe.yaml', 'zero-plan.yaml', 'huge.yaml', 'many-servers.yaml', 'empty-plan.yaml']) expect(r.stderr).toMatch(new RegExp(`^${f.replace('.', '\\.')}: \\d+ problems?$`, 'm'));
    expect(r.stdout).toMatch(/1 of 7 files valid/);
  });
});

describe('limits', () => {
  it('refuses a capacity tolerance below what the search resolves', () => {
    expectRefused('tolerance', /--tolerance must be at least 0\.000001 \(the search cannot resolve factors finer than that\), got 1e-19/);
  });

  it.each([
    ['longAxis', /10000 = 10000 points, more than the 1000 a sweep may run/],
    ['square', /100 × 100 = 10000 points, more than the 1000 a sweep may run/],
  ])('refuses the absurd grid %s up front', (name, message) => {
    expectRefused(name, message);
    expect(results[name]!.stderr).not.toMatch(SIMULATING);
  });

  it('bounds replications, from the flag or the file, and servers', () => {
    expectRefused('replications', /--replications.*expected a whole number from 1 to 10000/);
    expectRefused('fileReplications', /20000 replications \(from the scenario\) is more than the 10000 a run may have/);
    expectReported(/many-servers\.yaml:\d+ crossings\[0\]\.stages\[0\]\.servers: at most 10000 servers/);
  });
});

describe('plans, dates and formula-like text', () => {
  it("names the plan file for a plan's own mistake (removing every crossing)", () => {
    expectReported(/empty-plan\.yaml:\d+ crossings: expected at least one crossing/);
  });

  it('accepts dates in years 1-99 as the dates they are', async () => {
    expect(results.early!.code, results.early!.stderr).toBe(0);
    const { rows } = await readCsv(at('early'), 'daily.csv');
    expect(rows[0]?.date).toBe('0050-06-05');
  });

  it('never starts a sweep.csv cell built from --set text with = + - @', async () => {
    expect(results.formulas!.code, results.formulas!.stderr).toBe(0);
    const { rows } = await readCsv(at('formulas'), 'sweep.csv');
    const names = [...new Set(rows.map((r) => r.name))];
    expect(names).toEqual(["'=HYPERLINK(\"http://x\")", "'@SUM(1)", "'+x", "'-x", 'plain']);
  });
});
