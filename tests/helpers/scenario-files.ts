// Scenario files for the loading tests: a small valid scenario (one road crossing, one rail crossing) as YAML
// text, files held in memory for the loader, and the check the property tests make of whatever they load.
import { expect } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import type { Scenario } from '../../src/scenario/types.js';

export const MINI_YAML = `# a comment
id: mini
name: Mini
startDate: 2023-01-01
days: 14
holidays:
  - { name: New Year, from: 2023-01-01, to: 2023-01-02, source: "[2]" }
crossings:
  - id: road
    name: Road
    mode: road
    utcOffsetH: 8
    closesOnHolidays: true
    source: article
    zone: { places: 10, classes: [truck], source: "assumption: x" }
    hours:
      truck: "08:00-20:00"
      car: 24h
    stages:
      - id: booths
        name: Booths
        classes: [truck]
        servers: 2
        serviceMin: { kind: triangular, min: 15, mode: 20, max: 30 }
        source: "[23]"
      - id: cars
        name: Car lanes
        classes: [car]
        servers: 1
        serviceMin: 5
        source: "assumption: y"
    demand:
      - id: loaded-south
        direction: south
        class: truck
        tonnesPerYear: 7300
        payloadT: 20
        profile: { monthly: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], hourly: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0] }
        source: article
      - id: empty-north
        direction: north
        class: truck
        returnOf: loaded-south
        emptyPerLoaded: 0.5
        source: "assumption: z"
      - { id: cars, direction: north, class: car, vehiclesPerDay: 40, source: "assumption: c" }
  - id: rail
    name: Rail
    mode: rail
    utcOffsetH: 8
    source: article
    zone: { places: 2, classes: [train], source: "assumption: tracks" }
    stages:
      - id: customs
        name: Customs
        classes: [train]
        servers: 2
        serviceMin: 300
        perWagonMin: 1
        wagonInspection: { share: 0.1, places: 3, perWagonMin: 60, source: "[16]" }
        changes: [{ from: 2023-01-10, servers: 3, source: "assumption: d" }]
        source: "[25]"
    demand:
      - { id: loaded-south, direction: south, class: train, tonnesPerYear: 365000, wagonsPerTrain: 50, tonnesPerWagon: 20, source: article }
      - { id: empty-north, direction: north, class: train, returnOf: loaded-south, source: "assumption: e" }
`;

/** An in-memory file system for plans: `readText` for LoadOptions. */
export function memoryFiles(files: Record<string, string>): { readText: (file: string) => string } {
  return {
    readText: (file: string) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return text;
    },
  };
}

/**
 * What a random input must do: a scenario that loads runs a few days with both invariants holding; one that does
 * not fails with a ScenarioError whose every problem names one of `files` and a path. Any other exception is
 * rethrown (it would reach a planner as a stack trace).
 */
export function expectRunsOrRejected(load: () => Scenario, files: readonly string[]): void {
  try {
    const s = load();
    const r = runReplication(s, { seed: 1, replication: 0, days: Math.min(s.days, 3), warmupDays: 0, onDay: () => {} });
    expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      expect(files).toContain(p.file);
      expect(typeof p.path).toBe('string');
      expect(typeof p.message).toBe('string');
    }
  }
}
