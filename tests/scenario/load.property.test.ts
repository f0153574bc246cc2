// Scenario loading under random edits of a valid file (any field set to any JSON value, or removed; entries of
// lists duplicated or dropped): the result is a resolved scenario that runs with its invariants holding, or a
// ScenarioError listing problems with a path; never another exception (a TypeError would reach the planner as
// a stack trace and exit code 1).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzRuns } from '../fuzz.js';
import { parse, stringify } from 'yaml';
import { parseScenarioText } from '../../src/scenario/load.js';
import { expectRunsOrRejected, MINI_YAML } from '../helpers/scenario-files.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const BASE = parse(MINI_YAML) as Json;

/** Every path to a value inside `v` (objects by key, arrays by index), the root excluded. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...paths(x, [...at, i])]);
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
  return [];
}

const odd: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1, 0.5, 1e9, -1e9, 1e300, '', 'x', '24h', '08:00-20:00', '2023-02-30', '2023-01-05', [], {}, [1, 2], { kind: 'fixed' }, { kind: 'exponential', mean: -1 }),
  fc.integer({ min: -3, max: 100 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 6 }),
);

type Edit = { kind: 'set'; pick: number; value: Json } | { kind: 'remove'; pick: number } | { kind: 'dup'; pick: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: odd }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dup' as const), pick: fc.nat() }),
);

/** Applies `e` to a copy of `doc` at one of its paths (chosen by e.pick). */
function apply(doc: Json, e: Edit): Json {
  const copy = structuredClone(doc);
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = all[e.pick % all.length]!;
  let parent: any = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1]!;
  if (e.kind === 'set') parent[last] = e.value;
  else if (Array.isArray(parent)) {
    if (e.kind === 'remove') parent.splice(last as number, 1);
    else parent.splice(last as number, 0, structuredClone(parent[last as number]));
  } else if (e.kind === 'remove') delete parent[last];
  else parent[last] = structuredClone(parent[last]);
  return copy;
}

describe('loading randomly edited scenarios (property)', () => {
  it('gives a scenario that runs with its invariants, or a ScenarioError whose every problem names a path; never another exception', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = edits.reduce(apply, BASE);
        expectRunsOrRejected(() => parseScenarioText(stringify(doc), 'fuzz.yaml'), ['fuzz.yaml']);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
