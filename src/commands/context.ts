// What a command may use of the outside world, handed in by cli.ts (the only module that touches process).
// Tests build one with string buffers instead of the terminal.
import type { FolderHooks } from '../output/folder.js';
import { InputError } from '../errors.js';

/** The command's view of the terminal, the command line and the clock. */
export interface CommandContext {
  /** Writes text to standard output as is (add your own newline). */
  stdout: (text: string) => void;
  /** Writes text to standard error as is. */
  stderr: (text: string) => void;
  /** The standard error stream when it is a terminal (for the progress bar), else null. */
  progressStream: NodeJS.WritableStream | null;
  /** The command line as typed, for run.json. */
  argv: string[];
  /** Unique per process (the pid): names staging folders `<out>.tmp-<tag>-<n>`. */
  tag: string;
  /** Wall clock in milliseconds (monotonic). */
  now: () => number;
  /** Aborted when the user interrupts (Ctrl-C, SIGTERM, SIGHUP), with an Interrupted reason; checked between steps. */
  signal?: AbortSignal;
  /** True while the process whose tag is given still runs (so its staging folders are not a killed run's). */
  running?: (tag: string) => boolean;
  /** Test hooks inside a commit of the result folder (see output/folder.ts). */
  folderHooks?: FolderHooks;
  /** Print stack traces of failures (BORDERSIM_DEBUG set). */
  debug?: boolean;
}

/** A bad command-line value that the parser could not catch alone (exit code 2); the message names flag and value. */
export class UsageError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Why a command stopped early: a signal, with the exit code a shell gives for it (128 + its number). */
export class Interrupted extends Error {
  constructor(
    readonly signalName: string,
    readonly exitCode: number,
  ) {
    super(`interrupted (${signalName})`);
    this.name = 'Interrupted';
  }
}
