// The one base of the simulation's errors: a malformed model handed to the engine (a schedule, a trajectory, an
// event in the past), an invalid distribution handed to a sampler (random/), a bad date or run option handed to
// the model. They are bugs of the caller, not bad input of a user (files and flags are checked before and give
// InputErrors, src/errors.ts); the command line reports exit 1.

/** An engine object used against its contract; the message names the object and the bad value. */
export class EngineError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}
