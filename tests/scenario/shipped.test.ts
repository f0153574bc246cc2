import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distMean } from '../../src/random/moments.js';
import { openMinPerWeek } from '../../src/scenario/calendar.js';
import { crossingAlone } from '../../src/scenario/alone.js';
import { loadScenario, loadScenarioInput } from '../../src/scenario/load.js';
import type { Dist } from '../../src/random/types.js';
import type { Crossing, Scenario, Stage } from '../../src/scenario/types.js';

const DIR = 'scenarios';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const cache = new Map<string, Scenario>();
const load = (name: string): Scenario => {
  if (!cache.has(name)) cache.set(name, loadScenario(join(DIR, `${name}.yaml`)));
  return cache.get(name)!;
};
/** A crossing with the corridor traffic whose fixed route it is (its freight, where a corridor carries it). */
const crossing = (s: Scenario, id: string): Crossing => crossingAlone(s, id)!.crossings[0]!;
const stage = (c: Crossing, id: string): Stage => c.stages.find((st) => st.id === id)!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Vehicles per day a stage can serve: servers × open minutes per day / mean service minutes. */
const dailyCapacity = (st: Stage) => (st.servers * openMinPerWeek(st.timetable.windows)) / 7 / distMean(st.serviceMin);

/** Loaded tonnes per year of a crossing's demand (growth included). */
const tonnesPerYear = (c: Crossing) =>
  c.demand.reduce((sum, d) => {
    const perVehicleT = d.vehicleClass === 'train' ? d.wagonsPerTrain * d.tonnesPerWagon : d.payloadT;
    return sum + d.vehiclesPerDay * d.growth * perVehicleT * 365; // the scenarios checked with it start on 2023-01-01
  }, 0);

describe('every shipped scenario', () => {
  test('the expected files are there', () => {
    expect(FILES).toEqual([
      'agreement-2027-no-stage1.yaml',
      'agreement-2027.yaml',
      'baseline-2023.yaml',
      'khandagayty-rebuild.yaml',
      'kyakhta-booking.yaml',
      'kyakhta-closed-week-booking.yaml',
      'kyakhta-closed-week-informed.yaml',
      'kyakhta-closed-week.yaml',
      'kyakhta-terminal-2024.yaml',
      'mondy-9-lanes.yaml',
      'naushki-stage1.yaml',
      'tashanta-rebuild.yaml',
    ]);
  });

  test.each(FILES)('%s loads, resolves and keeps the invariants', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    const s = load(file.replace(/\.yaml$/, ''));
    expect(s.id).toBe(file.replace(/\.yaml$/, ''));
    expect(s.crossings.map((c) => c.id).sort()).toEqual(
      ['kyakhta', 'naushki', 'mondy', 'khandagayty', 'tashanta', 'shara-sur', 'tsagaan-tolgoi', 'verkhny-ulkhun', 'solovyevsk-road', 'solovyevsk-rail'].sort(),
    );
    for (const c of s.crossings) {
      for (const st of c.stages) {
        expect(st.timetable.windows.length, `${c.id}/${st.id} windows`).toBeGreaterThan(0);
        // Crossings that keep their regime on holidays are never closed (but in the what-if of a closed week).
        if (!c.closesOnHolidays && !(file.startsWith('kyakhta-closed-week') && c.id === 'kyakhta')) expect(st.timetable.closedDates, `${c.id}/${st.id} closed`).toEqual([]);
      }
      for (const d of c.demand) {
        for (const p of [d.profile.monthly, d.profile.weekday, d.profile.hourly]) expect(mean(p)).toBeCloseTo(1, 9);
        expect(d.vehiclesPerDay).toBeGreaterThan(0);
      }
    }
    // Holidays close the crossings that close: a Naadam day is closed at Mondy, not at Kyakhta.
    const naadam = s.holidays.find((h) => h.name === 'Naadam')!;
    expect(stage(crossing(s, 'mondy'), 'lane').timetable.closedDates).toContain(naadam.from);
    expect(stage(crossing(s, 'kyakhta'), 'border-customs').timetable.closedDates).not.toContain(naadam.from);
    expect(naadam.from.slice(0, 4)).toBe(s.startDate.slice(0, 4));
  });

  test.each(FILES)('%s: every source says article, [n] or assumption:', (file) => {
    const raw = loadScenarioInput(join(DIR, file));
    const sources: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'source') sources.push(String(v));
          else walk(v);
        }
      }
    };
    walk(raw);
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(source).toMatch(/article|\[\d+\]|assumption: \S/);
  });
});

