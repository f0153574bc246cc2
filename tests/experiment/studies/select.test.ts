// Group choices: the summary row of a group, which groups a crossing's demand gives, and a group in words.
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../../src/experiment/statistics/collect.js';
import { crossingHasGroup, groupLabel, groupSummary, hasGroupResults } from '../../../src/experiment/studies/select.js';
import type { Crossing } from '../../../src/scenario/types.js';

const row = (crossing: string, direction: string, vehicleClass: string, metric: string, mean: number): SummaryRow =>
  ({ crossing, direction, vehicleClass, metric, mean, n: 3, sd: 0, ci95Low: mean, ci95High: mean, min: mean, max: mean }) as SummaryRow;

describe('groups', () => {
  const summary = [row('k', 'south', 'truck', 'arrivals', 5), row('k', 'all', 'all', 'arrivals', 9), row('k', 'all', 'truck', 'arrivals', 6), row('k', 'all', 'car', 'arrivals', 3)];

  it('finds the summary row of the chosen group only', () => {
    expect(groupSummary(summary, 'k', { direction: 'south', vehicleClass: 'truck' }, 'arrivals')?.mean).toBe(5);
    // A crossing's freight is its truck (road) or train (rail) group.
    expect(groupSummary(summary, 'k', { direction: 'all', vehicleClass: 'freight' }, 'arrivals')?.mean).toBe(6);
    expect(groupSummary(summary, 'k', { direction: 'south', vehicleClass: 'freight' }, 'arrivals')?.mean).toBe(5);
    expect(hasGroupResults(summary, 'k', { direction: 'north', vehicleClass: 'freight' })).toBe(false);
    expect(groupSummary(summary, 'k', { direction: 'north', vehicleClass: 'truck' }, 'arrivals')).toBeUndefined();
    expect(hasGroupResults(summary, 'k', { direction: 'all', vehicleClass: 'all' })).toBe(true);
    expect(hasGroupResults(summary, 'other', { direction: 'all', vehicleClass: 'all' })).toBe(false);
  });

  it('knows from the demand which groups a crossing has', () => {
    const crossing = { demand: [{ direction: 'south', vehicleClass: 'truck' }, { direction: 'north', vehicleClass: 'car' }] } as unknown as Crossing;
    expect(crossingHasGroup(crossing, { direction: 'south', vehicleClass: 'freight' })).toBe(true);
    expect(crossingHasGroup(crossing, { direction: 'north', vehicleClass: 'freight' })).toBe(false);
    expect(crossingHasGroup(crossing, { direction: 'all', vehicleClass: 'train' })).toBe(false);
    expect(crossingHasGroup(crossing, { direction: 'north', vehicleClass: 'all' })).toBe(true);
    expect(crossingHasGroup({ demand: [] } as unknown as Crossing, { direction: 'all', vehicleClass: 'all' })).toBe(true);
  });

  it('names groups in words', () => {
    expect(groupLabel({ direction: 'south', vehicleClass: 'truck' })).toBe('trucks, southbound');
    expect(groupLabel({ direction: 'all', vehicleClass: 'all' })).toBe('all classes, all directions');
  });
});
