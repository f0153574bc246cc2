// Daily means over replications: sums by date and group, means in date then group order, any horizon.
import { describe, expect, it } from 'vitest';
import { DailyMeans } from '../../../src/experiment/statistics/daily.js';
import type { DailyResult } from '../../../src/model/results.js';

function row(date: string, crossing: string, arrivals: number, direction: 'south' | 'north' = 'south'): DailyResult {
  return { date, crossing, direction, vehicleClass: 'truck', arrivals, completed: arrivals - 1, tonnes: 20 * arrivals, railcars: 0, approachQueueMean: 0.5, approachQueueMax: 2, approachWaitHMean: 1, entered: arrivals, approachWaitH: arrivals, divertedIn: 0, divertedOut: 0 };
}

const byCrossing = (a: { crossing: string }, b: { crossing: string }): number => (a.crossing < b.crossing ? -1 : a.crossing > b.crossing ? 1 : 0);

describe('DailyMeans', () => {
  it('averages each date × group over the replications that reported it', () => {
    const m = new DailyMeans();
    m.add(row('2023-01-02', 'b', 4));
    m.add(row('2023-01-01', 'b', 2));
    m.add(row('2023-01-01', 'a', 10));
    m.add(row('2023-01-01', 'a', 20));
    const rows = [...m.rows(byCrossing)];
    expect(rows.map((r) => [r.date, r.crossing, r.replications, r.arrivals, r.completed, r.tonnes])).toEqual([
      ['2023-01-01', 'a', 2, 15, 14, 300],
      ['2023-01-01', 'b', 1, 2, 1, 40],
      ['2023-01-02', 'b', 1, 4, 3, 80],
    ]);
  });

  it('averages the mean wait over the replications where somebody left the approach; empty (NaN) where nobody did', () => {
    const m = new DailyMeans();
    // 2023-01-01: one replication with a 3 h mean wait, two with nobody entering. 2023-01-02: nobody in either.
    m.add({ ...row('2023-01-01', 'a', 5), approachWaitHMean: 3 });
    m.add({ ...row('2023-01-01', 'a', 5), approachWaitHMean: NaN });
    m.add({ ...row('2023-01-01', 'a', 5), approachWaitHMean: NaN });
    m.add({ ...row('2023-01-02', 'a', 5), approachWaitHMean: NaN });
    m.add({ ...row('2023-01-02', 'a', 5), approachWaitHMean: NaN });
    const rows = [...m.rows(byCrossing)];
    expect(rows.map((r) => [r.date, r.replications, r.arrivals, r.approachWaitHMean])).toEqual([
      ['2023-01-01', 3, 5, 3],
      ['2023-01-02', 2, 5, NaN],
    ]);
  });

  it('keeps ten years of days for many groups in typed arrays', () => {
    const m = new DailyMeans();
    const start = Date.UTC(2023, 0, 1);
    for (let day = 0; day < 3650; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      m.add(row(date, 'a', day));
      m.add(row(date, 'a', day + 2, 'north'));
    }
    const rows = [...m.rows(byCrossing)];
    expect(rows).toHaveLength(7300);
    expect(rows[7299]).toMatchObject({ date: '2032-12-28', direction: 'north', arrivals: 3651 });
  });
});
