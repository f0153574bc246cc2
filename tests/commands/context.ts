// Shared by the command tests: a context with string buffers, argv for runProgram, CSV reading, the decide fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import type { CommandContext } from '../../src/commands/context.js';

export const DECIDE = join(import.meta.dirname, '..', 'fixtures', 'decide');

/** A context that records stdout and stderr. */
export function context(extra: Partial<CommandContext> = {}): { ctx: CommandContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const ctx: CommandContext = {
    stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), progressStream: null,
    argv: ['bordersim'], tag: 'decide', now: () => (clock += 100), ...extra,
  };
  return { ctx, out, err };
}

/** process.argv-shaped arguments for runProgram. */
export const argv = (...args: string[]): string[] => ['node', 'bordersim', ...args];

/** Reads a CSV file back with fast-csv: headers and rows as text. */
export function readCsv(folder: string, file: string): Promise<{ headers: string[]; rows: Record<string, string>[]; text: string }> {
  const text = readFileSync(join(folder, file), 'utf8');
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    let headers: string[] = [];
    parseString<Record<string, string>, Record<string, string>>(text, { headers: true })
      .on('headers', (h: string[]) => (headers = h))
      .on('data', (r: Record<string, string>) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve({ headers, rows, text }));
  });
}
