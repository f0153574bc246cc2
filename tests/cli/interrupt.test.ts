// Signals as a user (or a supervisor) sends them to the built CLI: SIGINT / SIGTERM / SIGHUP at the start, during
// the only replication, mid-run, while the results are written and between the two renames of the commit; kill -9
// and what the next run does about it; interrupts of validate and capacity. Every wait is for a line or a file.
// Each test works in its own folder holding a copy of one earlier result, so the tests run concurrently.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliAll, snapshotFolder, startCli } from './harness.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-cli-int-'));
const RESULT_FILES = ['corridors.csv', 'daily.csv', 'hourly.csv', 'monthly.csv', 'replications.csv', 'report.html', 'results.xlsx', 'run.json', 'stages.csv', 'summary.csv'];
let cli = '';
let previous: Record<string, string> = {};
let dirs = 0;

beforeAll(async () => {
  cli = buildCli();
  const [first] = await runCliAll(cli, [['run', TINY, '--quiet', '--replications', '2', '--out', 'res']], root);
  if (first?.code !== 0) throw new Error(first?.stderr);
  previous = snapshotFolder(join(root, 'res'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding a copy of the earlier result as `res`. */
function freshDir(): string {
  const dir = join(root, `t${++dirs}`);
  mkdirSync(dir);
  cpSync(join(root, 'res'), join(dir, 'res'), { recursive: true });
  return dir;
}

/** The earlier result in `cwd` is byte-identical and nothing else (no staging or old folder) lies next to it. */
function expectPreviousIntact(cwd: string): void {
  expect(readdirSync(cwd)).toEqual(['res']);
  expect(readdirSync(join(cwd, 'res')).sort()).toEqual(RESULT_FILES);
  expect(snapshotFolder(join(cwd, 'res'))).toEqual(previous);
}

const MESSAGE = (name: string): RegExp => new RegExp(`interrupted \\(${name}\\); earlier results were left as they were`);

describe.concurrent('interrupting bordersim run', () => {
  it.each([
    ['SIGINT', 130, '--trace'],
    ['SIGTERM', 143, '--workers'],
    ['SIGHUP', 129, '--workers'],
  ] as const)('%s mid-run exits %i, previous results byte-identical, nothing left behind', async (signal, code, mode) => {
    const cwd = freshDir();
    const extra = mode === '--trace' ? ['--trace'] : ['--workers', '2'];
    const live = startCli(cli, ['run', TINY, '--replications', '10000', ...extra, '--out', 'res'], cwd);
    await live.waitFor(/replication 3\/10000 done/);
    live.child.kill(signal);
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(MESSAGE(signal));
    expectPreviousIntact(cwd);
  });

  it('SIGINT at the start, before the first replication, exits 130', async () => {
    const cwd = freshDir();
    const live = startCli(cli, ['run', TINY, '--replications', '10000', '--out', 'res'], cwd);
    await live.waitFor(/running 10000 replications/);
    live.child.kill('SIGINT');
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(130);
    expectPreviousIntact(cwd);
  });

  it('SIGINT during the only replication (a 100-year run) exits 130 at once instead of finishing it', async () => {
    const cwd = freshDir();
    const live = startCli(cli, ['run', TINY, '--replications', '1', '--days', '36600', '--out', 'res'], cwd);
    await live.waitFor(/running 1 replication\n/);
    live.child.kill('SIGINT');
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).not.toMatch(/replication 1\/1 done/);
    expectPreviousIntact(cwd);
  });

  it('SIGINT during the only traced replication exits 130 too', async () => {
    const cwd = freshDir();
    const live = startCli(cli, ['run', TINY, '--replications', '1', '--days', '36600', '--trace', '--out', 'res'], cwd);
    await live.waitFor(/running 1 replication\n/);
    live.child.kill('SIGINT');
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(130);
    expectPreviousIntact(cwd);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while the results are written (held before the commit) exits %i and moves nothing', async (signal, code) => {
    const cwd = freshDir();
    const go = join(root, `go-${signal}`);
    rmSync(go, { force: true });
    const live = startCli(cli, ['run', TINY, '--quiet', '--replications', '2', '--out', 'res'], cwd, { BORDERSIM_TEST_HOLD: `before-commit:${go}` });
    await live.waitFor(/holding before-commit/);
    expect(readdirSync(cwd).some((f) => /^res\.tmp-\d+-0$/.test(f))).toBe(true);
    live.child.kill(signal);
    writeFileSync(go, '');
    const r = await live.exit;
    rmSync(go, { force: true });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(MESSAGE(signal));
    expectPreviousIntact(cwd);
  });

  it('SIGTERM between the two renames: the swap completes (new result in place), nothing left behind', async () => {
    const cwd = freshDir();
    const go = join(root, `go-swap`);
    rmSync(go, { force: true });
    const live = startCli(cli, ['run', TINY, '--quiet', '--replications', '3', '--out', 'res'], cwd, { BORDERSIM_TEST_HOLD: `between-renames:${go}` });
    await live.waitFor(/holding between-renames/);
    // here the old result lies whole beside the destination, the new one whole in staging
    const aside = readdirSync(cwd).sort();
    expect(aside).toEqual([`res.old-${live.child.pid}-0`, `res.tmp-${live.child.pid}-0`]);
    expect(snapshotFolder(join(cwd, aside[0]!))).toEqual(previous);
    live.child.kill('SIGTERM');
    writeFileSync(go, '');
    const r = await live.exit;
    rmSync(go, { force: true });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['res']);
    expect(JSON.parse(readFileSync(join(cwd, 'res', 'run.json'), 'utf8')).replications).toBe(3);
  });

  it('kill -9 between the renames: the next run puts the old result back before anything else', async () => {
    const cwd = freshDir();
    const go = join(root, `go-kill`);
    rmSync(go, { force: true });
    const live = startCli(cli, ['run', TINY, '--quiet', '--replications', '3', '--out', 'res'], cwd, { BORDERSIM_TEST_HOLD: `between-renames:${go}` });
    await live.waitFor(/holding between-renames/);
    live.child.kill('SIGKILL');
    await live.exit;
    expect(readdirSync(cwd).sort()).toEqual([`res.old-${live.child.pid}-0`, `res.tmp-${live.child.pid}-0`]);
    // the next run, itself interrupted at its start, finds the old result restored and leaves it so
    const next = startCli(cli, ['run', TINY, '--replications', '10000', '--out', 'res'], cwd);
    await next.waitFor(/running 10000 replications/);
    expect(readdirSync(cwd).filter((f) => !f.startsWith('res.tmp-'))).toEqual(['res']);
    next.child.kill('SIGINT');
    expect((await next.exit).code).toBe(130);
    expectPreviousIntact(cwd);
  });

  it('kill -9 mid-run leaves a staging folder; the next run deletes it', async () => {
    const cwd = freshDir();
    const live = startCli(cli, ['run', TINY, '--replications', '10000', '--out', 'res'], cwd);
    await live.waitFor(/replication 2\/10000 done/);
    live.child.kill('SIGKILL');
    await live.exit;
    expect(readdirSync(cwd).sort()).toEqual(['res', `res.tmp-${live.child.pid}-0`]);
    const [next] = await runCliAll(cli, [['run', TINY, '--quiet', '--replications', '2', '--out', 'res']], cwd);
    expect(next?.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['res']);
  });
});

describe.concurrent('interrupting validate and capacity', () => {
  it('SIGINT stops validate between files: exit 130 before every file is checked', async () => {
    const cwd = freshDir();
    const files = Array.from({ length: 3000 }, () => TINY);
    const live = startCli(cli, ['validate', ...files], cwd);
    await live.waitFor(/: ok \(/, 'stdout');
    live.child.kill('SIGINT');
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stdout.split('\n').filter((l) => l.endsWith('days)')).length).toBeLessThan(files.length);
    expect(r.stdout).not.toMatch(/files valid/);
  });

  it('SIGINT stops a capacity search during an evaluation: exit 130, no result folder', async () => {
    const cwd = freshDir();
    rmSync(join(cwd, 'res'), { recursive: true });
    mkdirSync(join(cwd, 'cap-parent'));
    const live = startCli(cli, ['capacity', TINY, '--crossing', 'testroad', '--limit', 'approach_wait_h_mean <= 2', '--days', '3650', '--replications', '1', '--out', 'cap-parent/cap'], cwd);
    await live.waitFor(/testroad: demand ×1\.0000/);
    live.child.kill('SIGINT');
    const r = await live.exit;
    expect(r.code, r.stderr).toBe(130);
    expect(readdirSync(join(cwd, 'cap-parent'))).toEqual([]);
  });
});
