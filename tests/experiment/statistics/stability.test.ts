// Run-level checks: unstable and closed crossings and classes on hand-made results (at and around the named
// thresholds), stages never open, and a really overloaded crossing (×50 trucks) run through the model.
import { describe, expect, it } from 'vitest';
import type { CollectedResults, StageSummaryRow, SummaryRow } from '../../../src/experiment/statistics/collect.js';
import { runExperimentSync } from '../../../src/experiment/runner/run.js';
import {
  stabilityWarnings, UNSTABLE_BACKLOG_DAYS, UNSTABLE_BACKLOG_SHARE, UNSTABLE_MOST_SHARE,
} from '../../../src/experiment/statistics/stability.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { join } from 'node:path';
import { crossingOnly, scaleDemand } from '../../../src/experiment/studies/capacity.js';
import { FIXTURES, REPO } from '../../helpers/paths.js';

type Counts = { arrivals: number; completed: number; in_system_end: number; turned_away?: number; completedMax?: number };

/** Summary rows of one crossing's listed groups, keyed `class` (all directions) or `direction/class`; counts as means. */
function groups(crossing: string, byClass: Record<string, Counts>): SummaryRow[] {
  return Object.entries(byClass).flatMap(([key, c]) => {
    const [direction, vehicleClass] = key.includes('/') ? key.split('/') : ['all', key];
    return (['arrivals', 'completed', 'in_system_end', 'turned_away'] as const).map((metric) => {
      const mean = c[metric] ?? 0;
      const max = metric === 'completed' && c.completedMax !== undefined ? c.completedMax : mean;
      return { crossing, direction, vehicleClass, metric, mean, n: 3, sd: 0, ci95Low: mean, ci95High: mean, min: mean, max } as SummaryRow;
    });
  });
}

function results(summary: SummaryRow[], stages: StageSummaryRow[] = []): CollectedResults {
  return { replications: 3, rows: [], summary, stages, daily: [], monthly: [], hourly: [], corridors: [], corridorRows: [], warnings: [], events: 0, vehicles: 0 };
}

const YEAR = { days: 365, warmupDays: 7 };

