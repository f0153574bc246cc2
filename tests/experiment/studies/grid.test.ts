// Sweep grids: the full factorial order, one point at a time.
import { describe, expect, it } from 'vitest';
import { gridPoints, gridSize } from '../../../src/experiment/studies/grid.js';

describe('gridPoints', () => {
  it('is the full factorial product, first axis slowest', () => {
    const points = [...gridPoints([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ])];
    expect(points.map((p) => p.map((s) => `${s.path}=${String(s.value)}`).join(' '))).toEqual([
      'a=1 b=x', 'a=1 b=y', 'a=1 b=z', 'a=2 b=x', 'a=2 b=y', 'a=2 b=z',
    ]);
  });

  it('has one empty point without axes', () => {
    expect([...gridPoints([])]).toEqual([[]]);
  });

  it('streams: the first point of a grid of 10^12 points comes without building the others', () => {
    const axes = Array.from({ length: 6 }, (_, i) => ({ path: `p${i}`, values: Array.from({ length: 100 }, (_, v) => v) }));
    expect(gridSize(axes)).toBe(1e12);
    expect(gridPoints(axes).next().value).toEqual(axes.map((a) => ({ path: a.path, value: 0 })));
  });
});
