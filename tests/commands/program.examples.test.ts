// Every `$ bordersim …` example in the help of the program and of run, validate and schema (src/commands/program.ts)
// runs, shortened, with exit code 0; every command's help has examples, all with shipped scenario files.
// The decision commands' examples (src/commands/tree.ts) are in tree.*.examples.test.ts, so the files run in parallel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, helpOf, runExample, shellWords } from '../helpers/help-examples.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMANDS = ['run', 'validate', 'schema', 'compare', 'sweep', 'capacity'];
/** The commands whose help program.ts writes ('' is the program's own), with their examples. */
const OWN: Array<[string, string[]]> = [];
for (const command of ['run', 'validate', 'schema', '']) OWN.push([command, examples(await helpOf(command))]);

describe('shellWords', () => {
  it('groups quoted words and drops a redirection', () => {
    expect(shellWords('capacity a.yaml --limit "approach_wait_h_p95 <= 4" --class truck')).toEqual(['capacity', 'a.yaml', '--limit', 'approach_wait_h_p95 <= 4', '--class', 'truck']);
    expect(shellWords('schema > bordersim.schema.json')).toEqual(['schema']);
  });
});

describe('--help examples', () => {
  it('every command shows examples, all of them with shipped scenario files', async () => {
    for (const command of COMMANDS) {
      const lines = examples(await helpOf(command));
      expect(lines.length, command).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line.startsWith(command), `${command}: ${line}`).toBe(true);
        for (const w of shellWords(line).filter((x) => x.endsWith('.yaml'))) expect(w, line).toMatch(/^scenarios\//);
      }
    }
    expect(examples(await helpOf('')).length).toBeGreaterThan(0);
  });

  for (const [command, lines] of OWN) {
    it.each(lines.map((line, i) => [i, line] as const))(`${command || 'program'} example %i runs (shortened) with exit code 0: %s`, async (i, line) => {
      // the first run example makes the report and workbook; the program's own repeats run's first
      await runExample(line, join(root, `${command || 'program'}-${i}`), command === 'run' && i === 0);
    });
  }
});
