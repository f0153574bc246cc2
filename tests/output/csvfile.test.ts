import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFile, FLUSH_BYTES, writeCsv } from '../../src/output/csvfile.js';
import { parseCsv } from '../helpers/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'bordersim-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeCsv', () => {
  it('writes RFC 4180: header, CRLF line ends including the last, quotes only where needed, doubled quotes', async () => {
    const path = join(dir, 'a.csv');
    const rows: Record<string, string>[] = [
      { name: 'Kyakhta, road', note: 'said "open"', n: '1.5000' },
      { name: 'Наушки', note: 'line\nbreak', n: '2' },
      { name: 'plain', n: '3' },
    ];
    expect(writeCsv(path, ['name', 'note', 'n'], rows)).toBe(3);
    const text = readFileSync(path, 'utf8');
    expect(text).toBe('name,note,n\r\n"Kyakhta, road","said ""open""",1.5000\r\nНаушки,"line\nbreak",2\r\nplain,,3\r\n');
    expect(readFileSync(path).subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect((await parseCsv(text)).rows).toEqual([
      { name: 'Kyakhta, road', note: 'said "open"', n: '1.5000' },
      { name: 'Наушки', note: 'line\nbreak', n: '2' },
      { name: 'plain', note: '', n: '3' },
    ]);
  });

  it('writes the header even with no rows', () => {
    const path = join(dir, 'empty.csv');
    writeCsv(path, ['a', 'b'], []);
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n');
  });

  it('streams: rows reach the disk as they are written, never more than FLUSH_BYTES held back', () => {
    const path = join(dir, 'stream.csv');
    const file = new CsvFile(path, ['i', 'text']);
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const row = { i: String(i), text: 'x'.repeat(50) };
      file.write(row);
      written += `${row.i},${row.text}\r\n`.length;
      expect(written - statSync(path).size).toBeLessThan(FLUSH_BYTES + 100);
    }
    file.close();
    file.close();
    expect(readFileSync(path, 'utf8').split('\r\n')).toHaveLength(5002);
    expect(statSync(path).size).toBe(written + 'i,text\r\n'.length);
    expect(() => file.write({ i: '1' })).toThrow(/closed/);
  });
});
