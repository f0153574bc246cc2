import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError, formatProblems, type Problem } from '../../src/scenario/errors.js';
import { loadScenario, parseScenarioInputText, parseScenarioText } from '../../src/scenario/load.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

/** The problems of a text that must fail to load. */
function problemsOf(text: string, file = 'bad.yaml', files: Record<string, string> = {}): Problem[] {
  try {
    parseScenarioText(text, file, memoryFiles(files));
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('bad inputs: one problem each, with file, line, path and value', () => {
  const cases: { name: string; edit: [string, string]; line: string; path: string; message: RegExp; value?: unknown }[] = [
    {
      name: 'unknown key (a typo) with a suggestion',
      edit: ['        servers: 2\n', '        servers: 2\n        servrs: 3\n'],
      line: 'servrs: 3',
      path: 'crossings[0].stages[0].servrs',
      message: /unknown key "servrs" \(did you mean "servers"\?\)/,
    },
    {
      name: 'a longitude outside -180–180 (the map position)',
      edit: ['    mode: road\n', '    mode: road\n    location: { longitudeDeg: 1065, latitudeDeg: 50.35, source: "assumption: x" }\n'],
      line: 'longitudeDeg: 1065',
      path: 'crossings[0].location.longitudeDeg',
      message: /expected a longitude from -180 to 180 degrees/,
      value: 1065,
    },
    {
      name: 'a location without its source',
      edit: ['    mode: road\n', '    mode: road\n    location: { longitudeDeg: 106.45, latitudeDeg: 50.35 }\n'],
      line: 'longitudeDeg: 106.45',
      path: 'crossings[0].location.source',
      message: /expected a source/,
    },
    {
      name: 'wrong type',
      edit: ['days: 14', 'days: fourteen'],
      line: 'days: fourteen',
      path: 'days',
      message: /expected a positive integer/,
      value: 'fourteen',
    },
    {
      name: 'negative servers',
      edit: ['        servers: 2\n', '        servers: -2\n'],
      line: 'servers: -2',
      path: 'crossings[0].stages[0].servers',
      message: /^expected a positive integer$/,
      value: -2,
    },
    {
      name: 'share outside 0–1',
      edit: ['        servers: 2\n', '        servers: 2\n        share: 1.5\n'],
      line: 'share: 1.5',
      path: 'crossings[0].stages[0].share',
      message: /between 0 and 1/,
      value: 1.5,
    },
    {
      name: 'invalid distribution parameters (random layer check)',
      edit: ['mode: 20, max: 30', 'mode: 40, max: 30'],
      line: 'mode: 40',
      path: 'crossings[0].stages[0].serviceMin.mode',
      message: /must lie in \[min, max\]/,
      value: 40,
    },
    {
      name: 'unknown distribution kind',
      edit: ['{ kind: triangular, min: 15', '{ kind: tri, min: 15'],
      line: 'kind: tri,',
      path: 'crossings[0].stages[0].serviceMin.kind',
      message: /unknown kind.*triangular/,
      value: 'tri',
    },
    {
      name: 'a horizon over 100 years (a typo that would run for hours)',
      edit: ['days: 14', 'days: 365000'],
      line: 'days: 365000',
      path: 'days',
      message: /at most 36600 days/,
      value: 365000,
    },
    {
      name: 'a run that would go past 9999-12-31 (dates have four-digit years)',
      edit: ['startDate: 2023-01-01\ndays: 14', 'startDate: 9999-12-25\ndays: 14'],
      line: 'days: 14',
      path: 'days',
      message: /runs past 9999-12-31 from startDate 9999-12-25/,
      value: 14,
    },
    {
      name: 'bad opening hours',
      edit: ['truck: "08:00-20:00"', 'truck: "8-20"'],
      line: 'truck: "8-20"',
      path: 'crossings[0].hours.truck',
      message: /HH:MM-HH:MM/,
      value: '8-20',
    },
    {
      name: 'not a date',
      edit: ['startDate: 2023-01-01', 'startDate: 2023-02-30'],
      line: 'startDate',
      path: 'startDate',
      message: /real date/,
      value: '2023-02-30',
    },
    {
      name: 'duplicate stage id',
      edit: ['      - id: cars\n        name: Car lanes', '      - id: booths # again\n        name: Car lanes'],
      line: '# again',
      path: 'crossings[0].stages[1].id',
      message: /duplicate stage id "booths"/,
    },
    {
      name: 'returnOf naming a missing source',
      edit: ['returnOf: loaded-south\n        emptyPerLoaded', 'returnOf: loaded-sud\n        emptyPerLoaded'],
      line: 'returnOf: loaded-sud',
      path: 'crossings[0].demand[1].returnOf',
      message: /no demand source "loaded-sud"/,
      value: 'loaded-sud',
    },
    {
      name: 'stage classes matching no demand',
      edit: ['    demand:\n      - id: loaded-south', '      - { id: extra, name: X, classes: [car], directions: [south], servers: 1, serviceMin: 5, source: x }\n    demand:\n      - id: loaded-south'],
      line: '- { id: extra',
      path: 'crossings[0].stages[2]',
      message: /serves no demand source/,
    },
    {
      name: 'trains at a road crossing',
      edit: ['      - { id: cars, direction', '      - { id: coal, direction: north, class: train, vehiclesPerDay: 1, wagonsPerTrain: 5, source: x }\n      - { id: cars, direction'],
      line: 'id: coal',
      path: 'crossings[0].demand[2].class',
      message: /road crossing has no train traffic/,
      value: 'train',
    },
    {
      name: 'two demand quantities',
      edit: ['tonnesPerYear: 7300\n', 'tonnesPerYear: 7300\n        vehiclesPerDay: 3\n'],
      line: '- id: loaded-south',
      path: 'crossings[0].demand[0]',
      message: /give only one of tonnesPerYear, vehiclesPerDay/,
    },
    {
      name: 'loaded truck without payload',
      edit: ['        payloadT: 20\n', ''],
      line: '- id: loaded-south',
      path: 'crossings[0].demand[0]',
      message: /missing payloadT/,
    },
  ];

  test.each(cases)('$name', ({ edit, line, path, message, value }) => {
    expect(MINI_YAML.includes(edit[0])).toBe(true);
    const text = MINI_YAML.replace(edit[0], edit[1]);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const [p] = problems as [Problem];
    expect(p.file).toBe('bad.yaml');
    expect(p.path).toBe(path);
    expect(p.message).toMatch(message);
    expect(p.line).toBe(lineOf(text, line));
    if (value !== undefined) expect(p.value).toEqual(value);
  });
});

describe('implausible demand', () => {
  test('a unit slip that resolves to millions of trains a day is reported at each source it feeds, with its line', () => {
    const text = MINI_YAML.replace('tonnesPerWagon: 20,', 'tonnesPerWagon: 0.00002,');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['crossings[1].demand[0]', lineOf(text, '- { id: loaded-south, direction: south, class: train')],
      ['crossings[1].demand[1]', lineOf(text, '- { id: empty-north, direction: north, class: train')],
    ]);
    expect(problems[0]!.message).toBe('comes to 1.00e+6 trains a day (growth included), above the 100000 a source may bring: check the units of its tonnes, payload or wagons');
  });

  test('a bare number of minutes is held to the limits of a fixed distribution', () => {
    const text = MINI_YAML.replace('serviceMin: 5\n', 'serviceMin: 1e13\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.path, p.message, p.value])).toEqual([['crossings[0].stages[1].serviceMin', 'must be at most 1000000000000 in size', 1e13]]);
  });
});

describe('reporting', () => {
  test('several problems at once, schema problems first, formatted file:line path: message, got value', () => {
    const text = MINI_YAML.replace('days: 14', 'days: -1')
      .replace('        servers: 2\n', '        servers: 0\n        colour: red\n')
      .replace('returnOf: loaded-south\n        emptyPerLoaded', 'returnOf: nothing\n        emptyPerLoaded');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual([
      'days',
      'crossings[0].stages[0].servers',
      'crossings[0].stages[0].colour',
      'crossings[0].demand[1].returnOf',
    ]);
    const lines = formatProblems(problems).split('\n');
    expect(lines[0]).toBe(`bad.yaml:${lineOf(text, 'days: -1')} days: expected a positive integer, got -1`);
    expect(lines[3]).toMatch(/^bad\.yaml:\d+ crossings\[0\]\.demand\[1\]\.returnOf: no demand source "nothing"/);
  });

  test('bad YAML syntax names the file and line', () => {
    const text = 'id: x\nname: [unclosed\ndays: 3\n';
    const [p, ...rest] = problemsOf(text, 'broken.yaml');
    expect(p!.file).toBe('broken.yaml');
    expect(p!.line).toBeGreaterThanOrEqual(2);
    expect(p!.message).toMatch(/^cannot parse/);
    expect(rest.every((r) => r.file === 'broken.yaml')).toBe(true);
  });

  test('duplicate YAML keys are a parse problem', () => {
    const [p] = problemsOf(MINI_YAML.replace('days: 14', 'days: 14\ndays: 15'));
    expect(p!.message).toMatch(/unique/);
    expect(p!.line).toBe(6);
  });

  test('a top level that is not a mapping', () => {
    expect(problemsOf('- 1\n- 2\n')[0]!.message).toMatch(/expected a mapping/);
  });

  test('JSON input works the same, with lines', () => {
    const raw = parseScenarioInputText(MINI_YAML, 'mini.yaml');
    const json = JSON.stringify(raw, null, 2);
    expect(parseScenarioText(json, 'mini.json')).toEqual(parseScenarioText(MINI_YAML, 'mini.yaml'));
    const bad = json.replace('"servers": 2,', '"servers": -2,');
    const [p] = problemsOf(bad, 'mini.json');
    expect(p).toMatchObject({ file: 'mini.json', path: 'crossings[0].stages[0].servers', value: -2, line: lineOf(bad, '"servers": -2') });
  });

  test('files: a missing file and a real file on disk', () => {
    expect(() => loadScenario('/nonexistent/dir/x.yaml')).toThrowError(/\/nonexistent\/dir\/x\.yaml: cannot read: file not found/);
    const dir = mkdtempSync(join(tmpdir(), 'bordersim-scenario-'));
    const file = join(dir, 'mini.yaml');
    writeFileSync(file, MINI_YAML);
    expect(loadScenario(file).id).toBe('mini');
  });

  test('YAML written back from the raw input round-trips', () => {
    const raw = parseScenarioInputText(MINI_YAML, 'mini.yaml');
    expect(parseScenarioInputText(stringify(raw), 'again.yaml')).toEqual(raw);
  });
});
