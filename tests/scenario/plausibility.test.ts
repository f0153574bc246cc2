import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plausibilityChecks } from '../../src/commands/warnings.js';
import { loadScenario, loadScenarioWithWarnings, parseScenarioInputText, parseScenarioText, parseScenarioTextWithWarnings } from '../../src/scenario/load.js';
import {
  formatWarning,
  MAX_SERVICE_MIN,
  MIN_FREIGHT_SERVICE_MIN,
  MIN_TONNES_PER_YEAR,
  MIN_TRAINS_PER_DAY,
  MIN_VEHICLES_PER_DAY,
  PAYLOAD_T,
  plausibilityWarnings,
  WAGON_LOAD_T,
  type ScenarioWarning,
} from '../../src/scenario/plausibility.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

/** The warnings of MINI_YAML with one edit (the text must contain the edit's old text once). */
function warningsOf(...edits: [string, string][]): { text: string; warnings: ScenarioWarning[] } {
  let text = MINI_YAML;
  for (const [from, to] of edits) {
    expect(text.split(from).length, from).toBe(2);
    text = text.replace(from, to);
  }
  return { text, warnings: parseScenarioTextWithWarnings(text, 'mistake.yaml', memoryFiles({})).warnings };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('each rule fires on a likely unit slip, at the file, line and path that wrote it', () => {
  test.each([
    {
      name: 'service minutes written in hours (a truck stage, mean 0.36 min)',
      edit: ['serviceMin: { kind: triangular, min: 15, mode: 20, max: 30 }', 'serviceMin: 0.36'],
      rule: 'service-minutes',
      path: 'crossings[0].stages[0].serviceMin',
      value: 0.36,
      message: /under 1 minute for truck; hours written as minutes\? \(0\.36 h = 21\.6 min\)/,
    },
    {
      name: 'service minutes over a day (a train stage, 3000 min)',
      edit: ['serviceMin: 300', 'serviceMin: 3000'],
      rule: 'service-minutes',
      path: 'crossings[1].stages[0].serviceMin',
      value: 3000,
      message: /over a day; seconds written as minutes/,
    },
    {
      name: 'wagon inspection minutes under a minute',
      edit: ['perWagonMin: 60', 'perWagonMin: 0.75'],
      rule: 'service-minutes',
      path: 'crossings[1].stages[0].wagonInspection.perWagonMin',
      value: 0.75,
      message: /inspection time per wagon 0\.75 min: under 1 minute/,
    },
    {
      name: 'tonnes in kilotonnes (7.3 for 7,300 t)',
      edit: ['tonnesPerYear: 7300', 'tonnesPerYear: 7.3'],
      rule: 'tonnes-per-year',
      path: 'crossings[0].demand[0].tonnesPerYear',
      value: 7.3,
      message: /^7\.3 t a year, under 500 t \(0\.001 trucks a day\); kilotonnes written as tonnes\? \(×1000 would be 1 trucks a day\)$/,
    },
    {
      name: 'a tonnage that makes under 0.1 trucks a day',
      edit: ['tonnesPerYear: 7300', 'tonnesPerYear: 700'],
      rule: 'demand-rate',
      path: 'crossings[0].demand[0].tonnesPerYear',
      value: 700,
      message: /comes to 0\.0959 trucks a day \(one every 10\.4 days, growth included\), under 0\.1 a day; kilotonnes/,
    },
    {
      name: 'cars under 0.1 a day',
      edit: ['vehiclesPerDay: 40', 'vehiclesPerDay: 0.05'],
      rule: 'demand-rate',
      path: 'crossings[0].demand[2].vehiclesPerDay',
      value: 0.05,
      message: /0\.05 cars a day .*per year or per month written per day\?/,
    },
    {
      name: 'trains under 0.05 a day (15,000 t in 1,000-t trains)',
      edit: ['tonnesPerYear: 365000', 'tonnesPerYear: 15000'],
      rule: 'demand-rate',
      path: 'crossings[1].demand[0].tonnesPerYear',
      value: 15000,
      message: /0\.0411 trains a day/,
    },
    {
      name: 'a payload in kilograms',
      edit: ['payloadT: 20', 'payloadT: 20000'],
      rule: 'payload',
      path: 'crossings[0].demand[0].payloadT',
      value: 20000,
      message: /^20000 t per truck, outside 5–80 t; kilograms written as tonnes\?$/,
    },
    {
      name: 'a payload in kilotonnes',
      edit: ['payloadT: 20', 'payloadT: 0.02'],
      rule: 'payload',
      path: 'crossings[0].demand[0].payloadT',
      value: 0.02,
      message: /0\.02 t per truck, outside 5–80 t; kilotonnes/,
    },
    {
      name: 'tonnes per wagon outside 10–80 t',
      edit: ['tonnesPerWagon: 20', 'tonnesPerWagon: 2000'],
      rule: 'wagon-load',
      path: 'crossings[1].demand[0].tonnesPerWagon',
      value: 2000,
      message: /2000 t per wagon, outside 10–80 t; kilograms, or tonnes per train,/,
    },
  ] as { name: string; edit: [string, string]; rule: string; path: string; value: unknown; message: RegExp }[])('$name', (c) => {
    const { text, warnings } = warningsOf(c.edit);
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w).toMatchObject({ rule: c.rule, file: 'mistake.yaml', line: lineOf(text, c.edit[1]), path: c.path, value: c.value });
    expect(w!.message).toMatch(c.message);
    expect(formatWarning(w!)).toBe(`mistake.yaml:${lineOf(text, c.edit[1])} ${c.path}: ${w!.message}, got ${JSON.stringify(c.value)}`);
  });
});

