// A command context with string buffers (what cli.ts hands a command, without the terminal), and argv for runProgram.
import type { CommandContext } from '../../src/commands/context.js';

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
