import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFile, FLUSH_BYTES, teeSinks, withDecimalComma, writeCsv, type CsvRow, type RowSink } from '../../src/output/csvfile.js';
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

describe('the comma decimal mark (--decimal comma)', () => {
  const rows: CsvRow[] = [
    { crossing: 'kyakhta', date: '2023-07-01', mean: '3.0319', low: '-0.0500', count: '2513', note: 'a; b, c', sweep: "'-1.5" },
    { crossing: 'naushki', date: '2023-07-02', mean: '', low: '12.0000', count: '7', note: '', sweep: '1.1' },
  ];
  const columns = Object.keys(rows[0]!);

  it("separates fields with ';' and writes number cells with ','; text, dates and counts unchanged", () => {
    const path = join(dir, 'comma.csv');
    writeCsv(path, columns, rows, 'comma');
    expect(readFileSync(path, 'utf8')).toBe(
      'crossing;date;mean;low;count;note;sweep\r\n' +
      "kyakhta;2023-07-01;3,0319;-0,0500;2513;\"a; b, c\";'-1.5\r\n" +
      'naushki;2023-07-02;;12,0000;7;;1,1\r\n',
    );
  });

  it('leaves the default file as it was', () => {
    const path = join(dir, 'point.csv');
    writeCsv(path, columns, rows);
    expect(readFileSync(path, 'utf8')).toBe(
      'crossing,date,mean,low,count,note,sweep\r\n' +
      "kyakhta,2023-07-01,3.0319,-0.0500,2513,\"a; b, c\",'-1.5\r\n" +
      'naushki,2023-07-02,,12.0000,7,,1.1\r\n',
    );
  });

  it.each([['1.5000', '1,5000'], ['-0.0001', '-0,0001'], ['12', '12'], ['2023-07-01', '2023-07-01'], ['1.2.3', '1.2.3'], ['v1.5', 'v1.5'], ['', '']])(
    'makes %j %j', (text, comma) => {
      expect(withDecimalComma({ a: text }).a).toBe(comma);
    },
  );

  it("hands a sink the rows with '.' decimals, whatever the file's mark, and ends it", () => {
    const seen: CsvRow[] = [];
    let ended = 0;
    const sink = (): RowSink => ({ row: (r) => void seen.push(r), end: () => void ended++ });
    const tee = teeSinks({ table: sink }, null, { table: () => null }, { table: sink });
    writeCsv(join(dir, 'tee.csv'), columns, rows, 'comma', tee.table('tee.csv', columns));
    expect(seen).toEqual([rows[0], rows[0], rows[1], rows[1]]);
    expect(ended).toBe(2);
    expect(teeSinks({ table: () => null }).table('x.csv', columns)).toBeNull();
  });
});
