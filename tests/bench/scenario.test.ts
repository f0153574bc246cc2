import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchScenario, formatScenarioBenchLine } from '../../src/bench/scenario.js';
import { FIXTURES } from '../cli/harness.js';

describe('benchScenario', () => {
  it('runs the replications and reports vehicles, events and timing in one line', () => {
    const r = benchScenario(join(FIXTURES, 'cli-tiny.yaml'), 2);
    expect(r.replications).toBe(2);
    expect(r.vehicles).toBeGreaterThan(0);
    expect(r.events).toBeGreaterThan(r.vehicles);
    expect(r.eventsPerS).toBeCloseTo(r.events / r.wallS, 0);
    expect(r.firstReplicationS).toBeGreaterThan(0);
    expect(r.firstReplicationS).toBeLessThan(r.wallS);
    expect(r.warmEventsPerS).toBeGreaterThan(0);
    expect(r.line).toMatch(
      /^engine=bordersim scenario=cli-tiny replications=2 vehicles=\d+ events=\d+ wall_s=\d+\.\d{3} events_per_s=\d+ first_replication_s=\d+\.\d{3} warm_events_per_s=\d+$/,
    );
  });

  it('has no warm rate with a single replication', () => {
    const r = benchScenario(join(FIXTURES, 'cli-tiny.yaml'), 1);
    expect(r.warmEventsPerS).toBeNaN();
    // The one replication is all of the run but its set-up and summary: never longer, never nothing (no timing bound,
    // which a loaded machine could break).
    expect(r.firstReplicationS).toBeGreaterThan(0);
    expect(r.firstReplicationS).toBeLessThanOrEqual(r.wallS);
    expect(r.line).toMatch(/ warm_events_per_s=NaN$/);
  });

  it('formats the line exactly', () => {
    expect(
      formatScenarioBenchLine({ scenario: 'x', replications: 10, vehicles: 5, events: 100, wallS: 0.5, eventsPerS: 200.4, firstReplicationS: 0.1234, warmEventsPerS: 225.5 }),
    ).toBe('engine=bordersim scenario=x replications=10 vehicles=5 events=100 wall_s=0.500 events_per_s=200 first_replication_s=0.123 warm_events_per_s=226');
  });
});
