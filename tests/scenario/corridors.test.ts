// Corridors in a scenario file: resolved with their defaults, and every bad reference reported with its path.
import { describe, expect, test } from 'vitest';
import { ScenarioError, type Problem } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

/** MINI_YAML with a second road crossing (road2, a copy of road) and the given corridors block. */
function withCorridors(corridors: string, over: (text: string) => string = (t) => t): string {
  const road = MINI_YAML.slice(MINI_YAML.indexOf('  - id: road\n'), MINI_YAML.indexOf('  - id: rail\n'));
  return over(MINI_YAML + road.replace('  - id: road\n', '  - id: road2\n') + 'corridors:\n' + corridors);
}

const GOOD = `  - id: west
    name: West
    choice: least-time
    source: "assumption: test"
    crossings:
      - { crossing: road, detourH: 0, source: "assumption: a" }
      - { crossing: road2, detourH: 4.5, source: "assumption: b" }
    demand:
      - { id: trucks, direction: south, class: truck, vehiclesPerDay: 30, payloadT: 20, source: "assumption: c" }
      - { id: back, direction: north, class: truck, returnOf: trucks, source: "assumption: d" }
`;

function problemsOf(text: string): Problem[] {
  try {
    parseScenarioText(text, 'net.yaml', memoryFiles({}));
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('corridors in a scenario file', () => {
  test('resolve with their rule, detours and demand (growth and returns as a crossing’s)', () => {
    const s = parseScenarioText(withCorridors(GOOD), 'net.yaml', memoryFiles({}));
    expect(s.corridors).toHaveLength(1);
    const k = s.corridors[0]!;
    expect(k).toMatchObject({ id: 'west', rule: 'least-time', logitScaleH: 0, crossings: [{ crossing: 'road', detourH: 0 }, { crossing: 'road2', detourH: 4.5 }] });
    expect(k.demand.map((d) => [d.id, d.cargo, d.vehiclesPerDay])).toEqual([['trucks', 'loaded', 30], ['back', 'empty', 30]]);
  });

  test('default to the fixed route and none at all', () => {
    const s = parseScenarioText(withCorridors(GOOD.replace('    choice: least-time\n', '')), 'net.yaml', memoryFiles({}));
    expect(s.corridors[0]!.rule).toBe('fixed');
    expect(s.corridors[0]!.foresight).toBe('queue');
    const informed = parseScenarioText(withCorridors(GOOD.replace('choice: least-time', 'choice: least-time\n    foresight: queue-and-en-route')), 'net.yaml', memoryFiles({}));
    expect(informed.corridors[0]!.foresight).toBe('queue-and-en-route');
    expect(parseScenarioText(MINI_YAML, 'mini.yaml', memoryFiles({})).corridors).toEqual([]);
  });

  const cases: { name: string; edit: [string, string]; path: string; message: RegExp }[] = [
    { name: 'an unknown crossing', edit: ['crossing: road2,', 'crossing: raod2,'], path: 'corridors[0].crossings[1].crossing', message: /no crossing "raod2" in this scenario \(known: road, rail, road2\)/ },
    { name: 'a crossing listed twice', edit: ['crossing: road2,', 'crossing: road,'], path: 'corridors[0].crossings[1].crossing', message: /listed twice/ },
    { name: 'a single crossing', edit: ['      - { crossing: road2, detourH: 4.5, source: "assumption: b" }\n', ''], path: 'corridors[0].crossings', message: /at least two crossings/ },
    { name: 'a crossing that cannot serve the class', edit: ['crossing: road2,', 'crossing: rail,'], path: 'corridors[0].demand[0].class', message: /"rail" is a rail crossing: it has no truck traffic/ },
    { name: 'logit without its scale', edit: ['choice: least-time', 'choice: logit'], path: 'corridors[0]', message: /missing logitScaleH/ },
    { name: 'a scale without logit', edit: ['choice: least-time', 'choice: least-time\n    logitScaleH: 2'], path: 'corridors[0].logitScaleH', message: /applies only with choice: logit/ },
    { name: 'a negative detour', edit: ['detourH: 4.5', 'detourH: -1'], path: 'corridors[0].crossings[1].detourH', message: /expected a number ≥ 0|non-negative|>= 0|at least 0/ },
    { name: 'foresight with the fixed route', edit: ['choice: least-time', 'choice: fixed\n    foresight: queue-and-en-route'], path: 'corridors[0].foresight', message: /applies only with choice: least-time or logit/ },
    { name: 'an unknown foresight', edit: ['choice: least-time', 'choice: least-time\n    foresight: everything'], path: 'corridors[0].foresight', message: /expected what drivers foresee: queue or queue-and-en-route/ },
    { name: 'an unknown rule', edit: ['choice: least-time', 'choice: shortest'], path: 'corridors[0].choice', message: /expected a choice rule: fixed, least-time or logit/ },
  ];
  for (const c of cases) {
    test(`reports ${c.name}, with its path`, () => {
      const problems = problemsOf(withCorridors(GOOD.replace(c.edit[0], c.edit[1])));
      expect(problems.map((p) => p.path)).toContain(c.path);
      expect(problems.find((p) => p.path === c.path)!.message).toMatch(c.message);
      expect(problems.every((p) => p.file === 'net.yaml')).toBe(true);
    });
  }

  test('a crossing may have no demand of its own when a corridor lists it; else the missing demand is named', () => {
    const bare = `  - id: road3
    name: Road 3
    mode: road
    utcOffsetH: 8
    source: "assumption: t"
    zone: { places: 4, source: "assumption: t" }
    stages:
      - { id: booths, name: Booths, classes: [truck], servers: 1, serviceMin: 20, source: "assumption: t" }
`;
    const text = withCorridors(GOOD.replace('crossing: road2,', 'crossing: road3,'), (t) => t.replace('corridors:\n', `${bare}corridors:\n`));
    const s = parseScenarioText(text, 'net.yaml', memoryFiles({}));
    expect(s.crossings.find((c) => c.id === 'road3')!.demand).toEqual([]);
    const problems = problemsOf(withCorridors(GOOD, (t) => t.replace('corridors:\n', `${bare}corridors:\n`)));
    expect(problems.map((p) => [p.path, p.message])).toEqual([['crossings[3].demand', 'no demand: give the crossing demand sources of its own, or list it in a corridor']]);
  });

  test('reports crossings of one corridor in different time zones', () => {
    const text = withCorridors(GOOD, (t) => t.replace(/(  - id: road2\n(?:.*\n)*?    utcOffsetH: )8/, '$19'));
    const problems = problemsOf(text);
    expect(problems.find((p) => p.path === 'corridors[0].crossings[1].crossing')!.message).toMatch(/"road2" is at UTC\+9, "road" at UTC\+8: .* must share a time zone/);
  });
});
