// The suite's own guards against failing by chance (vitest.config.ts): fast-check's seed fixed by the setup
// file, and timeouts that only catch hangs, which no test file shortens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.js';

const TESTS = fileURLToPath(new URL('.', import.meta.url));

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? testSources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []))
    .sort();
}

describe('vitest.config.ts', () => {
  const test = (config as { test: { testTimeout: number; hookTimeout: number; setupFiles: string[] } }).test;

  it('runs tests/setup.ts before every file (it fixes the fast-check seed)', () => {
    expect(test.setupFiles).toEqual(['tests/setup.ts']);
  });

  it('gives tests and hooks minutes, so a loaded machine is slow but never fails (a beforeAll took 73 s of 120)', () => {
    expect(test.testTimeout).toBeGreaterThanOrEqual(300_000);
    expect(test.hookTimeout).toBeGreaterThanOrEqual(600_000);
  });

  it('shares module caches between files only because no test changes process-wide state', () => {
    expect((config as { test: { isolate: boolean } }).test.isolate).toBe(false);
    const changing = testSources(TESTS).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const hits = [...text.matchAll(/process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|process\.chdir\(|process\.exitCode\s*=|vi\.(mock|stubGlobal|stubEnv)\(|useFakeTimers\(/g)].map((m) => m[0]);
      return file.endsWith('suite.test.ts') ? [] : hits.map((hit) => `${file.slice(TESTS.length)}: ${hit}`);
    });
    expect(changing).toEqual([]);
  });

  it('is not undercut by a timeout in any test file', () => {
    const shortened = testSources(TESTS).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // A timeout argument is milliseconds (4 digits or more); `}, 40)` is an ordinary call's last argument.
      const hits = [...text.matchAll(/\}\s*,\s*[1-9][\d_]{3,}\s*\)|\btimeout\s*:\s*[\d_]+|setTimeout\(\s*[\d_]+/g)].map((m) => m[0]);
      return hits.map((hit) => `${file.slice(TESTS.length)}: ${hit}`);
    });
    expect(shortened).toEqual([]);
  });
});
