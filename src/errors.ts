// The one base of every bad-input error: a scenario file, a flag or an output folder that cannot be used. The
// command line reports any of them with exit code 2 and writes nothing; the message names what was wrong.

/** Bad input (exit code 2): the message names the file or flag, the path inside it and the bad value. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
