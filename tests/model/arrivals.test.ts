// The arrival merger: every source's arrivals in time order, ties in the order the sources were added,
// none at or after the end, and one pending calendar event whatever the number of sources.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.js';
import { ArrivalMerger } from '../../src/model/arrivals.js';

/** Arrival instants from a fixed list, then Infinity. */
function listTimes(times: number[]): { next(): number } {
  let i = 0;
  return { next: () => (i < times.length ? times[i++]! : Infinity) };
}

describe('ArrivalMerger', () => {
  it('delivers arrivals in time order, ties in source order, and none at or after the end', () => {
    const sim = new Simulation();
    const merger = new ArrivalMerger(sim, 10);
    const got: string[] = [];
    const lists: Record<string, number[]> = { a: [1, 4, 4, 9.5, 10, 11], b: [0, 4, 7], c: [], d: [4] };
    for (const [name, times] of Object.entries(lists)) merger.add(listTimes(times), { arrive: () => void got.push(`${name}@${sim.nowMin}`) });
    merger.start();
    expect(sim.pending).toBe(1);
    sim.run();
    expect(got).toEqual(['b@0', 'a@1', 'a@4', 'a@4', 'b@4', 'd@4', 'b@7', 'a@9.5']);
  });

  it('keeps one pending event for any number of sources', () => {
    const sim = new Simulation();
    const merger = new ArrivalMerger(sim, 1000);
    let n = 0;
    let maxPending = 0;
    for (let s = 0; s < 50; s++) {
      merger.add(listTimes(Array.from({ length: 10 }, (_, k) => k * 50 + s)), {
        arrive: () => {
          n++;
          maxPending = Math.max(maxPending, sim.pending);
        },
      });
    }
    merger.start();
    sim.run();
    expect(n).toBe(500);
    expect(maxPending).toBe(0); // the merger's own event is being processed; nothing else waits
  });

  it('schedules nothing without sources or when every first arrival is past the end', () => {
    const sim = new Simulation();
    new ArrivalMerger(sim, 10).start();
    const late = new ArrivalMerger(sim, 10);
    late.add(listTimes([10, 12]), {
      arrive: () => {
        throw new Error('no arrival expected');
      },
    });
    late.start();
    expect(sim.pending).toBe(0);
  });
});
