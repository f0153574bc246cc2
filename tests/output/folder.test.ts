import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDestination, commitStaging, createStaging, discardStaging, OutputFolderError } from '../../src/output/folder.js';

const root = mkdtempSync(join(tmpdir(), 'bordersim-folder-'));
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
      writeFileSync(join(tmp, 'run.json'), content);
      commitStaging(tmp, dest, '1');
      expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe(content);
    }
    expect(readdirSync(root).filter((f) => f.startsWith('res'))).toEqual(['res']);
  });

  it('keeps the old result when a run is discarded', () => {
    const dest = join(root, 'res');
    const tmp = createStaging(dest, '2');
    writeFileSync(join(tmp, 'run.json'), 'half');
    discardStaging(tmp);
    expect(readFileSync(join(dest, 'run.json'), 'utf8')).toBe('second');
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
