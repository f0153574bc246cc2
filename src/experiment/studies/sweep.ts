// Factorial sweeps: every grid point is the scenario with the point's values set at id-based paths,
// run with the same seed and replications (common random numbers across points), summarised per group.
import type { Scenario } from '../../scenario/types.js';
import type { CollectedResults, CorridorSummaryRow, SummaryRow } from '../statistics/collect.js';
import { gridPoints, type SweepAxis } from './grid.js';
import { resolveVariant, type PathSetting } from './variant.js';

/** One grid point: its settings and the resolved scenario they give. */
export interface SweepPoint {
  /** 1-based position in the grid (first axis slowest). */
  index: number;
  settings: PathSetting[];
  scenario: Scenario;
}

/** Summaries of one grid point (rows of sweep.csv and sweep-corridors.csv, with the point's values as columns). */
export interface SweepResult {
  point: SweepPoint;
  summary: SummaryRow[];
  corridors: CorridorSummaryRow[];
}

/**
 * Resolves every grid point before anything runs, so a bad value fails fast. Each value is first checked on
 * its own (base + that one setting), so a problem names exactly the flag at fault; throws ScenarioError.
 */
export function resolveSweep(raw: unknown, axes: readonly SweepAxis[]): SweepPoint[] {
  for (const axis of axes) for (const value of axis.values) resolveVariant(raw, [{ path: axis.path, value }]);
  return Array.from(gridPoints(axes), (settings, i) => ({ index: i + 1, settings, scenario: resolveVariant(raw, settings) }));
}

/**
 * Runs every point through `run` (one experiment per point, same options each time) and keeps its summaries.
 * `run` is injected so the command can report progress; throws whatever `run` throws.
 */
export async function runSweep(
  points: readonly SweepPoint[],
  run: (scenario: Scenario, point: SweepPoint) => Promise<CollectedResults> | CollectedResults,
): Promise<SweepResult[]> {
  const out: SweepResult[] = [];
  for (const point of points) {
    const res = await run(point.scenario, point);
    out.push({ point, summary: res.summary, corridors: res.corridors });
  }
  return out;
}
