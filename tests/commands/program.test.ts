// The command tree in-process: exit codes for every kind of outcome, and what is printed with them.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/commands/program.js';
import type { ReplicationRunner } from '../../src/experiment/runner/experiment.js';
import { runReplication } from '../../src/model/run.js';
import { argv, context } from '../helpers/context.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-program-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const broken: ReplicationRunner = () => {
  throw new Error('model broke');
};

describe('runProgram exit codes', () => {
  it('returns 0 for a finished run', async () => {
    const { ctx } = context();
    expect(await runProgram(argv('run', TINY, '--quiet', '--replications', '1', '--out', join(root, 'ok')), ctx)).toBe(0);
  });

  it('returns 1 for a failure while running, with the message and no stack trace unless debugging', async () => {
    const quiet = context();
    expect(await runProgram(argv('run', TINY, '--quiet', '--out', join(root, 'fail')), quiet.ctx, broken)).toBe(1);
    expect(quiet.err.join('')).toMatch(/^bordersim: run failed: model broke\n\(set BORDERSIM_DEBUG=1 to see where\)\n$/);
    const debug = context({ debug: true });
    expect(await runProgram(argv('run', TINY, '--quiet', '--out', join(root, 'fail')), debug.ctx, broken)).toBe(1);
    expect(debug.err.join('')).toMatch(/^\s+at /m);
    expect(readdirSync(root)).toEqual(['ok']);
  });

  it('returns 130 when interrupted, leaving nothing behind', async () => {
    const interrupt = new AbortController();
    const { ctx, err } = context({ signal: interrupt.signal });
    const stopping: ReplicationRunner = (s, o) => (interrupt.abort(new Error('interrupted')), runReplication(s, o));
    expect(await runProgram(argv('run', TINY, '--quiet', '--out', join(root, 'int')), ctx, stopping)).toBe(130);
    expect(err.join('')).toMatch(/interrupted \(SIGINT\); earlier results were left as they were/);
    expect(readdirSync(root)).toEqual(['ok']);
  });

  it.each([
    [['run', TINY, '--replications', '-3'], /--replications/],
    [['run', join(root, 'missing.yaml')], /missing\.yaml/],
    [['run', TINY, '--out', join(root, 'afile', 'sub')], /cannot create the output folder/],
    [['validate'], /missing required argument/],
  ])('returns 2 for bad input %j', async (args, message) => {
    writeFileSync(join(root, 'afile'), 'x');
    const { ctx, err } = context();
    expect(await runProgram(argv(...args), ctx)).toBe(2);
    expect(err.join('')).toMatch(message);
    rmSync(join(root, 'afile'));
  });

  it.each([
    [['--class', 'lorry'], /^error: option '--class <c>' argument 'lorry' is invalid\. expected one of truck, car, train, freight, all\./],
    [['--direction', 'both'], /^error: option '--direction <d>' argument 'both' is invalid\. expected one of south, north, all\./],
    [['--decimal', 'dot'], /^error: option '--decimal <mark>' argument 'dot' is invalid\. expected point or comma\./],
  ])('returns 2 for run %j, naming the flag and the value, before running', async (flags, message) => {
    const { ctx, err } = context();
    const out = join(root, 'bad-choice');
    expect(await runProgram(argv('run', TINY, ...flags, '--out', out), ctx, broken)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(readdirSync(root)).not.toContain('bad-choice');
  });

  it('returns 0 for --help and --version, printing on stdout', async () => {
    const help = context();
    expect(await runProgram(argv('run', '--help'), help.ctx)).toBe(0);
    expect(help.out.join('')).toMatch(/--warmup-days <w>/);
    const version = context();
    expect(await runProgram(argv('-V'), version.ctx)).toBe(0);
    expect(version.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
