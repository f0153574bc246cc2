import { describe, expect, test } from 'vitest';
import { parseScenarioInputText, parseScenarioText } from '../../src/scenario/load.js';
import { daysInYearFrom, normalise, resolveScenario } from '../../src/scenario/resolve.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { MINI_YAML } from '../helpers/scenario-files.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('resolve: defaults, inheritance, calendar, demand', () => {
  const s = parseScenarioText(MINI_YAML, 'mini.yaml');
  const road = s.crossings[0]!;
  const rail = s.crossings[1]!;

  test('top-level defaults', () => {
    expect([s.description, s.warmupDays, s.replications, s.seed]).toEqual(['', 0, 10, 1]);
  });

  test('stages inherit the crossing hours of their class', () => {
    expect(road.stages[0]!.timetable.windows).toEqual([{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 480, closeMin: 1200 }]);
    expect(road.stages[1]!.timetable.windows).toEqual([{ weekdays: [1, 2, 3, 4, 5, 6, 7], openMin: 0, closeMin: 1440 }]);
    // No hours anywhere: round the clock.
    expect(rail.stages[0]!.timetable.windows[0]).toMatchObject({ openMin: 0, closeMin: 1440 });
  });

  test('holidays close the stages of crossings that close, not the others', () => {
    expect(road.stages[0]!.timetable.closedDates).toEqual(['2023-01-01', '2023-01-02']);
    expect(rail.stages[0]!.timetable.closedDates).toEqual([]);
  });

  test('stage defaults: both directions and cargos, share 1, perWagon 0, no inspection', () => {
    const st = road.stages[0]!;
    expect([st.directions, st.cargo, st.share, st.perWagonMin, st.wagonInspection, st.serverChanges]).toEqual([
      ['south', 'north'],
      ['loaded', 'empty'],
      1,
      { kind: 'fixed', value: 0 },
      null,
      [],
    ]);
    expect(road.stages[1]!.serviceMin).toEqual({ kind: 'fixed', value: 5 });
  });

  test('rail stage: per-wagon time, wagon inspection and dated change', () => {
    const st = rail.stages[0]!;
    expect(st.perWagonMin).toEqual({ kind: 'fixed', value: 1 });
    expect(st.wagonInspection).toEqual({ share: 0.1, places: 3, perWagonMin: { kind: 'fixed', value: 60 }, source: '[16]' });
    expect(st.serverChanges).toEqual([{ fromDate: '2023-01-10', servers: 3, source: 'assumption: d' }]);
  });

  test.each([
    { start: '2023-01-01', days: 365 },
    { start: '2024-01-01', days: 366 },
    { start: '2023-03-01', days: 366 }, // holds 29 Feb 2024
    { start: '2024-03-01', days: 365 },
    { start: '2100-01-01', days: 365 }, // not a leap year
  ])('the year from $start has $days days', ({ start, days }) => {
    expect(daysInYearFrom(start)).toBe(days);
  });

  test('a year holding 29 February spreads the same tonnes over 366 days', () => {
    const leap = parseScenarioText(MINI_YAML.replace('startDate: 2023-01-01', 'startDate: 2024-01-01'), 'leap.yaml');
    const [loaded, empty] = leap.crossings[0]!.demand;
    expect(loaded!.vehiclesPerDay).toBeCloseTo(7300 / 20 / 366, 12);
    expect(empty!.vehiclesPerDay).toBeCloseTo(0.5 * loaded!.vehiclesPerDay, 12);
  });

  test('tonnes become vehicles per day; empty returns follow their loaded flow', () => {
    const [loaded, empty, cars] = road.demand;
    expect(loaded!.vehiclesPerDay).toBeCloseTo(7300 / 20 / 365, 12); // the fixture starts on 2023-01-01
    expect(loaded!.payloadT).toBe(20);
    expect(empty!.vehiclesPerDay).toBeCloseTo(0.5 * loaded!.vehiclesPerDay, 12);
    expect([empty!.cargo, empty!.payloadT, cars!.payloadT, cars!.cargo]).toEqual(['empty', 0, 0, 'loaded']);
    const [train, emptyTrain] = rail.demand;
    expect(train!.vehiclesPerDay).toBeCloseTo(365000 / (50 * 20) / 365, 12);
    expect([emptyTrain!.wagonsPerTrain, emptyTrain!.tonnesPerWagon, emptyTrain!.vehiclesPerDay]).toEqual([50, 0, train!.vehiclesPerDay]);
  });

  test('profiles have mean 1; empty returns inherit the loaded profile', () => {
    for (const c of s.crossings) {
      for (const d of c.demand) {
        expect(d.profile.monthly).toHaveLength(12);
        expect(d.profile.weekday).toHaveLength(7);
        expect(d.profile.hourly).toHaveLength(24);
        for (const p of [d.profile.monthly, d.profile.weekday, d.profile.hourly]) expect(mean(p)).toBeCloseTo(1, 12);
      }
    }
    expect(road.demand[1]!.profile.hourly).toEqual(road.demand[0]!.profile.hourly);
    expect(road.demand[0]!.profile.hourly[8]).toBeCloseTo(2, 12); // 12 open hours of 24 → weight 2
  });

  test('growth is folded per direction, crossing overrides win, cars do not grow, returns grow with their load', () => {
    const text = MINI_YAML.replace('days: 14', 'days: 14\ndemand: { growth: { south: 1.1, north: 2 } }').replace(
      '    source: article\n    zone: { places: 2',
      '    source: article\n    growth: { south: 1.5 }\n    zone: { places: 2',
    );
    const g = parseScenarioText(text, 'g.yaml');
    expect(g.crossings[0]!.demand.map((d) => d.growth)).toEqual([1.1, 1.1, 1]);
    expect(g.crossings[1]!.demand.map((d) => d.growth)).toEqual([1.5, 1.5]);
  });

  test('midnight-crossing hours split into an evening and a next-morning window', () => {
    const text = MINI_YAML.replace('truck: "08:00-20:00"', 'truck: { time: "20:00-08:00", weekdays: [Sun] }');
    const w = parseScenarioText(text, 'n.yaml').crossings[0]!.stages[0]!.timetable.windows;
    expect(w).toEqual([
      { weekdays: [7], openMin: 1200, closeMin: 1440 },
      { weekdays: [1], openMin: 0, closeMin: 480 },
    ]);
  });

  test('arrivals default to poisson and accept regular', () => {
    const text = MINI_YAML.replace('{ id: cars, direction: north,', '{ id: cars, arrivals: regular, direction: north,');
    const d = parseScenarioText(text, 'a.yaml').crossings[0]!.demand;
    expect(d.map((x) => x.arrivals)).toEqual(['poisson', 'poisson', 'regular']);
  });

  test('resolveScenario validates raw data without a file (paths, no lines)', () => {
    const raw = parseScenarioInputText(MINI_YAML, 'mini.yaml');
    expect(resolveScenario(raw)).toEqual(s);
    const bad = structuredClone(raw);
    bad.crossings[0]!.stages[0]!.servers = 0;
    expect(() => resolveScenario(bad, 'raw')).toThrowError(/^raw crossings\[0\]\.stages\[0\]\.servers: expected a positive integer, got 0$/);
  });

  test('normalise scales to mean 1 and defaults flat', () => {
    expect(normalise([1, 3], 2)).toEqual([0.5, 1.5]);
    expect(normalise(undefined, 3)).toEqual([1, 1, 1]);
  });

  test('ScenarioError is thrown, not a plain Error', () => {
    expect(() => parseScenarioText('id: x', 'x.yaml')).toThrow(ScenarioError);
  });
});
