// deploy/slurm/bordersim-shards.sbatch on a real (one-node) Slurm: `sbatch --array=0-3` shards of a small
// scenario, waited for, merged, and compared byte for byte with one run. Skipped, saying why, where Debian's
// slurm-wlm and munge are not installed (.ci/run installs them) or not root.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from '../cli/harness.js';
import { FIXTURES, REPO } from '../helpers/paths.js';
import { slurmUnavailable, startSlurm, type SlurmCluster } from './slurm-cluster.js';

const why = slurmUnavailable();
const SCRIPT = join(REPO, 'deploy', 'slurm', 'bordersim-shards.sbatch');
const SMALL = join(FIXTURES, 'decide', 'small.yaml');
const HORIZON = ['--days', '6', '--warmup-days', '1'];
/** sbatch --wait still waiting after this long is killed (a hang guard for a stuck cluster, not a speed limit). */
const SBATCH_GUARD_MS = 240_000;

describe.skipIf(why !== null)(`Slurm shards${why ? ` (skipped: ${why})` : ''}`, () => {
  let cluster: SlurmCluster;
  let cli: string;
  const work = mkdtempSync(join(tmpdir(), 'bordersim-slurm-work-'));
  beforeAll(async () => {
    cli = buildCli();
    cluster = await startSlurm();
  });
  afterAll(async () => {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('sbatch --array=0-3 shards, merged, are the single run byte for byte', () => {
    const shards = join(work, 'shards');
    try {
      execFileSync('sbatch', ['--wait', '--array=0-3', `--chdir=${work}`, `--output=${join(work, 'task-%a.log')}`, SCRIPT, SMALL, '9', shards, ...HORIZON], {
        env: { ...cluster.env, BORDERSIM: `${process.execPath} ${cli}` },
        stdio: 'pipe',
        timeout: SBATCH_GUARD_MS,
      });
    } catch (err) {
      const tasks = readdirSync(work).filter((f) => f.endsWith('.log')).map((f) => `--- ${f}\n${readFileSync(join(work, f), 'utf8')}`);
      throw new Error(`sbatch failed: ${err instanceof Error ? err.message : String(err)}\n${tasks.join('\n')}\n${cluster.logs()}`);
    }
    expect(readdirSync(shards).sort()).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
    const merged = join(work, 'merged');
    const single = join(work, 'single');
    const dirs = ['shard-3', 'shard-1', 'shard-0', 'shard-2'].map((d) => join(shards, d));
    expect(runCli(cli, ['merge', ...dirs, '--out', merged, '--quiet'], work).code).toBe(0);
    expect(runCli(cli, ['run', SMALL, '--replications', '9', ...HORIZON, '--out', single, '--quiet'], work).code).toBe(0);
    const csvs = readdirSync(single).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs.length).toBeGreaterThan(4);
    for (const f of csvs) expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(single, f), 'utf8'));
  });

  it('refuses an array that does not count from 0', () => {
    const out = join(work, 'from-one');
    // --wait returns the highest exit code of the tasks: the script's 2
    expect(() =>
      execFileSync('sbatch', ['--wait', '--array=1-2', `--chdir=${work}`, `--output=${join(work, 'bad-%a.log')}`, SCRIPT, SMALL, '4', out], {
        env: { ...cluster.env, BORDERSIM: `${process.execPath} ${cli}` }, stdio: 'pipe', timeout: SBATCH_GUARD_MS,
      }),
    ).toThrow();
    expect(readFileSync(join(work, 'bad-1.log'), 'utf8')).toContain('the array must be 0-1 (got 1-2 with 2 tasks)');
  });
});
