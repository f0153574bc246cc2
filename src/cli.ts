#!/usr/bin/env node
// bordersim's entry point: the only module that touches `process`. It builds the command context from the
// real terminal, argv, pid and signals (Ctrl-C, SIGTERM, SIGHUP), runs the command tree and sets the exit code.
import { existsSync } from 'node:fs';
import { Interrupted, type CommandContext } from './commands/context.js';
import { runProgram } from './commands/program.js';
import type { FolderHooks } from './output/folder.js';

/** Exit codes a shell gives for these signals (128 + the signal's number). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** True while process `tag` (a pid) runs; a tag that is no pid counts as running, so nothing of it is deleted. */
function running(tag: string): boolean {
  if (!/^\d+$/.test(tag)) return true;
  try {
    process.kill(Number(tag), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * BORDERSIM_TEST_HOLD=<point>:<file> (tests only): at that point of a commit (before-commit, between-renames),
 * say so on stderr and block, as writing does, until <file> exists (at most a minute).
 */
function holdHooks(spec: string | undefined): FolderHooks {
  const m = spec ? /^(before-commit|between-renames):(.+)$/.exec(spec) : null;
  if (!m) return {};
  const [, point, file] = m as unknown as [string, string, string];
  const hold = (): void => {
    process.stderr.write(`bordersim: holding ${point}\n`);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (let waitedMs = 0; !existsSync(file) && waitedMs < 60_000; waitedMs += 10) Atomics.wait(cell, 0, 0, 10);
  };
  return point === 'before-commit' ? { beforeCommit: hold } : { betweenRenames: hold };
}

async function main(): Promise<void> {
  const interrupt = new AbortController();
  for (const [name, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(name, () => {
      if (interrupt.signal.aborted) return;
      interrupt.abort(new Interrupted(name, code));
      // Whatever still runs (a thread being stopped), the process ends soon after with the signal's code.
      setTimeout(() => process.exit(code), 2000).unref();
    });
  }
  // A reader that goes away (`bordersim run --help | head`) closes the pipe: stop writing to it instead of dying
  // with an unhandled EPIPE; the command itself goes on (results are written to files, not to the pipe).
  const closed = { stdout: false, stderr: false };
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed[name] = true;
    });
  }
  const ctx: CommandContext = {
    stdout: (s) => void (closed.stdout || process.stdout.write(s)),
    stderr: (s) => void (closed.stderr || process.stderr.write(s)),
    progressStream: process.stderr.isTTY ? process.stderr : null,
    argv: ['bordersim', ...process.argv.slice(2)],
    tag: String(process.pid),
    now: () => performance.now(),
    signal: interrupt.signal,
    running,
    folderHooks: holdHooks(process.env.BORDERSIM_TEST_HOLD),
    debug: Boolean(process.env.BORDERSIM_DEBUG),
  };
  process.exitCode = await runProgram(process.argv, ctx);
}

void main();
