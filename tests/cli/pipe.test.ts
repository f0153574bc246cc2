// A reader that goes away early (`bordersim run --help | head -1`) must not make bordersim die with an unhandled
// EPIPE stack trace: it stops writing to the closed pipe and exits as the command would.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './harness.js';

let cli = '';
beforeAll(() => {
  cli = buildCli();
});

/** Runs the CLI with its stdout closed by the reader after the first chunk; resolves with exit code and stderr. */
function withEarlyClose(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args]);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout', () => {
  it.each([[['--help']], [['run', '--help']], [['schema']]])('%j exits 0 without an EPIPE stack trace', async (args) => {
    const r = await withEarlyClose(args);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.code).toBe(0);
  });
});
