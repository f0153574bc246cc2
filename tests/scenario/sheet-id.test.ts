import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Id } from '../../src/scenario/schema-base.js';
import { ScenarioError, type Problem } from '../../src/scenario/errors.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonschema.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { spreadsheetReading, TEXT_IN_SPREADSHEETS } from '../../src/scenario/sheet-id.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';
import { fuzzRuns } from '../fuzz.js';

const NOT_TEXT: [string, string][] = [
  ['007', 'a number'],
  ['12', 'a number'],
  ['1e5', 'a number in scientific notation'],
  ['2e-3', 'a number in scientific notation'],
  ['2023-01-01', 'a date'],
  ['1-2', 'a date'],
  ['12-2023', 'a date'],
  ['jan-5', 'a date'],
  ['5-jan', 'a date'],
  ['mar-2023', 'a date'],
  ['1-sept-2023', 'a date'],
  ['true', 'TRUE or FALSE'],
  ['false', 'TRUE or FALSE'],
];
const TEXT = ['kyakhta', 'border-customs', 'baseline-2023', 'mondy-9-lanes', 'kyakhta-terminal-2024', 'x-007', 'a1', '1a', '1e', 'e5', 'may', 'jan', 'truer', 'n-true', 'lane-2-3'];

describe('spreadsheetReading: ids a spreadsheet turns into something other than text', () => {
  test.each(NOT_TEXT)('%s reads as %s', (id, reading) => {
    expect(spreadsheetReading(id)).toBe(reading);
    expect(TEXT_IN_SPREADSHEETS.test(id)).toBe(false);
  });

  test('any case: TRUE, False, JAN-5', () => {
    expect(['TRUE', 'False', 'JAN-5', '1E5'].map(spreadsheetReading)).toEqual(['TRUE or FALSE', 'TRUE or FALSE', 'a date', 'a number in scientific notation']);
  });

  test.each(TEXT)('%s stays text', (id) => {
    expect(spreadsheetReading(id)).toBeUndefined();
    expect(TEXT_IN_SPREADSHEETS.test(id)).toBe(true);
  });
});

describe('the schema, the JSON Schema pattern and spreadsheetReading agree on every id', () => {
  const digits = fc.stringMatching(/^\d{1,4}$/);
  const month = fc.constantFrom('jan', 'feb', 'mar', 'may', 'june', 'sept', 'dec', 'lane', 'x');
  const candidates = fc.oneof(
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
    fc.tuple(digits, fc.array(fc.oneof(digits, fc.constant('')), { maxLength: 3 })).map(([d, rest]) => [d, ...rest].join('-')),
    fc.tuple(digits, fc.constantFrom('e', 'e-', 'x', 'e5'), digits).map((parts) => parts.join('')),
    fc.tuple(fc.option(digits), month, fc.option(digits)).map(([a, m, b]) => [a, m, b].filter((x) => x !== null).join('-')),
    fc.constantFrom('true', 'false', 'truex', 'n-false'),
  );

  test('an id passes the schema exactly when a spreadsheet keeps it as text (and the JSON pattern says the same)', () => {
    fc.assert(
      fc.property(candidates, (id) => {
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return;
        const text = spreadsheetReading(id) === undefined;
        expect(Id.safeParse(id).success).toBe(text);
        expect(TEXT_IN_SPREADSHEETS.test(id)).toBe(text);
      }),
      { numRuns: fuzzRuns(2000) },
    );
  });
});

/** The problems of MINI_YAML with one edit, which must fail. */
function problemsOf(edit: [string, string]): Problem[] {
  expect(MINI_YAML).toContain(edit[0]);
  try {
    parseScenarioText(MINI_YAML.replace(edit[0], edit[1]), 'ids.yaml', memoryFiles({}));
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('the schema refuses such ids wherever an id is written, naming the path and the value', () => {
  test.each([
    ['scenario id', ['id: mini', 'id: "007"'], 'id', '007'],
    ['crossing id', ['  - id: road', '  - id: "1e5"'], 'crossings[0].id', '1e5'],
    ['stage id', ['      - id: booths', '      - id: "12"'], 'crossings[0].stages[0].id', '12'],
    ['demand source id', ['{ id: cars, direction', '{ id: "2023-01-01", direction'], 'crossings[0].demand[2].id', '2023-01-01'],
    ['rail crossing id', ['  - id: rail', '  - id: "true"'], 'crossings[1].id', 'true'],
  ] as [string, [string, string], string, string][])('%s', (_what, edit, path, value) => {
    const problems = problemsOf(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'ids.yaml', path, value });
    expect(problems[0]!.message).toMatch(/^a spreadsheet would read this id as .*, not as text/);
    expect(problems[0]!.line).toBe(MINI_YAML.replace(edit[0], edit[1]).split('\n').findIndex((l) => l.includes(edit[1].trim())) + 1);
  });

  test.each([
    ['007', 7, 'number'],
    ['1.5', 1.5, 'number'],
    ['1e5', 100000, 'number'],
    ['false', false, 'boolean'],
    ['True', true, 'boolean'],
  ] as [string, unknown, string][])('an unquoted %s is a YAML %s: the message says so', (written, value, type) => {
    const problems = problemsOf(['      - id: booths', `      - id: ${written}`]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'crossings[0].stages[0].id', value });
    expect(problems[0]!.message).toContain(`YAML reads this unquoted id as a ${type}`);
  });

  test('a plan\'s own id too', () => {
    const plan = 'extends: ./mini.yaml\nid: "2024-01-01"\n';
    let problems: Problem[] = [];
    try {
      parseScenarioText(plan, 'plan.yaml', memoryFiles({ 'mini.yaml': MINI_YAML }));
    } catch (error) {
      problems = (error as ScenarioError).problems;
    }
    expect(problems.map((p) => [p.file, p.line, p.path, p.value])).toEqual([['plan.yaml', 2, 'id', '2024-01-01']]);
  });

  test('the JSON Schema carries the rule for editors (every id pattern refuses 007 and accepts kyakhta)', () => {
    const ids: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        const obj = node as Record<string, unknown>;
        if (obj.properties && typeof obj.properties === 'object' && 'id' in obj.properties) ids.push(JSON.stringify((obj.properties as Record<string, unknown>).id));
        Object.values(obj).forEach(walk);
      }
    };
    walk(scenarioJsonSchema());
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const patterns = [...id.matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)].map((m) => new RegExp(JSON.parse(m[1]!) as string));
      expect(patterns.length, id).toBe(2);
      expect(patterns.every((p) => p.test('kyakhta')), id).toBe(true);
      expect(patterns.some((p) => !p.test('007')), id).toBe(true);
    }
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toContain(JSON.stringify(TEXT_IN_SPREADSHEETS.source).slice(1, -1));
  });
});
