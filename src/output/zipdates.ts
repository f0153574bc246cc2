// A zip file's entry dates set to one fixed date, in place: the zip writer behind exceljs stamps every entry with
// the time of writing, so two equal runs would give results.xlsx files that differ in those bytes only. Only the
// date and time fields of the local and central headers change (no checksum covers them).
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** MS-DOS date of 1980-01-01 (the earliest a zip holds): day 1, month 1, year 0 from 1980. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** MS-DOS time 00:00:00. */
export const FIXED_DOS_TIME = 0;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65535. */
const EOCD_MAX = 22 + 0xffff;

/** The zip file is not one this can rewrite (no end record, zip64, a header out of place). */
export class ZipDateError extends Error {
  constructor(path: string, why: string) {
    super(`cannot fix the entry dates of ${path}: ${why}`);
    this.name = 'ZipDateError';
  }
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Sets the date and time of every entry of the zip file at `path` to 1980-01-01 00:00; returns the entries. Throws ZipDateError. */
export function fixZipDates(path: string): number {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailStart = Math.max(0, size - EOCD_MAX);
    const tail = readAt(fd, size - tailStart, tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipDateError(path, 'no end-of-central-directory record');
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipDateError(path, 'zip64 archives are not handled');
    const dir = readAt(fd, dirSize, dirOffset);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(FIXED_DOS_TIME, 0);
    stamp.writeUInt16LE(FIXED_DOS_DATE, 2);
    let at = 0;
    for (let e = 0; e < entries; e++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipDateError(path, `central header ${e + 1} is not where expected`);
      const local = dir.readUInt32LE(at + 42);
      stamp.copy(dir, at + 12);
      const header = readAt(fd, 4, local);
      if (header.length < 4 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipDateError(path, `local header ${e + 1} is not where expected`);
      writeSync(fd, stamp, 0, 4, local + 10);
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    writeSync(fd, dir, 0, dir.length, dirOffset);
    return entries;
  } finally {
    closeSync(fd);
  }
}
