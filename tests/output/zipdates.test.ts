// fixZipDates: every entry of a zip written now carries 1980-01-01 00:00 in both headers afterwards, the archive
// still reads back whole, and a file that is no zip is refused with a clear error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixZipDates, FIXED_DOS_DATE, FIXED_DOS_TIME, ZipDateError } from '../../src/output/zipdates.js';
import { zipEntryDates } from './zip.js';

async function writtenNow(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'bordersim-zip-')), 'a.xlsx');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('one').addRow([1, 'two', new Date(Date.UTC(2023, 0, 1))]);
  await book.xlsx.writeFile(path);
  return path;
}

describe('fixZipDates', () => {
  it('sets every entry to the fixed date in the central and local headers, and the zip still reads', async () => {
    const path = await writtenNow();
    const before = zipEntryDates(path);
    expect(before.some((e) => e.date !== FIXED_DOS_DATE)).toBe(true); // written with today's date
    expect(fixZipDates(path)).toBe(before.length);
    const after = zipEntryDates(path);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const e of after) expect([e.time, e.date, e.localTime, e.localDate]).toEqual([FIXED_DOS_TIME, FIXED_DOS_DATE, FIXED_DOS_TIME, FIXED_DOS_DATE]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    expect(back.getWorksheet('one')!.getCell('B1').value).toBe('two');
  });

  it('refuses a file that is not a zip, naming it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bordersim-zip-')), 'not.xlsx');
    writeFileSync(path, 'plain text, no zip records at all');
    expect(() => fixZipDates(path)).toThrow(ZipDateError);
    expect(() => fixZipDates(path)).toThrow(/not\.xlsx: no end-of-central-directory record/);
  });
});