describe('what the rules leave alone', () => {
  test('the mini scenario, a car-only stage under a minute, empty returns at 1%, a rail flow of 0.09 trains a day', () => {
    expect(warningsOf().warnings).toEqual([]);
    expect(warningsOf(['serviceMin: 5', 'serviceMin: 0.5']).warnings).toEqual([]);
    expect(warningsOf(['emptyPerLoaded: 0.5', 'emptyPerLoaded: 0.01']).warnings).toEqual([]);
    expect(warningsOf(['tonnesPerYear: 365000', 'tonnesPerYear: 32850']).warnings).toEqual([]);
    expect(warningsOf(['vehiclesPerDay: 40', 'vehiclesPerDay: 0']).warnings).toEqual([]);
  });

  test('a payload flagged is not flagged again as a tiny rate', () => {
    expect(warningsOf(['payloadT: 20', 'payloadT: 90000']).warnings.map((w) => w.rule)).toEqual(['payload']);
  });

  test('the demand rate includes growth: 0.137 trucks a day at growth 0.5 comes to 0.068', () => {
    const growth: [string, string] = ['days: 14\n', 'days: 14\ndemand: { growth: { south: 0.5 } }\n'];
    expect(warningsOf(['tonnesPerYear: 7300', 'tonnesPerYear: 1000']).warnings).toEqual([]);
    expect(warningsOf(['tonnesPerYear: 7300', 'tonnesPerYear: 1000'], growth).warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^comes to 0\.0685 trucks a day .*growth included/),
    ]);
  });

  test('the thresholds are the documented ones', () => {
    expect([MIN_FREIGHT_SERVICE_MIN, MAX_SERVICE_MIN, MIN_TONNES_PER_YEAR, MIN_VEHICLES_PER_DAY, MIN_TRAINS_PER_DAY]).toEqual([1, 1440, 500, 0.1, 0.05]);
    expect([PAYLOAD_T, WAGON_LOAD_T]).toEqual([{ min: 5, max: 80 }, { min: 10, max: 80 }]);
  });
});

describe('plans and the API without a file', () => {
  test('a warning in a plan points at the plan\'s line; one inherited from the base at the base\'s', () => {
    const base = MINI_YAML.replace('vehiclesPerDay: 40', 'vehiclesPerDay: 0.05');
    const plan = 'extends: ./mini.yaml\nid: plan\ncrossings:\n  - id: road\n    stages:\n      - { id: booths, serviceMin: 0.4 }\n';
    const { warnings } = loadScenarioWithWarnings('plan.yaml', memoryFiles({ 'plan.yaml': plan, 'mini.yaml': base }));
    expect(warnings.map((w) => [w.rule, w.file, w.line, w.path, w.value])).toEqual([
      ['service-minutes', 'plan.yaml', 6, 'crossings[0].stages[0].serviceMin', 0.4],
      ['demand-rate', 'mini.yaml', lineOf(base, 'vehiclesPerDay: 0.05'), 'crossings[0].demand[2].vehiclesPerDay', 0.05],
    ]);
  });

  test('a warning names the crossing of the value, though a plan counts its crossings apart from the base', () => {
    // the plan's crossings[0] is the base's crossings[1] (rail)
    const plan = 'extends: ./mini.yaml\nid: plan\ncrossings:\n  - id: rail\n    stages:\n      - { id: customs, serviceMin: 0.4 }\n';
    const { warnings } = loadScenarioWithWarnings('plan.yaml', memoryFiles({ 'plan.yaml': plan, 'mini.yaml': MINI_YAML }));
    expect(warnings.map((w) => [w.crossing, w.file, w.path])).toEqual([['rail', 'plan.yaml', 'crossings[0].stages[0].serviceMin']]);
    expect(plausibilityChecks(warnings).map((w) => w.crossing)).toEqual(['rail']);
  });

  test('loadScenarioWithWarnings returns the same scenario as loadScenario', () => {
    const files = memoryFiles({ 'mini.yaml': MINI_YAML });
    const loaded = loadScenarioWithWarnings('mini.yaml', files);
    expect(loaded.scenario).toEqual(loadScenario('mini.yaml', files));
    expect(loaded.input.id).toBe('mini');
  });

  test('plausibilityWarnings(scenario) without the input points at the source with its resolved rate (return flows judged on their own)', () => {
    const text = MINI_YAML.replace('tonnesPerYear: 7300', 'tonnesPerYear: 700');
    const s = parseScenarioText(text, 'x.yaml');
    const warnings = plausibilityWarnings(s);
    expect(warnings).toEqual([
      { rule: 'demand-rate', crossing: 'road', path: 'crossings[0].demand[0]', value: 700 / 20 / 365, message: expect.stringMatching(/^comes to 0\.0959 trucks a day/) },
      { rule: 'demand-rate', crossing: 'road', path: 'crossings[0].demand[1]', value: (0.5 * 700) / 20 / 365, message: expect.stringMatching(/^comes to 0\.0479 trucks a day/) },
    ]);
    // With the input, the path is the key as written and the return flow is left to its loaded flow.
    expect(plausibilityWarnings(s, parseScenarioInputText(text, 'x.yaml'))).toEqual([
      { rule: 'demand-rate', crossing: 'road', path: 'crossings[0].demand[0].tonnesPerYear', value: 700, message: warnings[0]!.message },
    ]);
    expect(formatWarning(warnings[0]!)).toMatch(/^crossings\[0\]\.demand\[0\]: comes to 0\.0959 trucks a day .*, got 0\.09589/);
  });
});

describe('the shipped scenarios', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
  test.each(files)('%s gives no plausibility warning', (file) => {
    expect(loadScenarioWithWarnings(join('scenarios', file)).warnings.map(formatWarning)).toEqual([]);
  });
});
