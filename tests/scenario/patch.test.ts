import { describe, expect, test } from 'vitest';
import { ScenarioError, type Problem } from '../../src/scenario/errors.js';
import { parseScenarioInputText, parseScenarioText } from '../../src/scenario/load.js';
import { applyPatch, setByIdPath } from '../../src/scenario/patch.js';
import { MINI_YAML, memoryFiles } from '../helpers/scenario-files.js';

const base = {
  id: 'b',
  demand: { growth: { south: 1 } },
  crossings: [
    {
      id: 'k',
      zone: { places: 10, classes: ['truck'] },
      stages: [
        { id: 'a', servers: 1, serviceMin: { kind: 'triangular', min: 1, mode: 2, max: 3 }, hours: { time: '08:00-20:00', weekdays: [1] } },
        { id: 'b', servers: 2, serviceMin: 5 },
      ],
    },
    { id: 'n', stages: [] },
  ],
  holidays: [{ name: 'x', from: '2023-01-01', to: '2023-01-01' }],
};

describe('applyPatch: by id, not by index', () => {
  const cases: { name: string; patch: unknown; expect: (m: typeof base) => unknown; value: unknown }[] = [
    { name: 'scalar replaces', patch: { id: 'p' }, expect: (m) => m.id, value: 'p' },
    { name: 'nested object merges key by key', patch: { crossings: [{ id: 'k', zone: { places: 80 } }] }, expect: (m) => m.crossings[0]!.zone, value: { places: 80, classes: ['truck'] } },
    { name: 'element matched by id wherever it is', patch: { crossings: [{ id: 'k', stages: [{ id: 'b', servers: 9 }] }] }, expect: (m) => m.crossings[0]!.stages.map((s) => s.servers), value: [1, 9] },
    { name: 'a new id appends', patch: { crossings: [{ id: 'z', stages: [] }] }, expect: (m) => m.crossings.map((c) => c.id), value: ['k', 'n', 'z'] },
    { name: 'remove: true deletes', patch: { crossings: [{ id: 'k', remove: true }] }, expect: (m) => m.crossings.map((c) => c.id), value: ['n'] },
    { name: 'a distribution replaces as a whole', patch: { crossings: [{ id: 'k', stages: [{ id: 'a', serviceMin: { kind: 'fixed', value: 4 } }] }] }, expect: (m) => m.crossings[0]!.stages[0]!.serviceMin, value: { kind: 'fixed', value: 4 } },
    { name: 'an opening window replaces as a whole', patch: { crossings: [{ id: 'k', stages: [{ id: 'a', hours: { time: '24h' } }] }] }, expect: (m) => m.crossings[0]!.stages[0]!.hours, value: { time: '24h' } },
    { name: 'lists without ids replace', patch: { holidays: [] }, expect: (m) => m.holidays, value: [] },
    { name: 'null deletes a key', patch: { demand: { growth: { south: null } } }, expect: (m) => m.demand.growth, value: {} },
  ];
  test.each(cases)('$name', ({ patch, expect: pick, value }) => {
    const before = structuredClone(base);
    const merged = applyPatch(base, patch) as typeof base;
    expect(pick(merged)).toEqual(value);
    expect(base).toEqual(before); // inputs untouched
  });

  test('removing an unknown id is an error naming it', () => {
    expect(() => applyPatch(base, { crossings: [{ id: 'q', remove: true }] })).toThrowError(/cannot remove "q".*known: k, n/);
  });
});

describe('setByIdPath', () => {
  test('sets by ids and keys, creating missing objects, without touching the input', () => {
    const before = structuredClone(base);
    const a = setByIdPath(base, 'crossings.k.stages.b.servers', 7) as typeof base;
    expect(a.crossings[0]!.stages[1]!.servers).toBe(7);
    const b = setByIdPath(base, 'demand.growth.north', 2) as typeof base;
    expect(b.demand.growth).toEqual({ south: 1, north: 2 });
    const c = setByIdPath({ id: 'x' }, 'demand.growth.south', 1.1) as { demand: unknown };
    expect(c.demand).toEqual({ growth: { south: 1.1 } });
    expect(base).toEqual(before);
  });

  test('names a corridor\'s crossing entry by its crossing', () => {
    const net = { corridors: [{ id: 'w', crossings: [{ crossing: 'k', detourH: 0 }, { crossing: 'n', detourH: 5 }] }] };
    const set = setByIdPath(net, 'corridors.w.crossings.n.detourH', 9) as typeof net;
    expect(set.corridors[0]!.crossings).toEqual([{ crossing: 'k', detourH: 0 }, { crossing: 'n', detourH: 9 }]);
    expect(() => setByIdPath(net, 'corridors.w.crossings.m.detourH', 1)).toThrowError(/no id "m" in corridors\.w\.crossings \(known: k, n\)/);
  });

  test.each([
    ['crossings.kyahkta.stages.b.servers', /no id "kyahkta" in crossings \(known: k, n\)/],
    ['crossings.k.stages.c.servers', /no id "c" in crossings\.k\.stages \(known: a, b\)/],
    ['id.x', /id is not an object/],
    ['crossings..servers', /dotted path/],
  ])('%s → error', (path, message) => {
    expect(() => setByIdPath(base, path, 1)).toThrowError(message);
    expect(() => setByIdPath(base, path, 1)).toThrow(ScenarioError);
  });

  test('a value set on one of two YAML-aliased stage lists changes only that one', () => {
    const road2 = [
      '  - id: road2',
      '    name: Road 2',
      '    mode: road',
      '    utcOffsetH: 8',
      '    source: article',
      '    zone: { places: 10, classes: [truck], source: "assumption: x" }',
      '    hours: { truck: "08:00-20:00", car: 24h }',
      '    stages: *st',
      '    demand: *dm',
      '',
    ].join('\n');
    const text = `${MINI_YAML.replace('    stages:\n      - id: booths', '    stages: &st\n      - id: booths').replace('    demand:\n      - id: loaded-south\n        direction: south\n        class: truck', '    demand: &dm\n      - id: loaded-south\n        direction: south\n        class: truck')}${road2}`;
    const raw = parseScenarioInputText(text, 'alias.yaml');
    expect(raw.crossings[2]!.stages).toEqual(raw.crossings[0]!.stages);
    const changed = setByIdPath(raw, 'crossings.road.stages.booths.servers', 7) as typeof raw;
    expect([changed.crossings[0]!.stages[0]!.servers, changed.crossings[2]!.stages[0]!.servers]).toEqual([7, 2]);
  });
});