describe('stabilityWarnings on hand-made results', () => {
  it('says nothing for a crossing whose backlog is a day of arrivals', () => {
    const res = results(groups('k', { all: { arrivals: 3580, completed: 3570, in_system_end: 10 }, truck: { arrivals: 3580, completed: 3570, in_system_end: 10 } }));
    expect(stabilityWarnings(res, YEAR)).toEqual([]);
  });

  it('names the unstable class when most of its arrivals are still waiting, even in a short run', () => {
    const res = results(groups('k', {
      all: { arrivals: 2000, completed: 1400, in_system_end: 600 },
      truck: { arrivals: 1000, completed: 400, in_system_end: 600 },
      car: { arrivals: 1000, completed: 1000, in_system_end: 0 },
    }));
    const [w, ...rest] = stabilityWarnings(res, { days: 3, warmupDays: 0 });
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ replication: null, check: 'unstable', crossing: 'k' });
    expect(w!.detail).toMatch(/^k trucks: 600\.0 vehicles still in the system at the end, 60% of the 1000\.0 present in the measured period \(1\.8 days of arrivals/);
  });

  it('names the direction when one direction\'s backlog is diluted by the other\'s in the class total', () => {
    const res = results(groups('k', {
      all: { arrivals: 2000, completed: 1700, in_system_end: 300 },
      truck: { arrivals: 1000, completed: 700, in_system_end: 300 },
      'south/truck': { arrivals: 500, completed: 200, in_system_end: 300 },
      'north/truck': { arrivals: 500, completed: 500, in_system_end: 0 },
      car: { arrivals: 1000, completed: 1000, in_system_end: 0 },
    }));
    const ws = stabilityWarnings(res, { days: 3, warmupDays: 0 });
    expect(ws.map((w) => w.check)).toEqual(['unstable']);
    expect(ws[0]!.detail).toMatch(/^k trucks, southbound: 300\.0 vehicles still in the system at the end, 60% of the 500\.0 present/);
  });

  it('needs both the share and the days of backlog below the "most" share', () => {
    const share = (UNSTABLE_BACKLOG_SHARE + UNSTABLE_MOST_SHARE) / 2; // 0.3
    const arrivals = 1000;
    const c = { arrivals, completed: arrivals * (1 - share), in_system_end: arrivals * share };
    const days = (d: number) => ({ days: d, warmupDays: 0 });
    // backlog = share × measured days of arrivals
    const longEnough = UNSTABLE_BACKLOG_DAYS / share + 1;
    expect(stabilityWarnings(results(groups('k', { all: c })), days(Math.floor(longEnough))).map((w) => w.check)).toEqual(['unstable']);
    expect(stabilityWarnings(results(groups('k', { all: c })), days(Math.floor(UNSTABLE_BACKLOG_DAYS / share - 1)))).toEqual([]);
    const small = { arrivals, completed: arrivals * 0.95, in_system_end: arrivals * 0.05 };
    expect(stabilityWarnings(results(groups('k', { all: small })), days(3650))).toEqual([]);
  });

  it('does not count vehicles turned away as present', () => {
    const c = { arrivals: 1000, turned_away: 900, completed: 50, in_system_end: 50 };
    expect(stabilityWarnings(results(groups('k', { all: c })), YEAR)[0]!.detail).toContain('50% of the 100.0 present');
  });

  it('counts vehicles left from the warm-up as present, so the share stays at most 100%', () => {
    // 100 arrived after the warm-up, 10 left, 150 still there (60 from before the warm-up)
    const c = { arrivals: 100, completed: 10, in_system_end: 150 };
    expect(stabilityWarnings(results(groups('k', { all: c })), YEAR)[0]!.detail).toContain('94% of the 160.0 present');
  });

  it('reports a crossing closed all the measured period once, without its stages', () => {
    const res = results(
      groups('k', { all: { arrivals: 40, completed: 0, in_system_end: 40 }, truck: { arrivals: 40, completed: 0, in_system_end: 40 } }),
      [{ crossing: 'k', stage: 'lane', directions: 'south+north', bottleneck: false, metric: 'open_server_h', mean: 0, n: 3, sd: 0, ci95Low: 0, ci95High: 0, min: 0, max: 0 }],
    );
    const ws = stabilityWarnings(res, YEAR);
    expect(ws.map((w) => w.check)).toEqual(['closed']);
    expect(ws[0]!.detail).toMatch(/^k: 40\.0 vehicles arrived per replication and none completed in any replication/);
  });

  it('reports a class that never gets through, and a stage never open, at an otherwise working crossing', () => {
    const res = results(
      groups('k', {
        all: { arrivals: 1040, completed: 1000, in_system_end: 40 },
        car: { arrivals: 1000, completed: 1000, in_system_end: 0 },
        train: { arrivals: 40, completed: 0, in_system_end: 40 },
      }),
      [
        { crossing: 'k', stage: 'rail', directions: 'south', bottleneck: false, metric: 'open_server_h', mean: 0, n: 3, sd: 0, ci95Low: 0, ci95High: 0, min: 0, max: 0 },
        { crossing: 'k', stage: 'road', directions: 'south', bottleneck: false, metric: 'open_server_h', mean: 0.5, n: 3, sd: 0, ci95Low: 0, ci95High: 1, min: 0, max: 1 },
      ],
    );
    const ws = stabilityWarnings(res, YEAR);
    expect(ws.map((w) => [w.check, w.crossing])).toEqual([['closed', 'k'], ['stage_closed', 'k']]);
    expect(ws[0]!.detail).toMatch(/^k trains: 40\.0 vehicles arrived/);
    expect(ws[1]!.detail).toMatch(/^stage rail was never open/);
  });

  it('is not fooled by a class that completed in some replication', () => {
    const c = { arrivals: 40, completed: 0.4, completedMax: 1, in_system_end: 0 };
    expect(stabilityWarnings(results(groups('k', { all: c })), YEAR)).toEqual([]);
  });
});

describe('stabilityWarnings on the model', () => {
  const tiny = loadScenario(join(FIXTURES, 'cli-tiny.yaml'));
  const opts = { seed: 5, replications: 2, days: 6, warmupDays: 1 };

  it('says nothing about the tiny scenario as written', () => {
    expect(stabilityWarnings(runExperimentSync(tiny, opts), opts)).toEqual([]);
  });

  it('names Kyakhta unstable with 50 times the baseline trucks (run.json said "warnings": [] before)', () => {
    const baseline = loadScenario(join(REPO, 'scenarios', 'baseline-2023.yaml'));
    const heavy = scaleDemand(crossingOnly(baseline, 'kyakhta'), 'kyakhta', 50);
    const period = { seed: 1, replications: 2, days: 12, warmupDays: 9 }; // measured from 10 January, after the holidays
    const ws = stabilityWarnings(runExperimentSync(heavy, period), period);
    expect(ws.map((w) => [w.check, w.crossing])).toEqual([['unstable', 'kyakhta']]);
    expect(ws[0]!.detail).toMatch(/^kyakhta trucks: /);
  });

  it('names the road crossing unstable when its trucks are multiplied by 50', () => {
    const heavy = {
      ...tiny,
      crossings: tiny.crossings.map((c) => (c.id !== 'testroad' ? c : { ...c, demand: c.demand.map((d) => (d.vehicleClass === 'truck' ? { ...d, growth: d.growth * 50 } : d)) })),
    };
    const ws = stabilityWarnings(runExperimentSync(heavy, opts), opts);
    expect(ws.map((w) => [w.check, w.crossing])).toEqual([['unstable', 'testroad']]);
    expect(ws[0]!.detail).toMatch(/^testroad trucks: /);
  });
});
