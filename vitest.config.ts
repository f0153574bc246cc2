import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Fixes fast-check's seed (FUZZ_SEED overrides it): CI must never fail by chance (docs/testing.md).
    setupFiles: ['tests/setup.ts'],
  },
});
