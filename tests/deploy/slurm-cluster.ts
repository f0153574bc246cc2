// A one-node Slurm cluster for tests, from Debian's slurm-wlm and munge: a munge key and munged on a private
// socket, a slurm.conf (NodeName=localhost, ports picked free, state in a temporary folder), slurmctld and slurmd
// in the foreground as children. stop() cancels every job and ends exactly the processes started here.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo', 'scancel'];

/** A Slurm client command (sinfo, scancel) still running after this long is killed: a hang guard, not a speed limit. */
const CLIENT_GUARD_MS = 60_000;

function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program} || test -x /usr/sbin/${program}`], { stdio: 'ignore' }).status === 0;
}

/** Why the cluster cannot start here (null when it can): missing programs, or not root (slurmd runs jobs as their user). */
export function slurmUnavailable(): string | null {
  const missing = PROGRAMS.filter((p) => !onPath(p));
  if (missing.length > 0) return `${missing.join(', ')} not installed (apt-get install -y slurm-wlm munge; .ci/run does)`;
  if (process.getuid?.() !== 0) return 'slurmd must run as root';
  return null;
}

function sbin(program: string): string {
  return existsSync(`/usr/sbin/${program}`) ? `/usr/sbin/${program}` : program;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A running one-node cluster: `env` points Slurm's commands at it. */
export interface SlurmCluster {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Log files, for a failing test's message. */
  logs(): string;
  stop(): Promise<void>;
}

/** Starts the cluster and waits (up to `readyMs`) until its node is idle; throws with the daemons' logs otherwise. */
export async function startSlurm(readyMs = 90_000): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bordersim-slurm-'));
  const munge = join(dir, 'munge');
  mkdirSync(munge, { mode: 0o700 });
  for (const sub of ['state', 'spool']) mkdirSync(join(dir, sub));
  const key = join(munge, 'key');
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  chmodSync(key, 0o400);
  const socket = join(munge, 'sock');
  const children: ChildProcess[] = [];
  let mungePid: number | null = null;
  const conf = join(dir, 'slurm.conf');
  const env = { ...process.env, SLURM_CONF: conf };
  const logs = (): string =>
    ['munge/log', 'slurmctld.log', 'slurmd.log']
      .map((f) => join(dir, f))
      .filter((f) => existsSync(f))
      .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  const stop = async (): Promise<void> => {
    spawnSync('scancel', ['--full', '--user', userInfo().username], { env, stdio: 'ignore', timeout: CLIENT_GUARD_MS });
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, sleepMs(10_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
    if (mungePid !== null) {
      try {
        process.kill(mungePid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(sbin('munged'), [`--key-file=${key}`, `--socket=${socket}`, `--pid-file=${join(munge, 'pid')}`, `--log-file=${join(munge, 'log')}`, `--seed-file=${join(munge, 'seed')}`, '--force'], { stdio: 'pipe' });
    mungePid = Number(readFileSync(join(munge, 'pid'), 'utf8').trim());
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    const user = userInfo().username;
    writeFileSync(conf, [
      'ClusterName=bordersimtest',
      'SlurmctldHost=localhost',
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      'AuthType=auth/munge',
      `AuthInfo=socket=${socket}`,
      'CredType=cred/munge',
      `SlurmUser=${user}`,
      `SlurmdUser=${user}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'MpiDefault=none',
      'SwitchType=switch/none',
      'SchedulerType=sched/backfill',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'ReturnToService=2',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      `NodeName=localhost CPUs=${cpus().length} State=UNKNOWN`,
      'PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'));
    children.push(spawn(sbin('slurmctld'), ['-D', '-f', conf], { env, stdio: 'ignore' }));
    children.push(spawn(sbin('slurmd'), ['-D', '-f', conf, '-N', 'localhost'], { env, stdio: 'ignore' }));
    const deadline = Date.now() + readyMs;
    for (;;) {
      const state = spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8', timeout: CLIENT_GUARD_MS }).stdout?.trim();
      if (state === 'idle') break;
      if (Date.now() > deadline) throw new Error(`the Slurm node did not become idle in ${readyMs / 1000} s (state: ${state || 'none'})\n${logs()}`);
      await sleepMs(500);
    }
    return { dir, env, logs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
