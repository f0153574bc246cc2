// Atomic result folders: everything is written into `<out>.tmp-<tag>-<n>` next to the destination and
// renamed into place only when complete; an existing result is moved aside first and deleted last. Only a
// folder whose run.json lists every file in it is replaced; a symlinked --out is followed to its target.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** The destination cannot hold results (a file, or a folder that is not a bordersim result). */
export class OutputFolderError extends InputError {
  constructor(
    readonly folder: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** Marker file that identifies a folder as a bordersim result that may be replaced. */
export const RESULT_MARKER = 'run.json';

/** Points where tests may hold a commit (to send a signal or kill the process there). */
export interface FolderHooks {
  /** After every file is written into the staging folder, before anything is moved. */
  beforeCommit?: () => void;
  /** After the old result was moved aside, before the new one is moved in. */
  betweenRenames?: () => void;
}

function clean(folder: string): string {
  const n = normalize(folder);
  return n.length > 1 ? n.replace(/[\\/]+$/, '') : n;
}

/** `dest` with symlinks followed (also a dangling one, to where it points), so results go where a link points. */
export function resolveDestination(dest: string): string {
  let folder = clean(dest);
  for (let hops = 0; hops < 40; hops++) {
    let isLink = false;
    try {
      isLink = lstatSync(folder).isSymbolicLink();
    } catch {
      return folder; // absent: written as given
    }
    if (!isLink) return folder;
    if (existsSync(folder)) return realpathSync(folder);
    folder = resolve(dirname(folder), readlinkSync(folder));
  }
  throw new OutputFolderError(dest, `output path ${dest} is a chain of more than 40 symbolic links`);
}

function listed(names: readonly string[], most = 8): string {
  const shown = names.slice(0, most).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

/** The files run.json says bordersim wrote there, or null when it is not a bordersim marker with a files list. */
function markerFiles(folder: string): string[] | null {
  try {
    const info = JSON.parse(readFileSync(join(folder, RESULT_MARKER), 'utf8')) as { tool?: unknown; files?: unknown };
    if (info.tool !== 'bordersim' || !Array.isArray(info.files) || !info.files.every((f) => typeof f === 'string')) return null;
    return info.files as string[];
  } catch {
    return null;
  }
}

/**
 * Checks that `dest` is absent, an empty folder, or an earlier result whose run.json lists every file in it,
 * so replacing it loses nothing else; throws OutputFolderError naming the folder and the files that would be lost.
 */
export function checkDestination(dest: string): void {
  const folder = resolveDestination(dest);
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new OutputFolderError(folder, `output path ${folder} exists and is not a folder`);
  const entries = readdirSync(folder).sort();
  if (entries.length === 0) return;
  const files = markerFiles(folder);
  if (files === null) {
    const why = entries.includes(RESULT_MARKER) ? `its ${RESULT_MARKER} is not a bordersim run.json with a files list` : `it holds no ${RESULT_MARKER}`;
    throw new OutputFolderError(folder, `output folder ${folder} is not a bordersim result (${why}); replacing it would lose ${listed(entries)}; refusing (choose another --out)`);
  }
  const foreign = entries.filter((e) => e !== RESULT_MARKER && !files.includes(e));
  if (foreign.length > 0) {
    throw new OutputFolderError(folder, `output folder ${folder} holds files bordersim did not write: ${listed(foreign)}; replacing it would lose them; refusing (move them or choose another --out)`);
  }
}

function freshSibling(folder: string, kind: string, tag: string): string {
  for (let n = 0; ; n++) {
    const candidate = `${folder}.${kind}-${tag}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Cleans what a killed run (its tag not `running`) left next to `dest`: staging folders are deleted, and an
 * old result moved aside is put back when `dest` is missing (killed between the two renames), else deleted.
 * Returns the paths removed or restored. Throws the fs error of a failed rename.
 */
export function cleanLeftovers(dest: string, running: (tag: string) => boolean): string[] {
  const folder = resolveDestination(dest);
  const parent = dirname(folder);
  const name = basename(folder);
  let siblings: string[];
  try {
    siblings = readdirSync(parent);
  } catch {
    return [];
  }
  const done: string[] = [];
  const dead = (kind: string): string[] =>
    siblings.filter((s) => {
      if (!s.startsWith(`${name}.${kind}-`)) return false;
      const m = /^(.+)-(\d+)$/.exec(s.slice(name.length + kind.length + 2));
      return m !== null && !running(m[1]!);
    }).sort();
  for (const old of dead('old')) {
    const path = join(parent, old);
    if (!existsSync(folder)) renameSync(path, folder);
    else rmSync(path, { recursive: true, force: true });
    done.push(path);
  }
  for (const tmp of dead('tmp')) {
    rmSync(join(parent, tmp), { recursive: true, force: true });
    done.push(join(parent, tmp));
  }
  return done;
}

/** Creates an empty staging folder next to `dest` (and dest's parent if needed); returns its path. Throws the fs error. */
export function createStaging(dest: string, tag: string): string {
  const folder = resolveDestination(dest);
  mkdirSync(dirname(folder), { recursive: true });
  for (;;) {
    const tmp = freshSibling(folder, 'tmp', tag);
    try {
      mkdirSync(tmp);
      return tmp;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/**
 * Before any simulation: cleans a killed run's leftovers (when `running` is given), checks the destination
 * and that a staging folder can be made there. Throws OutputFolderError (bad or unwritable destination).
 */
export function prepareDestination(dest: string, tag: string, running?: (tag: string) => boolean): void {
  try {
    if (running) cleanLeftovers(dest, running);
  } catch {
    // best effort: a leftover that cannot be removed never replaces results
  }
  checkDestination(dest);
  let probe: string;
  try {
    probe = createStaging(dest, tag);
  } catch (err) {
    throw new OutputFolderError(dest, `cannot create the output folder ${dest}: ${err instanceof Error ? err.message : String(err)}`);
  }
  discardStaging(probe);
}

/**
 * Moves the complete staging folder to `dest`: an existing result is renamed aside, the new one renamed in,
 * then the old one deleted. If the second rename fails the old result is put back and the error rethrown.
 * Synchronous, so no signal handler runs between the renames; a kill there is repaired by cleanLeftovers.
 */
export function commitStaging(tmp: string, dest: string, tag: string, hooks: FolderHooks = {}): void {
  const folder = resolveDestination(dest);
  checkDestination(folder);
  if (!existsSync(folder)) {
    renameSync(tmp, folder);
    return;
  }
  const old = freshSibling(folder, 'old', tag);
  renameSync(folder, old);
  try {
    hooks.betweenRenames?.();
    renameSync(tmp, folder);
  } catch (err) {
    renameSync(old, folder);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * commitStaging after a pause for the event loop, unless `signal` aborted meanwhile (an interrupt that came
 * while the files were written): then throws the signal's reason and nothing is moved.
 */
export async function commitUnlessAborted(tmp: string, dest: string, tag: string, signal?: AbortSignal, hooks: FolderHooks = {}): Promise<void> {
  hooks.beforeCommit?.();
  // Two turns of the event loop: the second follows a poll phase, where a signal that came meanwhile is read.
  for (let turn = 0; turn < 2; turn++) await new Promise<void>((done) => setImmediate(done));
  signal?.throwIfAborted();
  commitStaging(tmp, dest, tag, hooks);
}

/** Deletes a staging folder after a failure (never throws). */
export function discardStaging(tmp: string): void {
  try {
    rmSync(tmp, { recursive: true, force: true });
  } catch {
    // best effort: a leftover .tmp folder never replaces results
  }
}

/** Path of `file` inside `folder`. */
export function inFolder(folder: string, file: string): string {
  return join(folder, file);
}
