// Vitest setup, run before every test file: fast-check's seed is fixed (FUZZ_SEED overrides it).
import { configureFuzz } from './fuzz.js';

configureFuzz();
