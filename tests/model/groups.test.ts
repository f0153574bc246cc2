// One group's statistics driven by hand, event by event: counts, approach queue and waits, crossing times, zone
// places held, wait parts and delay-hours, the warm-up reset, months, hours of arrival, Little's law, totals.
import { describe, expect, it } from 'vitest';
import { GroupStats } from '../../src/model/groups.js';
import { HOURLY_METRICS, MONTHLY_METRICS, type GroupMetric, type MonthlyMetric, type HourlyMetric, type PeriodResult } from '../../src/model/results.js';
import { DAYS_PER_YEAR, MIN_PER_DAY } from '../../src/units.js';

const month = (row: PeriodResult, metric: MonthlyMetric): number => row.values[MONTHLY_METRICS.indexOf(metric)]!;
const hour = (row: PeriodResult, metric: HourlyMetric): number => row.values[HOURLY_METRICS.indexOf(metric)]!;

/**
 * Three trucks over 240 minutes: A arrives at 0 and waits on the approach until 60, exits at 180; B arrives at 30
 * and goes straight in, exits at 90; C arrives at 120 and is turned away. A and B hold a zone place inside.
 */
function threeTrucks(): GroupStats {
  const g = new GroupStats('k', 'south', 'truck', 0);
  g.arrive(0);
  g.startWaiting(0);
  g.arrive(30);
  g.enter(30, 30, true, false);
  g.enter(60, 0, true, true);
  g.exit(90, 30, 20, 0, true, 0, 0, 10);
  g.turnAway(120);
  g.exit(180, 0, 20, 0, true, 30, 15, 20);
  return g;
}