describe('baseline-2023 closes the 2023 tonnage (§6)', () => {
  const s = () => load('baseline-2023');
  test.each([
    ['kyakhta', 297_000, 0.01],
    ['naushki', 7_800_000, 0.01],
    ['solovyevsk-rail', 250_000, 0.01],
    ['tashanta', 60_000, 0.01],
  ])('%s ≈ %d t/yr', (id, tonnes, tol) => {
    expect(Math.abs(tonnesPerYear(crossing(s(), id)) / tonnes - 1)).toBeLessThan(tol);
  });

  test('the whole border ≈ 8.5 Mt (±2%), Kyakhta ≈ 85% and Naushki ≈ 79% southbound', () => {
    const total = s().crossings.reduce((sum, c) => sum + tonnesPerYear(crossing(s(), c.id)), 0);
    expect(Math.abs(total / 8_500_000 - 1)).toBeLessThan(0.02);
    const south = (c: Crossing) => tonnesPerYear({ ...c, demand: c.demand.filter((d) => d.direction === 'south') });
    expect(south(crossing(s(), 'kyakhta')) / tonnesPerYear(crossing(s(), 'kyakhta'))).toBeCloseTo(0.85, 3);
    expect(south(crossing(s(), 'naushki')) / tonnesPerYear(crossing(s(), 'naushki'))).toBeCloseTo(0.79, 3);
  });

  test('Kyakhta: about one empty truck per loaded truck, ≈ 81 trucks/day', () => {
    const trucks = crossing(s(), 'kyakhta').demand.filter((d) => d.vehicleClass === 'truck');
    const perDay = (cargo: string) => trucks.filter((d) => d.cargo === cargo).reduce((a, d) => a + d.vehiclesPerDay, 0);
    expect(perDay('empty') / perDay('loaded')).toBeCloseTo(1, 6);
    expect(perDay('empty') + perDay('loaded')).toBeGreaterThan(78);
    expect(perDay('empty') + perDay('loaded')).toBeLessThan(84);
  });
});

