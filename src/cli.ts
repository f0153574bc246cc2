#!/usr/bin/env node
// bordersim's entry point: the only module that touches `process`. It builds the command context from the
// real terminal, argv, pid and Ctrl-C, runs the command tree (commands/program.ts) and sets the exit code.
import type { CommandContext } from './commands/context.js';
import { runProgram } from './commands/program.js';

async function main(): Promise<void> {
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort(new Error('interrupted')));
  const ctx: CommandContext = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    progressStream: process.stderr.isTTY ? process.stderr : null,
    argv: ['bordersim', ...process.argv.slice(2)],
    tag: String(process.pid),
    now: () => performance.now(),
    signal: interrupt.signal,
    debug: Boolean(process.env.BORDERSIM_DEBUG),
  };
  process.exitCode = await runProgram(process.argv, ctx);
}

void main();