describe('plans: files that extend a base', () => {
  const files = { 'dir/base.yaml': MINI_YAML };
  const load = (plan: string) => parseScenarioText(plan, 'dir/plan.yaml', memoryFiles(files));
  const problems = (plan: string): Problem[] => {
    try {
      load(plan);
    } catch (e) {
      if (e instanceof ScenarioError) return e.problems;
      throw e;
    }
    throw new Error('expected problems');
  };

  test('a plan lists only its changes, matched by id', () => {
    const s = load('extends: ./base.yaml\nid: plan\ncrossings:\n  - id: road\n    stages:\n      - id: cars\n        servers: 4\n');
    expect(s.id).toBe('plan');
    expect(s.crossings[0]!.stages.map((st) => [st.id, st.servers])).toEqual([['booths', 2], ['cars', 4]]);
    expect(s.crossings[1]!.id).toBe('rail');
  });

  test('plans chain (a plan of a plan) and paths are relative to each file', () => {
    const chained = { ...files, 'dir/sub/p1.yaml': 'extends: ../base.yaml\nid: p1\ndays: 7\n' };
    const s = parseScenarioText('extends: ./sub/p1.yaml\nid: p2\nseed: 5\n', 'dir/p2.yaml', memoryFiles(chained));
    expect([s.id, s.days, s.seed]).toEqual(['p2', 7, 5]);
  });

  test('a plan naming a missing crossing or stage is an error at the plan line', () => {
    const plan = 'extends: ./base.yaml\nid: plan\ncrossings:\n  - id: rod\n    zone: { places: 3 }\n  - id: road\n    stages:\n      - id: boths\n        servers: 3\n';
    const ps = problems(plan);
    expect(ps.map((p) => [p.file, p.line, p.path])).toEqual([
      ['dir/plan.yaml', 4, 'crossings[0].id'],
      ['dir/plan.yaml', 8, 'crossings[1].stages[0].id'],
    ]);
    expect(ps[0]!.message).toMatch(/no crossing "rod" in dir\/base\.yaml \(did you mean "road"\?\)/);
    expect(ps[1]!.message).toMatch(/no stage "boths".*known: booths, cars/);
  });

  test('problems are reported in the file that wrote the value', () => {
    const plan = 'extends: ./base.yaml\nid: plan\ncrossings:\n  - id: road\n    stages:\n      - id: cars\n        servers: -4\n        lanes: 3\n';
    const ps = problems(plan);
    expect(ps.map((p) => [p.file, p.line, p.path, p.message])).toEqual([
      ['dir/plan.yaml', 7, 'crossings[0].stages[0].servers', 'expected a positive integer'],
      ['dir/plan.yaml', 8, 'crossings[0].stages[0].lanes', expect.stringMatching(/^unknown key "lanes"/)],
    ]);
    // A problem the plan leaves in the base is reported in the base file, at the base path.
    const broken = { 'dir/base.yaml': MINI_YAML.replace('payloadT: 20', 'payloadT: -20') };
    const [p] = (() => {
      try {
        parseScenarioText('extends: ./base.yaml\nid: plan\n', 'dir/plan.yaml', memoryFiles(broken));
      } catch (e) {
        return (e as ScenarioError).problems;
      }
      return [];
    })();
    expect(p).toMatchObject({ file: 'dir/base.yaml', path: 'crossings[0].demand[0].payloadT', value: -20 });
  });

  test('a removed element takes its problems with it; later elements keep their base lines', () => {
    const broken = { 'dir/base.yaml': MINI_YAML.replace('serviceMin: 300', 'serviceMin: -300') };
    const text = 'extends: ./base.yaml\nid: plan\ncrossings:\n  - { id: road, remove: true }\n';
    const ps = (() => {
      try {
        parseScenarioText(text, 'dir/plan.yaml', memoryFiles(broken));
      } catch (e) {
        return (e as ScenarioError).problems;
      }
      return [];
    })();
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ file: 'dir/base.yaml', path: 'crossings[1].stages[0].serviceMin', line: broken['dir/base.yaml'].split('\n').findIndex((l) => l.includes('serviceMin: -300')) + 1 });
  });

  test('a missing base, a cycle and a plan without its own id', () => {
    expect(problems('extends: ./nope.yaml\nid: plan\n')[0]!.message).toMatch(/base scenario dir\/nope\.yaml: cannot read: file not found/);
    const cyc = { 'dir/a.yaml': 'extends: ./b.yaml\nid: a\n', 'dir/b.yaml': 'extends: ./a.yaml\nid: b\n' };
    expect(() => parseScenarioText(cyc['dir/a.yaml'], 'dir/a.yaml', memoryFiles(cyc))).toThrowError(/cycle/);
    expect(problems('extends: ./base.yaml\ndays: 3\n')[0]).toMatchObject({ path: 'id', message: expect.stringMatching(/^missing/) });
  });
});
