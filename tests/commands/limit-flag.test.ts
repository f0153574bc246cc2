// --limit: "<metric> <= <value>" read into the typed limit of a capacity search; other text refused, naming it.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/context.js';
import { parseLimit } from '../../src/commands/limit-flag.js';

describe('parseLimit', () => {
  it.each([
    ['approach_wait_h_p95 <= 4', { metric: 'approach_wait_h_p95', max: 4 }],
    ['approach_queue_mean<=12.5', { metric: 'approach_queue_mean', max: 12.5 }],
    ['  crossing_time_h_mean  <=  .75 ', { metric: 'crossing_time_h_mean', max: 0.75 }],
  ])('%s', (text, expected) => expect(parseLimit(text)).toEqual({ ...expected, direction: 'all', vehicleClass: 'all' }));

  it('holds the group it is on', () => {
    expect(parseLimit('approach_wait_h_p95 <= 4', { direction: 'south', vehicleClass: 'truck' })).toEqual({ metric: 'approach_wait_h_p95', max: 4, direction: 'south', vehicleClass: 'truck' });
  });

  it.each([
    ['approach_wait <= 4', /unknown metric "approach_wait"/],
    ['approach_wait_h_p95 < 4', /expected "<metric> <= <value>"/],
    ['approach_wait_h_p95 <= four', /expected "<metric> <= <value>"/],
  ])('%s is refused, naming the text', (text, message) => {
    expect(() => parseLimit(text)).toThrow(message);
    expect(() => parseLimit(text)).toThrow(`--limit "${text}"`);
    expect(() => parseLimit(text)).toThrow(UsageError);
  });
});
