import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash, stableJson, toolVersion } from '../../src/output/runinfo.js';
import { fakeScenario } from '../helpers/fake-results.js';

describe('run info', () => {
  it('reads the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(toolVersion()).toBe(pkg.version);
  });

  it('writes JSON with sorted keys at every level', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('hashes the scenario independently of key order but not of values', () => {
    const a = fakeScenario([{ id: 'kyakhta', stages: ['customs'] }]);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(scenarioHash(reordered)).toBe(scenarioHash(a));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash({ ...a, days: a.days + 1 })).not.toBe(scenarioHash(a));
  });
});