describe('GroupStats', () => {
  it('counts arrivals (turned away included), completions, vehicles left inside, tonnes', () => {
    const v = threeTrucks().result(240).values;
    expect([v.arrivals, v.completed, v.turned_away, v.in_system_end, v.tonnes, v.railcars]).toEqual([3, 2, 1, 0, 40, 0]);
  });

  it('measures the approach queue over time; a vehicle that goes straight in never joins it', () => {
    const v = threeTrucks().result(240).values;
    // Only A queued, from 0 to 60: a quarter of the 240 minutes at level 1.
    expect(v.approach_queue_mean).toBeCloseTo(0.25, 12);
    expect(v.approach_queue_max).toBe(1);
    expect(v.approach_queue_p95).toBe(1);
  });

  it('takes approach waits of the vehicles that entered (0 for one that went straight in) and crossing times of those that exited, in hours', () => {
    const v = threeTrucks().result(240).values;
    expect(v.approach_wait_h_mean).toBeCloseTo(0.5, 12); // (60 + 0) / 2 minutes
    expect(v.approach_wait_h_max).toBeCloseTo(1, 12);
    expect(v.crossing_time_h_mean).toBeCloseTo(2, 12); // (180 + 60) / 2 minutes
    expect(v.crossing_time_h_p95).toBeGreaterThan(1);
    expect(v.crossing_time_h_p95).toBeLessThanOrEqual(3 * 1.01);
  });

  it('averages the zone places held over the run', () => {
    // B holds 30–90, A 60–180: 180 place-minutes over 240.
    expect(threeTrucks().result(240).values.zone_occupancy_mean).toBeCloseTo(0.75, 12);
  });

  it('splits the completed vehicles\' waits into closed, zone full and stages, and scales them to a year', () => {
    const v = threeTrucks().result(240).values;
    expect(v.wait_closed_h_mean).toBeCloseTo(15 / 60, 12);
    expect(v.wait_zone_full_h_mean).toBeCloseTo(7.5 / 60, 12);
    expect(v.wait_stages_h_mean).toBeCloseTo(15 / 60, 12);
    expect(v.wait_total_h_mean).toBeCloseTo(37.5 / 60, 12);
    const yearsPerRun = 240 / (DAYS_PER_YEAR * MIN_PER_DAY);
    expect(v.delay_vehicle_h_per_year).toBeCloseTo((75 / 60) / yearsPerRun, 6);
    // Tonnes × whole wait: 20 t × 10 min + 20 t × 65 min.
    expect(v.delay_tonne_h_per_year).toBeCloseTo((1500 / 60) / yearsPerRun, 6);
  });

  it('leaves undefined what no vehicle defines (NaN, not 0), and a queue that never formed at 0', () => {
    const v = new GroupStats('k', 'north', 'car', 0).result(100).values;
    const undefinedMetrics: GroupMetric[] = ['approach_wait_h_mean', 'approach_wait_h_max', 'crossing_time_h_mean', 'wait_total_h_mean', 'wait_closed_h_mean'];
    for (const m of undefinedMetrics) expect(v[m], m).toBeNaN();
    expect([v.arrivals, v.completed, v.approach_queue_mean, v.approach_queue_max, v.zone_occupancy_mean]).toEqual([0, 0, 0, 0, 0]);
    expect(v.delay_vehicle_h_per_year).toBe(0);
  });

  it('holds Little\'s law exactly on the approach, for vehicles gone and still waiting', () => {
    const g = threeTrucks();
    g.arrive(200);
    g.startWaiting(200);
    const l = g.littlesLaw(240);
    // A's 60 minutes, and the newcomer's 40 so far.
    expect(l.areaMin).toBeCloseTo(100, 9);
    expect(l.sumOfWaitsMin).toBeCloseTo(l.areaMin, 9);
    expect(l.meanQueue).toBeCloseTo(100 / 240, 12);
    expect(l.ratePerH).toBeCloseTo((2 / 240) * 60, 12);
    expect(l.meanWaitH).toBeCloseTo(0.5, 12);
  });

  it('forgets the warm-up at reset; vehicles inside carry on and count their whole wait, the queue only after reset', () => {
    const g = new GroupStats('k', 'south', 'truck', 0);
    g.arrive(0);
    g.startWaiting(0);
    g.arrive(50);
    g.enter(50, 50, false, false);
    g.reset(100);
    expect(g.inSystemAtReset).toBe(2);
    g.enter(160, 0, false, true);
    g.exit(200, 0, 20, 0, false, 0, 0, 0);
    g.arrive(250);
    g.startWaiting(250);
    const v = g.result(300).values;
    expect([v.arrivals, v.completed, v.in_system_end]).toEqual([1, 1, 2]);
    expect(v.approach_wait_h_mean).toBeCloseTo(160 / 60, 12);
    // Queued 100–160 (clipped at the reset) and 250–300, over the 200 measured minutes.
    expect(v.approach_queue_mean).toBeCloseTo(110 / 200, 12);
    const l = g.littlesLaw(300);
    expect(l.areaMin).toBeCloseTo(110, 9);
    expect(l.sumOfWaitsMin).toBeCloseTo(110, 9);
  });

  it('closes months: each row has its own counts, queue mean and maximum, and starts the next', () => {
    const g = new GroupStats('k', 'south', 'truck', 0);
    g.arrive(0);
    g.startWaiting(0);
    g.enter(60, 0, false, true);
    g.exit(90, 0, 10, 0, false, 0, 0, 30);
    const january = g.closeMonth('2023-01', 120);
    expect(january).toMatchObject({ period: '2023-01', crossing: 'k', direction: 'south', vehicleClass: 'truck' });
    expect([month(january, 'arrivals'), month(january, 'completed'), month(january, 'tonnes')]).toEqual([1, 1, 10]);
    expect(month(january, 'approach_queue_mean')).toBeCloseTo(0.5, 12);
    expect(month(january, 'approach_queue_max')).toBe(1);
    expect(month(january, 'approach_wait_h_mean')).toBeCloseTo(1, 12);
    expect(month(january, 'wait_stages_h_mean')).toBeCloseTo(0.5, 12);
    const february = g.closeMonth('2023-02', 240);
    expect([month(february, 'arrivals'), month(february, 'completed'), month(february, 'approach_queue_mean'), month(february, 'approach_queue_max')]).toEqual([0, 0, 0, 0]);
    expect(month(february, 'approach_wait_h_mean')).toBeNaN();
  });

  it('files arrivals and waits under the hour of day the vehicle arrived', () => {
    const g = new GroupStats('k', 'south', 'truck', 0);
    g.arrive(30);
    g.startWaiting(30);
    g.arrive(61);
    g.enter(61, 61, false, false);
    g.enter(150, 30, false, true); // enters in hour 02, arrived in hour 00
    g.arrive(MIN_PER_DAY + 45); // hour 00 of the next day
    const rows = g.hourlyResults();
    expect(rows.map((r) => r.period)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(rows.map((r) => hour(r, 'arrivals')).slice(0, 3)).toEqual([2, 1, 0]);
    expect(hour(rows[0]!, 'approach_wait_h_mean')).toBeCloseTo(2, 12);
    expect(hour(rows[1]!, 'approach_wait_h_mean')).toBe(0);
    expect(hour(rows[2]!, 'approach_wait_h_mean')).toBeNaN();
  });

  it('a total absorbs its parts\' counts, waits and zone occupancy, keeping its own approach queue', () => {
    const south = threeTrucks();
    const north = new GroupStats('k', 'north', 'truck', 0);
    north.arrive(10);
    north.enter(10, 10, true, false);
    north.exit(130, 10, 5, 0, true, 0, 0, 0);
    const total = new GroupStats('k', 'all', 'truck', 0);
    // The total's approach level is tracked live (as CrossingGroups' GroupSet does): A queued 0–60.
    total.startWaiting(0);
    total.approach.down(60);
    total.absorb([south, north], 240);
    const v = total.result(240).values;
    expect([v.arrivals, v.completed, v.turned_away, v.tonnes]).toEqual([4, 3, 1, 45]);
    expect(v.approach_wait_h_mean).toBeCloseTo(20 / 60, 12); // (60 + 0 + 0) / 3 minutes
    expect(v.crossing_time_h_mean).toBeCloseTo(360 / 3 / 60, 12); // 180, 60 and 120 minutes
    expect(v.zone_occupancy_mean).toBeCloseTo(0.75 + 0.5, 12);
    expect(v.approach_queue_mean).toBeCloseTo(0.25, 12);
    const l = total.littlesLaw(240);
    expect(l.sumOfWaitsMin).toBeCloseTo(l.areaMin, 9);
  });
});
