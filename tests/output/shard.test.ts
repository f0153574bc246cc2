// The shard file keeps every number exactly (NaN, ±Infinity and -0 too) and says clearly when it is not whole.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShardFile, SHARD_FORMAT, ShardFileError, ShardWriter, type ShardHeader } from '../../src/output/shard.js';
import type { ReplicationDone } from '../../src/experiment/runner/executor.js';
import type { Scenario } from '../../src/scenario/types.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-shardfile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const header: ShardHeader = {
  format: SHARD_FORMAT, kind: 'run', version: '0.1.0', scenarioSha256: 'ab', scenario: { id: 's', crossings: [] } as unknown as Scenario,
  seed: 1, days: 3, warmupDays: 1, replications: 2, shard: { index: 0, count: 1, first: 1, last: 2 },
};

function done(replication: number, values: number[]): ReplicationDone {
  return {
    result: { replication, groups: [], stages: [], daily: [], monthly: [{ period: '2023-01', crossing: 'x', direction: 'all', vehicleClass: 'all', values }], hourly: [], invariants: [],
      // a corridor row, its foreseen wait over no vehicle NaN and its foreseen time Infinity (a crossing that never opens again)
      corridors: [{ corridor: 'k', crossing: 'x', direction: 'south', vehicleClass: 'truck', values: { vehicles: 0, share: 0, diverted: 0, detour_h: 1 / 3, foreseen_wait_h_mean: NaN, foreseen_time_h_mean: Infinity, completed: 0, wait_h_mean: NaN } }],
      events: 5 },
    daily: [{ date: '2023-01-02', crossing: 'x', direction: 'south', vehicleClass: 'truck', arrivals: 1, completed: 1, tonnes: 0.1 + 0.2, railcars: 0, approachQueueMean: 1 / 3, approachQueueMax: 2, entered: 1, approachWaitH: 1e-300, approachWaitHMean: NaN, divertedIn: 0, divertedOut: 0 }],
  };
}

describe('shard file', () => {
  it('reads back what was written, number for number', () => {
    const path = join(root, 'ok.jsonl.gz');
    const w = new ShardWriter(path, header);
    const written = [done(1, [NaN, Infinity, -Infinity, -0, 0, 5e-324, 1.7976931348623157e308]), done(2, [0.1])];
    // a string that begins like a marked number stays a string
    written[1]!.daily[0]!.crossing = '\u0000NaN';
    for (const d of written) w.add(d);
    const back = readShardFile(path);
    expect(back.header).toEqual(header);
    expect(back.numbers).toEqual([1, 2]);
    const replications = [...back.replications()];
    expect(replications).toEqual(written);
    expect(Object.is(replications[0]!.result.monthly[0]!.values[3], -0)).toBe(true);
    expect(Object.is(replications[0]!.result.monthly[0]!.values[4], 0)).toBe(true);
    expect(replications[1]!.result.corridors[0]!.values).toEqual({ vehicles: 0, share: 0, diverted: 0, detour_h: 1 / 3, foreseen_wait_h_mean: NaN, foreseen_time_h_mean: Infinity, completed: 0, wait_h_mean: NaN });
  });

  it('says a cut-off or foreign file is not a whole shard', () => {
    const path = join(root, 'cut.jsonl.gz');
    const w = new ShardWriter(path, header);
    w.add(done(1, [1]));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    expect(() => readShardFile(path)).toThrow(ShardFileError);
    expect(() => readShardFile(path)).toThrow(/cut\.jsonl\.gz: cannot read it as a gzip file .*is the shard complete\?/);
    const other = join(root, 'other.jsonl.gz');
    new ShardWriter(other, { ...header, format: 'something-else' as typeof SHARD_FORMAT });
    expect(() => readShardFile(other)).toThrow(/not a bordersim shard file \(expected format bordersim-shard-1, got "something-else"\)/);
    // a line that is not JSON is found when the replications are read
    const bad = join(root, 'bad.jsonl.gz');
    new ShardWriter(bad, header);
    appendFileSync(bad, gzipSync('{"replication":1,"result":{\n'));
    const contents = readShardFile(bad);
    expect(contents.numbers).toEqual([1]);
    expect(() => [...contents.replications()]).toThrow(/bad\.jsonl\.gz: line 2 is not a shard record/);
  });
});
