// Builders of small resolved scenarios (what the model runs) for the tests: one crossing, explicit stages and demand.
import type { Corridor, Crossing, DemandSource, Scenario, Stage, Timetable } from '../../src/scenario/types.js';

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Open every day between two clock times ('08:00', '20:00'); no closed dates. */
export function hours(open: string, close: string, closedDates: string[] = []): Timetable {
  const min = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return { windows: [{ weekdays: ALL_DAYS, openMin: min(open), closeMin: min(close) }], closedDates };
}

export const ALWAYS: Timetable = hours('00:00', '24:00');

export function stage(over: Partial<Stage> & { id: string }): Stage {
  return {
    name: over.id,
    directions: ['south', 'north'],
    classes: ['truck', 'car', 'train'],
    cargo: ['loaded', 'empty'],
    share: 1,
    servers: 1,
    serverChanges: [],
    timetable: ALWAYS,
    serviceMin: { kind: 'fixed', value: 10 },
    perWagonMin: { kind: 'fixed', value: 0 },
    wagonInspection: null,
    source: 'test',
    ...over,
  };
}

export function demand(over: Partial<DemandSource> & { id: string }): DemandSource {
  return {
    direction: 'south',
    vehicleClass: 'truck',
    cargo: 'loaded',
    vehiclesPerDay: 24,
    payloadT: 20,
    wagonsPerTrain: 0,
    tonnesPerWagon: 0,
    profile: { monthly: Array(12).fill(1), weekday: Array(7).fill(1), hourly: Array(24).fill(1) },
    arrivals: 'regular',
    growth: 1,
    source: 'test',
    ...over,
  };
}

export function crossing(over: Partial<Crossing> & { id: string }): Crossing {
  return {
    name: over.id,
    mode: 'road',
    utcOffsetH: 8,
    zone: { places: 1000, classes: ['truck', 'train'], source: 'test' },
    approachLimit: null,
    booking: null,
    closesOnHolidays: false,
    stages: [],
    demand: [],
    source: 'test',
    ...over,
  };
}

export function scenario(crossings: Crossing[], over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'test',
    name: 'test',
    description: '',
    startDate: '2023-01-02', // a Monday
    days: 2,
    warmupDays: 0,
    replications: 1,
    seed: 1,
    holidays: [],
    crossings,
    corridors: [],
    ...over,
  };
}

/** A corridor between crossings (ids with detours, hours), least-time unless said, with its demand sources. */
export function corridor(over: Partial<Corridor> & { id: string; via: [string, number][]; demand: DemandSource[] }): Corridor {
  const { via, ...rest } = over;
  return {
    name: over.id,
    rule: 'least-time',
    foresight: 'queue',
    logitScaleH: 0,
    crossings: via.map(([crossing, detourH]) => ({ crossing, detourH, source: 'test' })),
    source: 'test',
    ...rest,
  };
}