describe('capacity calibration: servers × open minutes / mean service minutes', () => {
  test('Kyakhta: the primary check binds at 300 trucks/day, the other truck stages comfortably above', () => {
    const k = crossing(load('baseline-2023'), 'kyakhta');
    const primary = dailyCapacity(stage(k, 'border-customs'));
    expect(Math.abs(primary / 300 - 1)).toBeLessThan(0.01);
    // At 300 trucks/day, half of them loaded (one empty per loaded), northbound loaded ≈ 15% of the loaded.
    const load300 = { xray: 0.33 * 300, inspection: 0.03 * 150, veterinary: 0.05 * 0.15 * 150 };
    for (const [id, demand] of Object.entries(load300)) {
      expect(dailyCapacity(stage(k, id)) / demand, id).toBeGreaterThan(1.4);
    }
    // The terminal keeps the 300 trucks/day and has 80 customs-area places.
    const t = crossing(load('kyakhta-terminal-2024'), 'kyakhta');
    expect(dailyCapacity(stage(t, 'border-customs'))).toBeCloseTo(primary, 9);
    expect(t.zone.places).toBe(80);
  });

  test.each([
    ['baseline-2023', 'mondy', 'lane', 65.5],
    ['mondy-9-lanes', 'mondy', 'lane', 590],
    ['baseline-2023', 'khandagayty', 'lanes', 100],
    ['khandagayty-rebuild', 'khandagayty', 'lanes', 200],
    ['baseline-2023', 'tashanta', 'lanes', 100],
    ['tashanta-rebuild', 'tashanta', 'lanes', 1000],
  ])('%s: %s %s ≈ %d vehicles/day', (file, id, stageId, expected) => {
    expect(Math.abs(dailyCapacity(stage(crossing(load(file), id), stageId)) / expected - 1)).toBeLessThan(0.01);
  });

  test('khandagayty-rebuild is open 24 h; the baseline 09:00-18:00', () => {
    expect(stage(crossing(load('khandagayty-rebuild'), 'khandagayty'), 'lanes').timetable.windows[0]).toMatchObject({ openMin: 0, closeMin: 1440 });
    expect(stage(crossing(load('baseline-2023'), 'khandagayty'), 'lanes').timetable.windows[0]).toMatchObject({ openMin: 540, closeMin: 1080 });
  });

  /** CDF of a triangular distribution. */
  const triCdf = (d: Dist) => (x: number) => {
    if (d.kind !== 'triangular') throw new Error('triangular expected');
    const { min: a, mode: m, max: b } = d;
    if (x <= a) return 0;
    if (x >= b) return 1;
    return x <= m ? (x - a) ** 2 / ((b - a) * (m - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - m));
  };
  /** E[longest inspection of a train's selected wagons] (0 if none): Binomial(wagons, share), places free. */
  const inspectionWaitMin = (wagons: number, share: number, perWagon: Dist) => {
    const cdf = triCdf(perWagon);
    const hi = perWagon.kind === 'triangular' ? perWagon.max : 0;
    const steps = 4000;
    let total = 0;
    let pk = (1 - share) ** wagons; // P(N = 0)
    for (let k = 1; k <= wagons; k++) {
      pk *= ((wagons - k + 1) / k) * (share / (1 - share));
      let eMax = 0;
      for (let i = 0; i < steps; i++) eMax += (1 - cdf(((i + 0.5) * hi) / steps) ** k) * (hi / steps);
      total += pk * eMax;
    }
    return total;
  };
  const trainsPerDay = (c: Crossing) => c.demand.reduce((a, d) => a + d.vehiclesPerDay * d.growth, 0);
  const loadedShare = (c: Crossing) =>
    c.demand.filter((d) => d.cargo === 'loaded').reduce((a, d) => a + d.vehiclesPerDay * d.growth, 0) / trainsPerDay(c);
  /**
   * Trains/day the station's tracks turn over when crews and locomotives never bind: places × 1440 / mean time
   * on a track (crews, then the wait for inspected wagons for loaded trains, then the locomotive change).
   */
  const trackCapacity = (c: Crossing) => {
    const loaded = stage(c, 'border-customs-loaded');
    const wi = loaded.wagonInspection!;
    const wagons = c.demand.find((d) => d.cargo === 'loaded')!.wagonsPerTrain;
    const onTrack =
      distMean(loaded.serviceMin) +
      loadedShare(c) * inspectionWaitMin(wagons, wi.share, wi.perWagonMin) +
      distMean(stage(c, 'locomotive-change').serviceMin);
    return (c.zone.places * 1440) / onTrack;
  };

  test('the wagon wait: one wagon half the time waits half its mean; 57 and 71 wagons at 1% as in the YAML comments', () => {
    const tri: Dist = { kind: 'triangular', min: 60, mode: 90, max: 180 };
    expect(inspectionWaitMin(1, 0.5, tri)).toBeCloseTo(55, 1); // half the time one wagon, of mean 110 min
    expect(inspectionWaitMin(57, 0.01, tri)).toBeCloseTo(49.8, 0);
    expect(inspectionWaitMin(71, 0.01, tri)).toBeCloseTo(58.7, 0);
  });

  test('Naushki: crews and locomotives never bind (>= tracks), empty trains as slow as loaded ones, wagon places rarely busy', () => {
    for (const file of ['baseline-2023', 'naushki-stage1', 'agreement-2027']) {
      const n = crossing(load(file), 'naushki');
      for (const st of n.stages) expect(st.servers, `${file} ${st.id}`).toBeGreaterThanOrEqual(n.zone.places);
      expect(stage(n, 'border-customs-empty').serviceMin).toEqual(stage(n, 'border-customs-loaded').serviceMin);
      // Even with the tracks saturated, wagon places are < 10% busy, so selected wagons seldom wait for one.
      const wi = stage(n, 'border-customs-loaded').wagonInspection!;
      const wagons = n.demand.find((d) => d.cargo === 'loaded')!.wagonsPerTrain;
      const busy = (trackCapacity(n) * loadedShare(n) * wagons * wi.share * distMean(wi.perWagonMin)) / (wi.places * 1440);
      expect(busy, file).toBeLessThan(0.1);
    }
  });

  test('Naushki 2023: the tracks run at 60–75% with 7.8 Mt plus empties', () => {
    const n = crossing(load('baseline-2023'), 'naushki');
    const rho = trainsPerDay(n) / trackCapacity(n);
    expect(rho).toBeGreaterThan(0.6);
    expect(rho).toBeLessThan(0.75);
    expect(stage(n, 'border-customs-loaded').wagonInspection!.places).toBe(6);
  });

  test('Naushki stage 1: saturated loaded throughput ≈ 15 Mt/yr with 71-wagon trains and 12 wagon places', () => {
    const n = crossing(load('naushki-stage1'), 'naushki');
    const loaded = n.demand.filter((d) => d.cargo === 'loaded');
    expect(loaded.every((d) => d.wagonsPerTrain === 71 && d.tonnesPerWagon === 64)).toBe(true);
    expect(n.demand.find((d) => d.cargo === 'empty')!.wagonsPerTrain).toBe(71);
    const mtPerYear = (trackCapacity(n) * loadedShare(n) * 71 * 64 * 365) / 1e6;
    expect(Math.abs(mtPerYear / 15 - 1)).toBeLessThan(0.02);
    // Same tonnage as the baseline (7.8 Mt) in fewer, longer trains.
    expect(Math.abs(tonnesPerYear(n) / 7.8e6 - 1)).toBeLessThan(0.01);
    expect(stage(n, 'border-customs-loaded').wagonInspection!.places).toBe(12);
  });
});

