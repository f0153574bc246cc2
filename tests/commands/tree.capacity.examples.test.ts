// Every `$ bordersim capacity …` example in its --help (src/commands/tree.ts) runs, shortened, with exit code 0
// (tests/helpers/help-examples.ts; compare's must also be like-for-like).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, helpOf, runExample } from '../helpers/help-examples.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-capacity-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lines = examples(await helpOf('capacity'));

describe('capacity --help examples', () => {
  it('there are some', () => expect(lines.length).toBeGreaterThan(0));

  it.each(lines.map((line, i) => [i, line] as const))('example %i runs (shortened) with exit code 0: %s', async (i, line) => {
    await runExample(line, join(root, `capacity-${i}`), i === 0);
  });
});
