// Waiting lines against plain-array references: the FIFO ring (wrap-around and growth past its first 16 slots)
// and the priority line (lowest number first, arrival order among equals), each handing back its entity's callback.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { FifoLine, PriorityLine, type GrantCallback, type WaitLine } from '../../src/engine/waitline.js';

/** A push (with its priority) or a shift, in any interleaving. */
const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 3 }) }), fc.constant({ shift: true as const }));

/** Plays `ops` on `line` and on `reference` (which picks the index to take); both must agree at every step. */
function playAgainst(line: WaitLine<number>, ops: ({ push: number } | { shift: true })[], take: (ref: { id: number; prio: number }[]) => number): void {
  const ref: { id: number; prio: number }[] = [];
  const callbacks = new Map<number, GrantCallback<number>>();
  let id = 0;
  for (const o of ops) {
    if ('push' in o) {
      const cb: GrantCallback<number> = () => {};
      callbacks.set(id, cb);
      line.push(id, cb, o.push);
      ref.push({ id, prio: o.push });
      id++;
    } else if (ref.length === 0) {
      expect(() => line.shift()).toThrow(RangeError);
    } else {
      const [want] = ref.splice(take(ref), 1);
      const got = line.shift();
      expect(got).toBe(want!.id);
      expect(line.headCallback).toBe(callbacks.get(want!.id));
    }
    expect(line.length).toBe(ref.length);
  }
}

describe('FifoLine', () => {
  it('hands entities back in arrival order through wrap-around and growth (property)', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => playAgainst(new FifoLine<number>(), ops, () => 0)), { numRuns: fuzzRuns(300) });
  });

  it('keeps its order when it grows while wrapped around', () => {
    const line: WaitLine<number> = new FifoLine<number>();
    const cb = (): void => {};
    for (let i = 0; i < 10; i++) line.push(i, cb, 0);
    for (let i = 0; i < 10; i++) line.shift(); // head now in the middle of the 16-slot ring
    for (let i = 10; i < 50; i++) line.push(i, cb, 0); // wraps, then grows twice
    const out: number[] = [];
    while (line.length > 0) out.push(line.shift());
    expect(out).toEqual(Array.from({ length: 40 }, (_, k) => k + 10));
  });
});

describe('PriorityLine', () => {
  it('hands back the lowest priority first and, among equals, the earliest (property)', () => {
    const lowestFirst = (ref: { prio: number }[]): number => ref.reduce((best, e, i) => (e.prio < ref[best]!.prio ? i : best), 0);
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => playAgainst(new PriorityLine<number>(), ops, lowestFirst)), { numRuns: fuzzRuns(300) });
  });
});
