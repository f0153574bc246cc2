import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Hang guards, not speed limits: on a loaded 2-core machine building the CLI (tsc) and the CLI runs in a
    // beforeAll took 73 s (load 12), a property test 16.5 s. No test file sets a shorter one (tests/suite.test.ts).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'threads',
    // Two files at a time even on 2 cores (vitest's default there is one): many files wait on child processes
    // (the CLI, a Slurm cluster), so the second thread fills the gaps. 170 s → under 100 s (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share a thread's module cache instead of loading src/ afresh each (the imports cost 14 s of
    // CPU). Safe because src/ keeps no state between calls but caches of pure results, and no test changes
    // process-wide state (environment, working folder, exit code) — tests/suite.test.ts checks the latter.
    isolate: false,
    // Fixes fast-check's seed (FUZZ_SEED overrides it): CI must never fail by chance (docs/testing.md).
    setupFiles: ['tests/setup.ts'],
  },
});
