// Low-level variates at the edges of their parameters: the triangular inverse CDF for tiny widths and at
// the ends of [0, 1), where rounding used to carry draws outside [min, max].
import { describe, expect, it } from 'vitest';
import { triangularAt } from '../../src/random/variate.js';

/** Uniforms spread over [0, 1) at the streams' 32-bit resolution, both ends included. */
const us = [0, 2 ** -32, 1e-6, 0.01, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 2 ** -32];

describe('triangularAt', () => {
  it('stays in [min, max] for a tiny triangle (a max of 1.58e-162 drew -6.47e-163)', () => {
    const max = 1.5800783695097609e-162;
    for (const u of us) {
      const x = triangularAt(u, 0, 0, max);
      expect(x >= 0 && x <= max, `u = ${u} drew ${x}`).toBe(true);
    }
  });

  it('draws a tiny triangle with the shape of an ordinary one (scaled by 1e-162), not only its ends', () => {
    for (const [min, mode, max] of [[0, 0, 1.58], [1, 2, 4], [3, 5, 5]] as const) {
      for (const u of us) {
        const ordinary = triangularAt(u, min, mode, max);
        const tiny = triangularAt(u, min * 1e-162, mode * 1e-162, max * 1e-162);
        expect(tiny / 1e-162, `u = ${u}, triangle ${min}/${mode}/${max}`).toBeCloseTo(ordinary, 10);
      }
    }
  });

  it('returns exactly min or max at the ends when the mode sits there (rounding went past them)', () => {
    // mode == min, u == 0: max − fl(max − min) fell below a min small beside max.
    expect(triangularAt(0, 0.007357602480516723, 0.007357602480516723, 75.15699424855242)).toBe(0.007357602480516723);
    expect(triangularAt(0, 9.19697122334624e-12, 9.19697122334624e-12, 8621466379.658415)).toBe(9.19697122334624e-12);
    for (const [min, mode, max] of [[0.1, 0.3, 0.3], [4, 12, 12], [1e-9, 1e6, 1e6]] as const) {
      const x = triangularAt(1 - 2 ** -32, min, mode, max);
      expect(x >= min && x <= max, `${min}/${mode}/${max} drew ${x}`).toBe(true);
    }
  });

  it('keeps the direct inverse CDF for ordinary widths (the shipped scenarios draw the same values)', () => {
    // min + sqrt(u·width·(mode − min)) and max − sqrt((1 − u)·width·(max − mode)), bit for bit.
    expect(triangularAt(0.3, 15, 20, 30)).toBe(15 + Math.sqrt(0.3 * 15 * 5));
    expect(triangularAt(0.7, 60, 90, 180)).toBe(180 - Math.sqrt(0.3 * 120 * 90));
  });
});
