// Reads the date and time fields of every entry of a zip file (local and central headers), for the tests of
// results.xlsx's fixed dates.
import { readFileSync } from 'node:fs';

/** Each entry's name and the DOS time and date of its central header and of its local header. */
export function zipEntryDates(path: string): Array<{ name: string; time: number; date: number; localTime: number; localDate: number }> {
  const buf = readFileSync(path);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${path}: no end of central directory`);
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central header ${e}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${path}: bad local header ${e}`);
    out.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      time: buf.readUInt16LE(at + 12), date: buf.readUInt16LE(at + 14),
      localTime: buf.readUInt16LE(local + 10), localDate: buf.readUInt16LE(local + 12),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}
