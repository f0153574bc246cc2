// Every `$ bordersim …` example in every command's --help, run in-process against the shipped scenarios (shortened
// with --replications/--days/--warmup-days and sent to a temporary --out): each must exit 0, and the compare
// examples must be like-for-like (no scenarios_differ warning).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/commands/program.js';
import { context } from '../helpers/context.js';
import { REPO } from '../helpers/paths.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMANDS = ['run', 'validate', 'schema', 'compare', 'sweep', 'capacity'];
/** Commands that simulate: their examples get the short-run flags (given last, so they win over the example's). */
const SIMULATING = new Set(['run', 'compare', 'sweep', 'capacity']);
const SHORT = ['--replications', '2', '--days', '3', '--warmup-days', '1', '--quiet'];

/** The short-run flags for an example: one that reports a period (--from/--to) keeps its dates, with 1 replication. */
function shortFor(words: readonly string[]): string[] {
  return words.includes('--from') || words.includes('--to') ? ['--replications', '1', '--quiet'] : SHORT;
}

async function helpOf(command: string): Promise<string> {
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
function examples(help: string): string[] {
  return [...help.matchAll(/^\s*\$ bordersim (.+)$/gm)].map((m) => m[1]!.trim());
}

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

  const cases = COMMANDS.map((c) => [c] as const);
  it.each(cases)('the %s examples run (shortened) with exit code 0', async (command) => {
    const lines = examples(await helpOf(command));
    for (const [i, line] of lines.entries()) {
      const words = shellWords(line).flatMap(expand);
      const out = join(root, `${command}-${i}`);
      const extra = SIMULATING.has(command) && !words.includes('--help') ? [...shortFor(words), '--out', out] : [];
      const { ctx, err } = context();
      const code = await runProgram(['node', 'bordersim', ...words, ...extra], ctx);
      expect(code, `${line}\n${err.join('')}`).toBe(0);
      if (command === 'compare') {
        expect(err.join(''), line).not.toContain('scenarios_differ');
        const info = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { warnings: Array<{ check: string }> };
        expect(info.warnings.filter((w) => w.check === 'scenarios_differ'), line).toEqual([]);
      }
    }
  });

  it('the program help examples run too', async () => {
    for (const line of examples(await helpOf(''))) {
      const words = shellWords(line).flatMap(expand);
      const extra = words[0] === 'run' && !words.includes('--help') ? [...shortFor(words), '--out', join(root, 'program-run')] : [];
      const { ctx, err } = context();
      expect(await runProgram(['node', 'bordersim', ...words, ...extra], ctx), `${line}\n${err.join('')}`).toBe(0);
    }
  });
});