describe('agreement-2027 and the plans change only what they say', () => {
  test('agreement-2027: growth south 1.125, north 2 on freight; cars unchanged; the 2025 network', () => {
    const s = load('agreement-2027');
    for (const c of s.crossings) {
      for (const d of c.demand) {
        const returned = d.cargo === 'empty' ? c.demand.find((x) => x.direction !== d.direction && x.cargo === 'loaded' && x.vehicleClass === d.vehicleClass) : undefined;
        const direction = returned ? returned.direction : d.direction;
        const expected = d.vehicleClass === 'car' ? 1 : direction === 'south' ? 1.125 : 2;
        expect(d.growth, `${c.id}/${d.id}`).toBe(expected);
      }
    }
    expect(crossing(s, 'kyakhta').zone.places).toBe(80);
    expect(stage(crossing(s, 'naushki'), 'border-customs-loaded').wagonInspection!.places).toBe(12);
    expect(s.startDate).toBe('2027-01-01');
  });

  test.each([
    ['mondy-9-lanes', ['mondy']],
    ['tashanta-rebuild', ['tashanta']],
    ['naushki-stage1', ['naushki']],
    ['khandagayty-rebuild', ['khandagayty']],
    ['kyakhta-booking', ['kyakhta']],
  ])('%s changes only %s', (file, changed) => {
    const base = load('baseline-2023');
    const plan = load(file);
    const differ = plan.crossings.filter((c) => JSON.stringify(c) !== JSON.stringify(base.crossings.find((b) => b.id === c.id))).map((c) => c.id);
    expect(differ).toEqual(changed);
    expect([plan.startDate, plan.days, plan.holidays]).toEqual([base.startDate, base.days, base.holidays]);
  });

  test('agreement-2027-no-stage1 differs from agreement-2027 only at Naushki, back to 57 wagons and 6 places', () => {
    const base = load('agreement-2027');
    const plan = load('agreement-2027-no-stage1');
    const differ = plan.crossings.filter((c) => JSON.stringify(c) !== JSON.stringify(base.crossings.find((b) => b.id === c.id))).map((c) => c.id);
    expect(differ).toEqual(['naushki']);
    const n = crossing(plan, 'naushki');
    expect(n.demand.filter((d) => d.cargo === 'loaded').map((d) => d.wagonsPerTrain)).toEqual([57, 57]);
    expect(stage(n, 'border-customs-loaded').wagonInspection!.places).toBe(6);
  });
});
