// Atomic result folders: everything is written into `<out>.tmp-<tag>-<n>` next to the destination and
// renamed into place only when complete; an existing result is moved aside first and deleted last.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The destination cannot hold results (a file, or a folder that is not a bordersim result). */
export class OutputFolderError extends Error {
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

function clean(folder: string): string {
  const n = normalize(folder);
  return n.length > 1 ? n.replace(/[\\/]+$/, '') : n;
}

/**
 * Checks that `dest` is absent, an empty folder, or an earlier result (holds run.json), so replacing it loses
 * nothing else; throws OutputFolderError naming the folder otherwise.
 */
export function checkDestination(dest: string): void {
  const folder = clean(dest);
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new OutputFolderError(folder, `output path ${folder} exists and is not a folder`);
  const entries = readdirSync(folder);
  if (entries.length > 0 && !entries.includes(RESULT_MARKER)) {
    throw new OutputFolderError(folder, `output folder ${folder} is not empty and holds no ${RESULT_MARKER}, so it is not a bordersim result; refusing to replace it (choose another --out)`);
  }
}

function freshSibling(folder: string, kind: string, tag: string): string {
  for (let n = 0; ; n++) {
    const candidate = `${folder}.${kind}-${tag}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Creates an empty staging folder next to `dest` (and dest's parent if needed); returns its path. Throws the fs error. */
export function createStaging(dest: string, tag: string): string {
  const folder = clean(dest);
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
 * Moves the complete staging folder to `dest`: an existing result is renamed aside, the new one renamed in,
 * then the old one deleted. If the second rename fails the old result is put back and the error rethrown.
 */
export function commitStaging(tmp: string, dest: string, tag: string): void {
  const folder = clean(dest);
  checkDestination(folder);
  if (!existsSync(folder)) {
    renameSync(tmp, folder);
    return;
  }
  const old = freshSibling(folder, 'old', tag);
  renameSync(folder, old);
  try {
    renameSync(tmp, folder);
  } catch (err) {
    renameSync(old, folder);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
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
