import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchScenario, formatScenarioBenchLine } from '../../src/bench/scenario.js';
import { FIXTURES } from '../helpers/paths.js';

/** A clock for the benchmark that advances `stepMs` at every reading, so no assertion depends on real time. */
function steppingClock(stepMs: number): () => number {
  let t = 1000;
  return () => (t += stepMs);
}

describe('benchScenario', () => {
  it('runs the replications and reports vehicles, events and timing in one line', () => {
    // Readings: the start, replication 1 done, the end.
    const r = benchScenario(join(FIXTURES, 'cli-tiny.yaml'), 2, {}, steppingClock(250));
    expect(r.replications).toBe(2);
    expect(r.vehicles).toBeGreaterThan(0);
    expect(r.events).toBeGreaterThan(r.vehicles);
    expect([r.firstReplicationS, r.wallS]).toEqual([0.25, 0.5]);
    expect(r.eventsPerS).toBe(r.events / 0.5);
    expect(r.warmEventsPerS).toBeGreaterThan(0);
    expect(r.warmEventsPerS).toBeLessThan(r.events / 0.25);
    expect(r.line).toMatch(
      /^engine=bordersim scenario=cli-tiny replications=2 vehicles=\d+ events=\d+ wall_s=\d+\.\d{3} events_per_s=\d+ first_replication_s=\d+\.\d{3} warm_events_per_s=\d+$/,
    );
  });

  it('has no warm rate with a single replication', () => {
    // Under load the end could come 50 ms after replication 1 and fail a real-time closeness check.
    const r = benchScenario(join(FIXTURES, 'cli-tiny.yaml'), 1, {}, steppingClock(100));
    expect(r.warmEventsPerS).toBeNaN();
    expect([r.firstReplicationS, r.wallS]).toEqual([0.1, 0.2]);
    expect(r.line).toMatch(/ warm_events_per_s=NaN$/);
  });

  it('formats the line exactly', () => {
    expect(
      formatScenarioBenchLine({ scenario: 'x', replications: 10, vehicles: 5, events: 100, wallS: 0.5, eventsPerS: 200.4, firstReplicationS: 0.1234, warmEventsPerS: 225.5 }),
    ).toBe('engine=bordersim scenario=x replications=10 vehicles=5 events=100 wall_s=0.500 events_per_s=200 first_replication_s=0.123 warm_events_per_s=226');
  });
});
