// Test harness for running bordersim as a user would: compiles src/cli.ts, what it imports and the worker
// thread's entry into a cache folder (once per source version), then runs `node cli.js ...` in a child
// process.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/paths.js';

const CACHE = join(REPO, 'node_modules', '.cache', 'bordersim-cli-test');

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return tsFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/** Hash of every source file (path and content), so a changed source gives a fresh build. */
function sourceKey(): string {
  const hash = createHash('sha256');
  for (const path of tsFiles(join(REPO, 'src'))) hash.update(path).update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A lock folder older than this is from a crashed run: a build takes seconds, about a minute on a loaded machine. */
const STALE_LOCK_MS = 10 * 60_000;
/**
 * A child process still running after this long is killed, so a hang (a FIFO read, an endless search) fails its
 * test instead of outliving the suite. Generous, and below the 5-minute test timeout: a loaded 2-core machine can
 * make a normal run of a second take tens of seconds, and that must not fail by chance.
 */
const HANG_GUARD_MS = 4 * 60_000;

/** Milliseconds since the lock folder was made (0 when it is gone already). */
function lockAgeMs(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs `fn` holding a lock folder, so parallel test files (and parallel copies of the suite) compile the same
 * sources only once. Waits as long as the holder lives; takes over only a lock older than `staleMs`. Throws
 * what making the folder throws, other than that it exists.
 */
export function withLock<T>(lock: string, fn: () => T, staleMs = STALE_LOCK_MS): T {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Another process holds it. (Giving up after a fixed wait let a waiter on a loaded machine delete a
      // live lock and build beside its holder.)
      if (lockAgeMs(lock) > staleMs) rmSync(lock, { recursive: true, force: true });
      else sleepMs(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** dist/cli.js when `npm ci`/`npm run build` produced it after the last source change (as in CI), else null. */
function freshDist(): string | null {
  const cli = join(REPO, 'dist', 'cli.js');
  if (!existsSync(cli)) return null;
  const builtMs = statSync(cli).mtimeMs;
  return tsFiles(join(REPO, 'src')).every((f) => statSync(f).mtimeMs < builtMs) ? cli : null;
}

/**
 * Path of a cli.js compiled from the current sources: dist/cli.js when it is newer than every source,
 * otherwise a cached build of src/cli.ts and its imports (tsc, ~5 s once per source version).
 */
export function buildCli(): string {
  const dist = freshDist();
  if (dist) return dist;
  const key = sourceKey();
  const outDir = join(CACHE, key);
  const cli = join(outDir, 'cli.js');
  if (existsSync(cli)) return cli;
  mkdirSync(CACHE, { recursive: true });
  return withLock(join(CACHE, 'build.lock'), () => {
    if (existsSync(cli)) return cli;
    // builds of older sources are no longer needed
    for (const name of readdirSync(CACHE)) if (/^[0-9a-f]{16}$/.test(name)) rmSync(join(CACHE, name), { recursive: true, force: true });
    const tmp = `${outDir}.tmp-${process.pid}`;
    const config = join(CACHE, `tsconfig.${process.pid}.json`);
    writeFileSync(config, JSON.stringify({
      extends: join(REPO, 'tsconfig.build.json'),
      compilerOptions: { rootDir: join(REPO, 'src'), outDir: tmp, sourceMap: false, noEmitOnError: false },
      // the worker thread's entry is loaded by URL, not imported: name it so the pool can start from this build
      files: [join(REPO, 'src', 'cli.ts'), join(REPO, 'src', 'experiment', 'runner', 'worker.ts')],
      include: [],
    }));
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], { encoding: 'utf8' });
    rmSync(config, { force: true });
    if (!existsSync(join(tmp, 'cli.js'))) throw new Error(`tsc produced no cli.js:\n${tsc.stdout}${tsc.stderr}`);
    renameSync(tmp, outDir);
    return cli;
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <cli> ...args` in `cwd` and waits for it. */
export function runCli(cli: string, args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BORDERSIM_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runCliAsync(cli: string, args: string[], cwd: string): Promise<CliRun> {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, BORDERSIM_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    // a run that hangs (or loops) is killed, so its test fails instead of leaving a process behind
    const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(guard), resolve({ code, stdout, stderr })));
  });
}

/** Runs several CLI invocations (each `node <cli> ...args` in `cwd`), four at a time; results in the same order. */
export async function runCliAll(cli: string, argsList: string[][], cwd: string, parallel = 4): Promise<CliRun[]> {
  const results: CliRun[] = new Array<CliRun>(argsList.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < argsList.length) {
      const i = next++;
      results[i] = await runCliAsync(cli, argsList[i]!, cwd);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, argsList.length) }, worker));
  return results;
}

/** A CLI child process being watched: its output so far, a wait for a line, and its end. */
export interface LiveCli {
  child: ReturnType<typeof spawn>;
  out: () => { stdout: string; stderr: string };
  /** Resolves once `pattern` has appeared on the stream (rejects if the process ends first). */
  waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<void>;
  /** Resolves when the process has ended; a process still running after `guardMs` is killed (a hang fails). */
  exit: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** Starts `node <cli> ...args` in `cwd` with extra environment variables, without waiting for it. */
export function startCli(cli: string, args: string[], cwd: string, env: Record<string, string> = {}, guardMs = HANG_GUARD_MS): LiveCli {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, BORDERSIM_DEBUG: '', ...env } });
  const text = { stdout: '', stderr: '' };
  const waiters: Array<{ pattern: RegExp; stream: 'stdout' | 'stderr'; resolve: () => void; reject: (e: Error) => void }> = [];
  const check = (): void => {
    for (const w of [...waiters]) {
      if (w.pattern.test(text[w.stream])) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (c: Buffer) => ((text.stdout += c.toString('utf8')), check()));
  child.stderr.on('data', (c: Buffer) => ((text.stderr += c.toString('utf8')), check()));
  const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
  const exit = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      for (const w of waiters.splice(0)) w.reject(new Error(`exited before ${String(w.pattern)} on ${w.stream}:\n${text.stderr}`));
      resolve({ code, signal, stdout: text.stdout, stderr: text.stderr });
    });
  });
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stderr'): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`already exited:\n${text.stderr}`));
      waiters.push({ pattern, stream, resolve, reject });
      check();
    });
  return { child, out: () => ({ ...text }), waitFor, exit };
}

/** Every file under `folder` (recursively) with its bytes (base64), for byte-identical comparisons. */
export function snapshotFolder(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) for (const [k, v] of Object.entries(snapshotFolder(path))) out[`${name}/${k}`] = v;
    else out[name] = readFileSync(path).toString('base64');
  }
  return out;
}
