// The `$ bordersim …` examples of a command's --help, and running one in-process against the shipped scenarios,
// shortened (--replications/--days/--warmup-days) and sent to a temporary --out. Shared by the examples tests of
// src/commands/program.ts (run, validate, schema) and src/commands/tree.ts (compare, sweep, capacity).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/commands/program.js';
import { context } from './context.js';
import { REPO } from './paths.js';

/** Commands that simulate: their examples get the short-run flags (given last, so they win over the example's). */
const SIMULATING = new Set(['run', 'compare', 'sweep', 'capacity']);
const SHORT = ['--replications', '2', '--days', '3', '--warmup-days', '1', '--quiet'];
/**
 * The report and workbook cost about a second each per run; the first example of each command makes them (the
 * defaults a planner gets), the others skip them — tests/report and tests/output check those files in detail.
 */
const NO_EXTRAS = ['--no-report', '--no-workbook'];

/** The short-run flags for an example: one that reports a period (--from/--to) keeps its dates, with 1 replication. */
function shortFor(words: readonly string[]): string[] {
  return words.includes('--from') || words.includes('--to') ? ['--replications', '1', '--quiet'] : SHORT;
}

/** The --help text of `command` ('' for the program's own). */
export async function helpOf(command: string): Promise<string> {
  const { ctx, out } = context();
  expect(await runProgram(['node', 'bordersim', ...(command === '' ? [] : [command]), '--help'], ctx)).toBe(0);
  return out.join('');
}

/** Words of a command line as a shell splits them: double or single quotes group, a `> file` redirection is dropped. */
export function shellWords(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const redirect = words.indexOf('>');
  return redirect < 0 ? words : words.slice(0, redirect);
}

/** A shell glob in scenarios/ (`scenarios/*.yaml`) as the sorted files it names; other words unchanged, paths made absolute. */
function expand(word: string): string[] {
  if (!word.startsWith('scenarios/')) return [word];
  if (!word.includes('*')) return [join(REPO, word)];
  const [dir, pattern] = [word.slice(0, word.lastIndexOf('/')), word.slice(word.lastIndexOf('/') + 1)];
  const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
  return readdirSync(join(REPO, dir)).filter((f) => re.test(f)).sort().map((f) => join(REPO, dir, f));
}

/** The example lines (`$ bordersim …`) of a help text, without the `$ bordersim`. */
export function examples(help: string): string[] {
  return [...help.matchAll(/^\s*\$ bordersim (.+)$/gm)].map((m) => m[1]!.trim());
}

/**
 * Runs an example of a help text (`line`) in-process into `out`, with the report and workbook when `extras`;
 * expects exit code 0 and, for compare, a like-for-like comparison (no scenarios_differ warning, on stderr or in
 * run.json).
 */
export async function runExample(line: string, out: string, extras: boolean): Promise<void> {
  const words = shellWords(line).flatMap(expand);
  const command = words[0]!;
  const simulating = SIMULATING.has(command) && !words.includes('--help');
  const extra = simulating ? [...shortFor(words), ...(extras ? [] : NO_EXTRAS), '--out', out] : [];
  const { ctx, err } = context();
  const code = await runProgram(['node', 'bordersim', ...words, ...extra], ctx);
  expect(code, `${line}\n${err.join('')}`).toBe(0);
  if (command === 'compare') {
    expect(err.join(''), line).not.toContain('scenarios_differ');
    const info = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { warnings: Array<{ check: string }> };
    expect(info.warnings.filter((w) => w.check === 'scenarios_differ'), line).toEqual([]);
  }
}

/**
 * The tests of one decision command's --help examples (src/commands/tree.ts), a file each so they run in parallel:
 * there are some, and each runs (shortened) with exit code 0; the first with the report and workbook.
 */
export async function describeExamples(command: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), `bordersim-${command}-examples-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lines = examples(await helpOf(command));
  describe(`${command} --help examples`, () => {
    it('there are some', () => expect(lines.length).toBeGreaterThan(0));
    it.each(lines.map((line, i) => [i, line] as const))('example %i runs (shortened) with exit code 0: %s', async (i, line) => {
      await runExample(line, join(root, `${command}-${i}`), i === 0);
    });
  });
}
