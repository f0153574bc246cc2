// Every shipped scenario runs a short horizon with every invariant holding (conservation, Little's law, and the
// corridors' conservation).
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { loadScenario } from '../../src/scenario/load.js';

const dir = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('shipped scenarios', () => {
  test.each(files)('%s runs 21 days and conserves every vehicle', (f) => {
    const s = loadScenario(dir + f);
    const r = runReplication(s, { seed: s.seed, replication: 1, days: 21, warmupDays: 7 });
    const broken = r.invariants.filter((i) => !i.ok);
    expect(broken).toEqual([]);
    expect(r.invariants).toHaveLength(2 * s.crossings.length + s.corridors.length);
    const arrived = r.groups.filter((g) => g.direction === 'all' && g.vehicleClass === 'all').reduce((a, g) => a + g.values.arrivals, 0);
    expect(arrived).toBeGreaterThan(0);
  });
});
