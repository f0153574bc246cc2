// The CLI test harness's build lock: waits for a live holder, takes over a stale lock, and never spins on a
// folder it cannot make.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withLock } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'bordersim-harness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withLock', () => {
  it('holds the lock folder while fn runs and removes it after, also when fn throws', () => {
    const lock = join(dir, 'plain.lock');
    expect(withLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() => withLock(lock, () => { throw new Error('build broke'); })).toThrow('build broke');
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a crashed run (older than staleMs)', () => {
    const lock = join(dir, 'stale.lock');
    mkdirSync(lock);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    expect(withLock(lock, () => 'built', 60_000)).toBe('built');
    expect(existsSync(lock)).toBe(false);
  });

  it('throws when the lock folder cannot be made, instead of waiting for it forever', () => {
    expect(() => withLock(join(dir, 'missing', 'deeper', 'x.lock'), () => 'never')).toThrow(/ENOENT/);
  });
});
