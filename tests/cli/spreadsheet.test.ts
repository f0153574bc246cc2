// Opening summary.csv (and the other tables) in Excel/LibreOffice must just work: RFC 4180, UTF-8 without BOM,
// one type per column, '.' decimals with fixed precision, no exponents, nothing a spreadsheet would reinterpret.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './harness.js';
import { parseCsv } from '../helpers/csv.js';
import { FIXTURES } from '../helpers/paths.js';

const NUMBER = /^-?\d+(\.\d+)?$/;
let cwd = '';

beforeAll(() => {
  const cli = buildCli();
  cwd = mkdtempSync(join(tmpdir(), 'bordersim-cli-sheet-'));
  const r = runCli(cli, ['run', join(FIXTURES, 'cli-tiny.yaml'), '--quiet', '--replications', '2', '--out', 'out', '--trace'], cwd);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe.each(['summary.csv', 'replications.csv', 'stages.csv', 'daily.csv', 'vehicles.csv'])('%s as a spreadsheet', (file) => {
  it('is UTF-8 without BOM, CRLF after every record, same number of fields in every record', async () => {
    const bytes = readFileSync(join(cwd, 'out', file));
    expect(bytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare line breaks (no quoted multi-line cells here)
    const { headers, rows } = await parseCsv(text);
    expect(rows.length).toBeGreaterThan(0);
    expect(text.split('\r\n').length - 2).toBe(rows.length);
    for (const r of rows) expect(Object.keys(r)).toEqual(headers);
  });

  it('has one type per column: numeric columns hold only plain decimals (or blanks), text columns no numbers', async () => {
    const { headers, rows } = await parseCsv(readFileSync(join(cwd, 'out', file), 'utf8'));
    for (const h of headers) {
      const cells = rows.map((r) => r[h] ?? '');
      const filled = cells.filter((c) => c !== '');
      const numeric = filled.filter((c) => NUMBER.test(c));
      if (h === 'date' || h === 'arrived_local') {
        expect(filled.every((c) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(c)), h).toBe(true);
        continue;
      }
      expect([0, filled.length], `column ${h} mixes numbers and text`).toContain(numeric.length);
      for (const c of filled) {
        expect(c, `${h}: exponent`).not.toMatch(/\de[+-]?\d/i);
        expect(c, `${h}: formula-like`).not.toMatch(/^[=+@]/);
        expect(c, `${h}: NaN`).not.toMatch(/nan|infinity/i);
      }
      if (numeric.length > 0) {
        const decimals = new Set(numeric.map((c) => (c.split('.')[1] ?? '').length));
        // Fixed precision: statistics always 4 decimals; counts are integers (a column may hold both only
        // in replications.csv's value column, where counts and measurements share one column).
        expect([...decimals].every((d) => d === 0 || d === 4), `${h}: decimals ${[...decimals]}`).toBe(true);
        if (['mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max'].includes(h)) expect([...decimals], h).toEqual([4]);
      } else if (filled.length > 0) {
        expect(filled.every((c) => !/^-?[\d.,]+$/.test(c)), h).toBe(true);
      }
    }
  });
});
