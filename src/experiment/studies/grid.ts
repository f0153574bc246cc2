// Sweep grids: the swept paths with their values (commands/set-flag.ts reads them from `--set` flags), the
// limits on a grid's size, and their full factorial product.
import type { PathSetting } from './variant.js';

/** One swept path and the values it takes, in the order given. */
export interface SweepAxis {
  path: string;
  values: Array<number | string | boolean>;
}

/** The most grid points a sweep runs: more is hours of simulation nobody reads through. */
export const MAX_GRID_POINTS = 1000;

/** The most replications a sweep runs in all (points × replications). */
export const MAX_GRID_REPLICATIONS = 100_000;

/** How many points the full factorial grid of `axes` has (the product of their value counts). */
export function gridSize(axes: readonly SweepAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/** Every combination of the axes' values (the first axis varies slowest), as lists of settings, one at a time. */
export function* gridPoints(axes: readonly SweepAxis[]): Generator<PathSetting[]> {
  const [first, ...rest] = axes;
  if (!first) {
    yield [];
    return;
  }
  for (const value of first.values) {
    for (const tail of gridPoints(rest)) yield [{ path: first.path, value }, ...tail];
  }
}
