import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDestination,
  cleanLeftovers,
  commitStaging,
  commitUnlessAborted,
  createStaging,
  discardStaging,
  OutputFolderError,
  prepareDestination,
} from '../../src/output/folder.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-folder-'));

/** A run.json as bordersim writes it: its tool, the files it wrote (itself included), and a note. */
function marker(files: string[], note = ''): string {
  return JSON.stringify({ tool: 'bordersim', note, files: [...files, 'run.json'] });
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('staging folders', () => {
  it('creates <out>.tmp-<tag>-<n> next to the destination, with the parent made if needed', () => {
    const dest = join(root, 'deep', 'out');
    const a = createStaging(`${dest}/`, '77');
    const b = createStaging(dest, '77');
    expect(a).toBe(`${dest}.tmp-77-0`);
    expect(b).toBe(`${dest}.tmp-77-1`);
    discardStaging(a);
    discardStaging(b);
    expect(readdirSync(join(root, 'deep'))).toEqual([]);
  });

  it('moves a new result in and replaces an old one, leaving no side folders', () => {
    const dest = join(root, 'res');
    for (const content of ['first', 'second']) {
      const tmp = createStaging(dest, '1');
      writeFileSync(join(tmp, 'run.json'), marker([], content));
      commitStaging(tmp, dest, '1');
      expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe(marker([], content));
    }
    expect(readdirSync(root).filter((f) => f.startsWith('res'))).toEqual(['res']);
  });

  it('keeps the old result when a run is discarded', () => {
    const dest = join(root, 'res');
    const tmp = createStaging(dest, '2');
    writeFileSync(join(tmp, 'run.json'), 'half');
    discardStaging(tmp);
    expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe(marker([], 'second'));
    expect(existsSync(tmp)).toBe(false);
  });

  it.each([
    ['a file', (p: string) => writeFileSync(p, 'x'), /is not a folder/],
    ['a folder of other things', (p: string) => (mkdirSync(p), writeFileSync(join(p, 'thesis.docx'), 'x')), /not a bordersim result/],
  ])('refuses to replace %s', (_what, make, message) => {
    const dest = join(root, `other-${Math.abs(message.source.length)}`);
    make(dest);
    expect(() => checkDestination(dest)).toThrow(OutputFolderError);
    expect(() => checkDestination(dest)).toThrow(message);
  });

  it('accepts an absent or empty destination', () => {
    expect(() => checkDestination(join(root, 'absent'))).not.toThrow();
    mkdirSync(join(root, 'empty'));
    expect(() => checkDestination(join(root, 'empty'))).not.toThrow();
  });
});

/** A finished result folder at `dest` holding `files` (each with its name as content) and its run.json. */
function result(dest: string, files: string[], note = 'old'): void {
  mkdirSync(dest, { recursive: true });
  for (const f of files) writeFileSync(join(dest, f), f);
  writeFileSync(join(dest, 'run.json'), marker(files, note));
}

/** Every file under `folder` with its content, for byte comparisons. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

describe('what a result folder may replace', () => {
  it('refuses a result folder holding files bordersim did not write, naming them, and changes nothing', () => {
    const dest = join(root, 'mixed');
    result(dest, ['summary.csv']);
    writeFileSync(join(dest, 'notes.txt'), 'mine');
    writeFileSync(join(dest, 'analysis.xlsx'), 'mine too');
    const before = snapshot(dest);
    expect(() => checkDestination(dest)).toThrow(/bordersim did not write: analysis\.xlsx, notes\.txt; replacing it would lose them/);
    const tmp = createStaging(dest, '3');
    writeFileSync(join(tmp, 'run.json'), marker([], 'new'));
    expect(() => commitStaging(tmp, dest, '3')).toThrow(OutputFolderError);
    discardStaging(tmp);
    expect(snapshot(dest)).toEqual(before);
  });

  it('refuses a run.json that is not a bordersim marker with a files list, naming what would be lost', () => {
    const dest = join(root, 'fake');
    mkdirSync(dest);
    writeFileSync(join(dest, 'run.json'), '{"mine": true}');
    writeFileSync(join(dest, 'scenario.yaml'), 'id: x');
    expect(() => checkDestination(dest)).toThrow(/not a bordersim result \(its run\.json is not a bordersim run\.json with a files list\); replacing it would lose run\.json, scenario\.yaml/);
  });

  it('replaces a folder holding exactly the files its run.json lists', () => {
    const dest = join(root, 'listed');
    result(dest, ['summary.csv', 'daily.csv']);
    const tmp = createStaging(dest, '4');
    writeFileSync(join(tmp, 'run.json'), marker([], 'new'));
    commitStaging(tmp, dest, '4');
    expect(snapshot(dest)).toEqual({ 'run.json': marker([], 'new') });
  });

  it('follows a symlinked --out: the result goes where the link points and the link stays a link', () => {
    const target = join(root, 'real-target');
    result(target, ['summary.csv']);
    const link = join(root, 'link-out');
    symlinkSync(target, link);
    const tmp = createStaging(link, '5');
    expect(tmp).toBe(`${target}.tmp-5-0`);
    writeFileSync(join(tmp, 'run.json'), marker([], 'through the link'));
    commitStaging(tmp, link, '5');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(target, 'run.json'), 'utf8')).toBe(marker([], 'through the link'));
  });

  it('follows a dangling symlink to where it points', () => {
    const link = join(root, 'dangling');
    symlinkSync('dangling-target', link);
    const tmp = createStaging(link, '6');
    writeFileSync(join(tmp, 'run.json'), marker([]));
    commitStaging(tmp, link, '6');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(root, 'dangling-target', 'run.json'))).toBe(true);
  });
});

describe('leftovers of a killed run', () => {
  it('deletes staging folders of dead runs, keeps those of live ones, and puts back an old result moved aside', () => {
    const dir = join(root, 'killed');
    const dest = join(dir, 'res');
    result(`${dest}.old-111-0`, ['summary.csv']); // killed between the two renames: res is missing
    mkdirSync(`${dest}.tmp-111-0`);
    mkdirSync(`${dest}.tmp-222-0`);
    mkdirSync(join(dir, 'other.tmp-111-0'));
    const running = (tag: string): boolean => tag === '222';
    cleanLeftovers(dest, running);
    expect(readdirSync(dir).sort()).toEqual(['other.tmp-111-0', 'res', 'res.tmp-222-0']);
    expect(snapshot(dest)).toEqual({ 'run.json': marker(['summary.csv'], 'old'), 'summary.csv': 'summary.csv' });
  });

  it('deletes an old result of a dead run when the destination is in place (killed after the second rename)', () => {
    const dir = join(root, 'killed-late');
    const dest = join(dir, 'res');
    result(dest, ['a.csv'], 'new');
    result(`${dest}.old-333-0`, ['a.csv']);
    prepareDestination(dest, '9', () => false);
    expect(readdirSync(dir)).toEqual(['res']);
    expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe(marker(['a.csv'], 'new'));
  });
});

describe('committing', () => {
  it('moves nothing when the signal aborted while the files were written', async () => {
    const dest = join(root, 'aborted');
    result(dest, ['summary.csv']);
    const before = snapshot(dest);
    const tmp = createStaging(dest, '7');
    writeFileSync(join(tmp, 'run.json'), marker([], 'new'));
    const interrupt = new AbortController();
    const hooks = { beforeCommit: () => interrupt.abort(new Error('stop')) };
    await expect(commitUnlessAborted(tmp, dest, '7', interrupt.signal, hooks)).rejects.toThrow('stop');
    expect(snapshot(dest)).toEqual(before);
    discardStaging(tmp);
    expect(readdirSync(root).filter((f) => f.startsWith('aborted'))).toEqual(['aborted']);
  });

  it('between the two renames the old result is whole beside the destination, and it is put back if the second fails', () => {
    const dest = join(root, 'swap');
    result(dest, ['summary.csv']);
    const before = snapshot(dest);
    const tmp = createStaging(dest, '8');
    writeFileSync(join(tmp, 'run.json'), marker([], 'new'));
    let seen: Record<string, string> = {};
    const hooks = {
      betweenRenames: (): void => {
        seen = snapshot(`${dest}.old-8-0`);
        throw new Error('disk gone');
      },
    };
    expect(() => commitStaging(tmp, dest, '8', hooks)).toThrow('disk gone');
    expect(seen).toEqual(before);
    expect(snapshot(dest)).toEqual(before);
    expect(snapshot(tmp)).toEqual({ 'run.json': marker([], 'new') });
  });
});
