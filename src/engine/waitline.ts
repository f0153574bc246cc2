// Waiting lines for resources and zones: a growable FIFO ring of (entity, callback, instant joined) entries,
// and a priority variant ordered by (priority, arrival sequence) so equal priorities stay first-come first-served.

/** Called when a waiting entity is granted what it waited for. */
export type GrantCallback<T> = (entity: T) => void;

/** A waiting line: FIFO or priority. */
export interface WaitLine<T> {
  readonly length: number;
  /** Queues `entity`, which joined the line at `atMin` (NaN when the owner does not time waits). */
  push(entity: T, onGranted: GrantCallback<T>, priority?: number, atMin?: number): void;
  /** Removes the head; its callback is left in `headCallback` and the instant it joined in `headJoinedAtMin`. */
  shift(): T;
  headCallback: GrantCallback<T>;
  headJoinedAtMin: number;
}

/** First-in first-out line on a ring buffer. */
export class FifoLine<T> implements WaitLine<T> {
  private entities: (T | undefined)[] = new Array(16);
  private callbacks: (GrantCallback<T> | undefined)[] = new Array(16);
  private joinedAtMin = new Float64Array(16);
  private head = 0;
  private count = 0;
  headCallback: GrantCallback<T> = () => {};
  headJoinedAtMin = NaN;

  get length(): number {
    return this.count;
  }

  push(entity: T, onGranted: GrantCallback<T>, _priority = 0, atMin = NaN): void {
    if (this.count === this.entities.length) this.grow();
    const i = (this.head + this.count) & (this.entities.length - 1);
    this.entities[i] = entity;
    this.callbacks[i] = onGranted;
    this.joinedAtMin[i] = atMin;
    this.count++;
  }

  shift(): T {
    if (this.count === 0) throw new RangeError('shift() on an empty line');
    const i = this.head;
    const e = this.entities[i] as T;
    this.headCallback = this.callbacks[i]!;
    this.headJoinedAtMin = this.joinedAtMin[i]!;
    this.entities[i] = undefined;
    this.callbacks[i] = undefined;
    this.head = (i + 1) & (this.entities.length - 1);
    this.count--;
    return e;
  }

  private grow(): void {
    const cap = this.entities.length;
    const entities: (T | undefined)[] = new Array(cap * 2);
    const callbacks: (GrantCallback<T> | undefined)[] = new Array(cap * 2);
    const joinedAtMin = new Float64Array(cap * 2);
    for (let k = 0; k < this.count; k++) {
      const j = (this.head + k) & (cap - 1);
      entities[k] = this.entities[j];
      callbacks[k] = this.callbacks[j];
      joinedAtMin[k] = this.joinedAtMin[j]!;
    }
    this.entities = entities;
    this.callbacks = callbacks;
    this.joinedAtMin = joinedAtMin;
    this.head = 0;
  }
}

interface PriorityEntry<T> {
  entity: T;
  onGranted: GrantCallback<T>;
  priority: number;
  seq: number;
  joinedAtMin: number;
}

/** Lowest priority number first; ties in arrival order. */
export class PriorityLine<T> implements WaitLine<T> {
  private heap: PriorityEntry<T>[] = [];
  private seq = 0;
  headCallback: GrantCallback<T> = () => {};
  headJoinedAtMin = NaN;

  get length(): number {
    return this.heap.length;
  }

  push(entity: T, onGranted: GrantCallback<T>, priority = 0, atMin = NaN): void {
    const heap = this.heap;
    const item = { entity, onGranted, priority, seq: this.seq++, joinedAtMin: atMin };
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(item, heap[p]!)) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = item;
  }

  shift(): T {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) throw new RangeError('shift() on an empty line');
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && before(heap[c + 1]!, heap[c]!)) c++;
        if (!before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    this.headCallback = top.onGranted;
    this.headJoinedAtMin = top.joinedAtMin;
    return top.entity;
  }
}

function before<T>(a: PriorityEntry<T>, b: PriorityEntry<T>): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);
}
