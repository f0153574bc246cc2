// What a command may use of the outside world, handed in by cli.ts (the only module that touches process).
// Tests build one with string buffers instead of the terminal.

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
  /** Aborted when the user interrupts (Ctrl-C); checked between replications. */
  signal?: AbortSignal;
  /** Print stack traces of failures (BORDERSIM_DEBUG set). */
  debug?: boolean;
}

/** A bad command-line value that the parser could not catch alone (exit code 2); the message names flag and value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
