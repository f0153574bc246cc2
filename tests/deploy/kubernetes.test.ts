// deploy/kubernetes: the Indexed Job maps JOB_COMPLETION_INDEX to --shard and its completions to the shard count;
// its pods' command lines and the merge job's, run here with a small scenario (bordersim on PATH as a shim), give
// the single run's CSV bytes.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCli, runCli } from '../cli/harness.js';
import { FIXTURES, REPO } from '../helpers/paths.js';

interface Container { command: string[]; args: string[]; env: Array<{ name: string; value: string }> }
interface JobSpec { spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: Container[] } } } }

const read = (file: string): JobSpec => parse(readFileSync(join(REPO, 'deploy', 'kubernetes', file), 'utf8')) as JobSpec;
const work = mkdtempSync(join(tmpdir(), 'bordersim-k8s-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Kubernetes Indexed Job', () => {
  const shards = read('bordersim-shards-job.yaml');
  const merge = read('bordersim-merge-job.yaml');
  const container = shards.spec.template.spec.containers[0]!;
  const envOf = (c: Container): Record<string, string> => Object.fromEntries(c.env.map((e) => [e.name, e.value]));

  it('is indexed, with SHARDS equal to its completions', () => {
    expect(shards.spec.completionMode).toBe('Indexed');
    expect(Number(envOf(container).SHARDS)).toBe(shards.spec.completions);
    expect(container.args.join(' ')).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
  });

  it("runs as its pods would: every index's command line, then the merge job's, give the single run", () => {
    const cli = buildCli();
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'bordersim'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    chmodSync(join(bin, 'bordersim'), 0o755);
    const small = join(FIXTURES, 'decide', 'small.yaml');
    const results = join(work, 'results');
    const env = { ...process.env, ...envOf(container), PATH: `${bin}:${process.env.PATH ?? ''}`, SCENARIO: small, REPLICATIONS: '6', RESULTS: results };
    const sh = (c: Container, extra: Record<string, string> = {}): void => {
      const r = spawnSync(c.command[0]!, [...c.command.slice(1), ...c.args], { cwd: work, env: { ...env, ...extra }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    for (let i = 0; i < shards.spec.completions!; i++) sh(container, { JOB_COMPLETION_INDEX: String(i) });
    sh(merge.spec.template.spec.containers[0]!);
    const single = join(work, 'single');
    expect(runCli(cli, ['run', small, '--replications', '6', '--out', single, '--quiet'], work).code).toBe(0);
    const csvs = readdirSync(single).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs.length).toBeGreaterThan(4);
    for (const f of csvs) expect(readFileSync(join(results, 'merged', f), 'utf8'), f).toBe(readFileSync(join(single, f), 'utf8'));
  });
});
