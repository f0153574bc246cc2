// bench/cputime.py, the wrapper the Kyakhta pair reads its CPU seconds from: the command's output passes
// through, its own line comes last and parses as the pair expects, and a failing command's exit code passes
// through without the line. Skipped where there is no python3 at all (no figure is checked, only the form).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../src/bench/suite.js';

const script = new URL('../../bench/cputime.py', import.meta.url).pathname;
const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));

describe.skipIf(python === undefined)('bench/cputime.py', () => {
  const run = (args: string[]): ReturnType<typeof spawnSync> => spawnSync(python!, [script, ...args], { encoding: 'utf8' });

  it("prints the command's output, then cpu_s, user_s, sys_s, wall_s and max_rss_mb", () => {
    const r = run([process.execPath, '-e', "console.log('first'); console.log('second')"]);
    expect(r.status).toBe(0);
    const lines = String(r.stdout).trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['first', 'second']);
    const last = lines[2]!;
    expect(last).toMatch(/^cpu_s=\d+\.\d{3} user_s=\d+\.\d{3} sys_s=\d+\.\d{3} wall_s=\d+\.\d{3} max_rss_mb=\d+\.\d$/);
    // user + sys is cpu (each rounded to the millisecond)
    expect(Math.abs(fieldOf(last, 'user_s') + fieldOf(last, 'sys_s') - fieldOf(last, 'cpu_s'))).toBeLessThanOrEqual(0.002);
    expect(fieldOf(last, 'max_rss_mb')).toBeGreaterThan(0);
  });

  it("passes a failing command's exit code through, without the line", () => {
    const r = run([process.execPath, '-e', "console.log('partial'); process.exit(3)"]);
    expect(r.status).toBe(3);
    expect(String(r.stdout).trim()).toBe('partial');
  });

  it('exits 127 naming a program that cannot be started, and 2 without a command', () => {
    const missing = run(['/nonexistent/program']);
    expect(missing.status).toBe(127);
    expect(String(missing.stderr)).toMatch(/cannot run \/nonexistent\/program/);
    expect(run([]).status).toBe(2);
  });
});
