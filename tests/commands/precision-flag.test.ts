import { describe, expect, it } from 'vitest';
import { parsePrecision, precisionText } from '../../src/commands/precision-flag.js';
import { UsageError } from '../../src/commands/context.js';

describe('parsePrecision', () => {
  it.each([
    ['5%', { metric: 'approach_wait_h_mean', share: 0.05, vehicleClass: 'freight', direction: 'all', crossing: null }],
    ['0.05', { metric: 'approach_wait_h_mean', share: 0.05, vehicleClass: 'freight', direction: 'all', crossing: null }],
    [' approach_wait_h_p95  10% ', { metric: 'approach_wait_h_p95', share: 0.1, vehicleClass: 'freight', direction: 'all', crossing: null }],
    ['completed 2.5% all south', { metric: 'completed', share: 0.025, vehicleClass: 'all', direction: 'south', crossing: null }],
    ['approach_wait_h_mean 5% truck north at kyakhta', { metric: 'approach_wait_h_mean', share: 0.05, vehicleClass: 'truck', direction: 'north', crossing: 'kyakhta' }],
    ['5% at naushki', { metric: 'approach_wait_h_mean', share: 0.05, vehicleClass: 'freight', direction: 'all', crossing: 'naushki' }],
  ])('reads "%s"', (text, want) => {
    expect(parsePrecision(text)).toEqual(want);
  });

  it.each([
    ['', /expected a share such as 5%/],
    ['wait 5%', /unknown metric "wait"/],
    ['approach_wait_h_mean', /expected a share/],
    ['0%', /above 0% and below 100%/],
    ['100%', /above 0% and below 100%/],
    ['1.5', /above 0% and below 100%/],
    ['5% truck at', /"at" needs a crossing id/],
    ['5% lorry', /unexpected "lorry"/],
    ['5% north truck', /unexpected "truck"/],
    ['five%', /"five%" is not a share/],
  ])('refuses "%s", naming the text', (text, message) => {
    expect(() => parsePrecision(text)).toThrow(UsageError);
    expect(() => parsePrecision(text)).toThrow(message);
    expect(() => parsePrecision(text)).toThrow(`--precision "${text}"`);
  });

  it('writes the target back in words', () => {
    expect(precisionText(parsePrecision('approach_wait_h_p95 10% truck south at kyakhta'))).toBe('approach_wait_h_p95 within 10% (truck, south, kyakhta)');
    expect(precisionText(parsePrecision('0.025'))).toBe('approach_wait_h_mean within 2.5% (freight, all directions, every crossing)');
  });
});
