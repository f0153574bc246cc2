import { describe, expect, it } from 'vitest';
import { summaryText } from '../../src/commands/summary.js';
import { runExperimentSyncWith } from '../../src/experiment/experiment.js';
import { fakeRunner, fakeScenario } from '../experiment/fake.js';

const scenario = fakeScenario([
  { id: 'kyakhta', stages: ['customs'] },
  { id: 'idle', stages: ['customs'] },
]);
const info = { days: 3, seed: 7, wallS: 1.25, folder: 'output/fake', files: ['summary.csv', 'run.json'] };

describe('summaryText', () => {
  it('lists every crossing with mean ± CI half-width, and where the files went', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta']), scenario, { seed: 7, replications: 3, days: 3, warmupDays: 0 });
    const text = summaryText(scenario, res, info);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('fake: 3 replications × 3 days, seed 7, 1.3 s');
    expect(lines[2]).toMatch(/^crossing\s+tonnes\s+completed\s+approach wait h$/);
    expect(lines[3]).toMatch(/^kyakhta\s+\d+ ± \d+\s+\d+ ± \d+\s+\d+\.\d\d ± \d+\.\d\d$/);
    expect(lines[4]).toMatch(/^idle\s+-\s+-\s+-$/);
    expect(lines.at(-1)).toBe('results in output/fake/ (summary.csv, run.json)');
  });

  it('drops the ± part with one replication and mentions failed checks', () => {
    const res = runExperimentSyncWith(fakeRunner(['kyakhta'], { brokenInvariant: 1 }), scenario, { seed: 7, replications: 1, days: 3, warmupDays: 0 });
    const text = summaryText(scenario, res, info);
    expect(text).not.toContain('±');
    expect(text).toContain('warning: 1 invariant check(s) failed; see run.json');
  });
});
