// Ctrl-C during a run (in-process or in worker threads): exit 130, the previous results untouched, no staging
// folder left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, runCliAll } from './harness.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-int-'));
let cli = '';

beforeAll(() => {
  cli = buildCli();
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('interrupting bordersim run', () => {
  /** Starts a run of a million replications into `res` and sends SIGINT once replication `n` is reported done. */
  async function interruptAfter(n: number, extra: string[]): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [cli, 'run', TINY, '--replications', '1000000', ...extra, '--out', 'res'], { cwd });
    let stderr = '';
    const done = new RegExp(`replication ${n}/1000000 done`);
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        if (done.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    return { code, stderr };
  }

  it('exits 130 on SIGINT and keeps the previous result folder as it was', async () => {
    const [first] = await runCliAll(cli, [['run', TINY, '--quiet', '--replications', '2', '--out', 'res']], cwd);
    expect(first?.code).toBe(0);
    const before = readFileSync(join(cwd, 'res', 'summary.csv'));

    const { code, stderr } = await interruptAfter(3, ['--trace']);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted; earlier results were left as they were/);
    expect(readFileSync(join(cwd, 'res', 'summary.csv')).equals(before)).toBe(true);
    expect(readdirSync(join(cwd, 'res')).sort()).toEqual(['daily.csv', 'replications.csv', 'run.json', 'stages.csv', 'summary.csv']);
    expect(readdirSync(cwd)).toEqual(['res']);
  });

  it('stops the worker threads on SIGINT too: exit 130, previous results kept, nothing left behind', async () => {
    const before = readFileSync(join(cwd, 'res', 'summary.csv'));
    const { code, stderr } = await interruptAfter(5, ['--workers', '2']);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted; earlier results were left as they were/);
    expect(readFileSync(join(cwd, 'res', 'summary.csv')).equals(before)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['res']);
  });
});
