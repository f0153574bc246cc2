// The event calendar: a binary min-heap keyed (time, priority, insertion sequence) in parallel arrays,
// so simultaneous events always run in the same order and scheduling allocates nothing per event.

/** A handler receives the argument it was scheduled with. */
export type EventHandler = (arg: any) => void;

const SEQ_SPAN = 2 ** 44; // room for 1.7e13 insertions per priority level within float64 precision

function noHandler(): void {}

/** Binary heap of pending events; pop order is by time, then priority, then insertion sequence. */
export class EventCalendar {
  private times: Float64Array;
  private keys: Float64Array;
  private handlers: EventHandler[];
  private args: unknown[];
  private count = 0;
  private seq = 0;

  constructor(initialCapacity = 64) {
    this.times = new Float64Array(initialCapacity);
    this.keys = new Float64Array(initialCapacity);
    // Filled at once, so every calendar's arrays have from the start the elements kind they end with (any
    // value; docs/v8-notes.md §3).
    this.handlers = new Array<EventHandler>(initialCapacity).fill(noHandler);
    this.args = new Array<unknown>(initialCapacity).fill(undefined);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Order key of the earliest pending event (priority and insertion sequence); meaningless when empty. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /**
   * The order key an event of `priority` pushed now would get (consumes a sequence number): for an event held
   * outside the heap that must still take its turn among same-instant events exactly as if it were pushed.
   */
  takeKey(priority: number): number {
    return priority * SEQ_SPAN + this.seq++;
  }

  /** Adds an event; priority must be an integer in [0, 511]. */
  push(timeMin: number, priority: number, handler: EventHandler, arg: unknown): void {
    if (this.count === this.times.length) this.grow();
    const key = priority * SEQ_SPAN + this.seq++;
    const times = this.times;
    const keys = this.keys;
    const handlers = this.handlers;
    const args = this.args;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < timeMin || (pt === timeMin && keys[parent]! < key)) break;
      times[i] = pt;
      keys[i] = keys[parent]!;
      handlers[i] = handlers[parent]!;
      args[i] = args[parent];
      i = parent;
    }
    times[i] = timeMin;
    keys[i] = key;
    handlers[i] = handler;
    args[i] = arg;
  }

  /**
   * Removes the earliest event and runs nothing: returns its time and leaves handler and argument
   * in `poppedHandler` / `poppedArg` (avoids allocating a record per event).
   */
  pop(): number {
    const times = this.times;
    const keys = this.keys;
    const handlers = this.handlers;
    const args = this.args;
    const top = times[0]!;
    this.poppedHandler = handlers[0]!;
    this.poppedArg = args[0];
    const n = --this.count;
    if (n > 0) {
      const lastT = times[n]!;
      const lastK = keys[n]!;
      const lastH = handlers[n]!;
      const lastA = args[n];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let child = 2 * i + 1;
        const right = child + 1;
        if (right < n) {
          const ct = times[child]!;
          const rt = times[right]!;
          if (rt < ct || (rt === ct && keys[right]! < keys[child]!)) child = right;
        }
        const ct = times[child]!;
        if (ct > lastT || (ct === lastT && keys[child]! > lastK)) break;
        times[i] = ct;
        keys[i] = keys[child]!;
        handlers[i] = handlers[child]!;
        args[i] = args[child];
        i = child;
      }
      times[i] = lastT;
      keys[i] = lastK;
      handlers[i] = lastH;
      args[i] = lastA;
    }
    handlers[n] = undefined as unknown as EventHandler; // let the entity be collected
    args[n] = undefined;
    return top;
  }

  poppedHandler: EventHandler = () => {};
  poppedArg: unknown = undefined;

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    this.times = times;
    this.keys = keys;
    this.handlers.length = cap;
    this.args.length = cap;
  }
}
