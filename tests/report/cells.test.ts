// Report cells from CSV numbers: fixed decimals with a scale, a mean with its CI from any three columns, '–' for none.
import { describe, expect, it } from 'vitest';
import { fixed, withCi } from '../../src/report/cells.js';

describe('report cells', () => {
  it('write a number with fixed decimals, scaled, and a dash for an empty cell', () => {
    expect(fixed('0.12345', 2)).toBe('0.12');
    expect(fixed('0.25', 1, 100)).toBe('25.0');
    expect(fixed('', 2)).toBe('–');
    expect(fixed(undefined, 2)).toBe('–');
  });

  it('write a mean with its interval, from the ci95 columns or others named, the mean alone without one', () => {
    expect(withCi({ mean: '1.5', ci95_low: '1.25', ci95_high: '1.75' }, 2)).toBe('1.50 [1.25, 1.75]');
    expect(withCi({ mean: '0.5', ci95_low: '0.4', ci95_high: '0.6' }, 1, ['mean', 'ci95_low', 'ci95_high'], 100)).toBe('50.0 [40.0, 60.0]');
    expect(withCi({ difference: '-3', diff_ci95_low: '-4', diff_ci95_high: '-2' }, 0, ['difference', 'diff_ci95_low', 'diff_ci95_high'])).toBe('-3 [-4, -2]');
    expect(withCi({ mean: '7', ci95_low: '', ci95_high: '' }, 0)).toBe('7');
    expect(withCi({ mean: '' }, 2)).toBe('–');
    expect(withCi(undefined, 2)).toBe('–');
  });
});
