// Where the tests find the repository and its data fixtures (tests/fixtures/ holds data files only).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Scenario files the tests run (tests/fixtures/). */
export const FIXTURES = join(REPO, 'tests', 'fixtures');
/** The small scenarios and plans of the decision commands' tests (compare, sweep, capacity). */
export const DECIDE = join(FIXTURES, 'decide');
