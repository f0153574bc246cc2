// The report's Corridors section: a table per corridor (its crossings' shares, vehicles, diverted vehicles and
// foreseen times with 95% CIs, the fixed route named), the shares chart, both from corridors.csv's rows; on a run
// of a corridor scenario the section and its chart are on the page, byte-identical for equal runs, and a
// scenario without corridors has no such section.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { CORRIDOR_METRICS } from '../../src/model/results.js';
import type { CsvRow } from '../../src/output/csvfile.js';
import { corridorShareChart, corridorTables } from '../../src/report/corridors.js';
import { context } from '../helpers/context.js';
import { FIXTURES } from '../helpers/paths.js';
import { corridor, demand } from '../helpers/scenarios.js';

const CORRIDORS = [corridor({ id: 'k', name: 'Buryatia ↔ Mongolia', via: [['kyakhta', 0], ['mondy', 20]], demand: [demand({ id: 't' })] })];

/** corridors.csv rows of corridor k: trucks south at kyakhta (fixed) and mondy; mondy's foreseen wait undefined (no vehicle in any replication). */
function rows(classes: string[] = ['truck']): CsvRow[] {
  const out: CsvRow[] = [];
  for (const cls of classes) {
    for (const [crossing, share, fixed] of [['kyakhta', 0.75, 'true'], ['mondy', 0.25, 'false']] as const) {
      for (const metric of CORRIDOR_METRICS) {
        const mean = metric === 'share' ? share : metric === 'vehicles' || metric === 'completed' ? share * 400 : metric === 'diverted' ? (fixed === 'true' ? 0 : 100) : metric === 'detour_h' ? (fixed === 'true' ? 0 : 20) : metric === 'wait_h_mean' ? 4 : 1.5;
        const undefinedHere = crossing === 'mondy' && metric === 'foreseen_wait_h_mean';
        out.push({
          scenario: 's', corridor: 'k', direction: 'south', class: cls, crossing, fixed_route: fixed, metric, unit: '',
          mean: undefinedHere ? '' : mean.toFixed(4), sd: '', ci95_low: undefinedHere ? '' : (mean * 0.9).toFixed(4), ci95_high: undefinedHere ? '' : (mean * 1.1).toFixed(4),
          min: '', max: '', replications: '3',
        });
      }
    }
  }
  return out;
}

describe('corridor tables', () => {
  it('has one table per corridor, named, with a row per direction × class × crossing: share %, vehicles, diverted, foreseen times and the waits found with CIs', () => {
    const html = corridorTables(rows(), CORRIDORS);
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html).toContain('<caption>Buryatia ↔ Mongolia (k)</caption>');
    const body = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]));
    expect(body).toEqual([
      ['truck, south', 'kyakhta', 'yes', '75.0 [67.5, 82.5]', '300 [270, 330]', '0.0', '1.50 [1.35, 1.65]', '1.50 [1.35, 1.65]', '4.00 [3.60, 4.40]'],
      ['truck, south', 'mondy', 'no', '25.0 [22.5, 27.5]', '100 [90, 110]', '20.0', '–', '1.50 [1.35, 1.65]', '4.00 [3.60, 4.40]'],
    ]);
  });

  it('names a corridor the scenario does not know by its id, and gives nothing without rows', () => {
    expect(corridorTables(rows(), [])).toContain('<caption>k (k)</caption>');
    expect(corridorTables([], CORRIDORS)).toBe('');
  });
});

describe('corridor shares chart', () => {
  it('stacks the mean shares of each corridor × direction bar in the crossings’ listed order', () => {
    const chart = corridorShareChart(rows(), CORRIDORS)!;
    expect(chart.id).toBe('corridor-shares');
    const values = (chart.spec as { data: { values: Array<Record<string, unknown>> } }).data.values;
    expect(values).toEqual([{ label: 'k · south', crossing: 'kyakhta', share: 0.75, rank: 0 }, { label: 'k · south', crossing: 'mondy', share: 0.25, rank: 1 }]);
    expect(chart.note).toContain('k: Buryatia ↔ Mongolia');
    expect(chart.note).toContain('trucks (by direction)');
  });

  it('names the class in the bars when the corridors carry more than one, and draws nothing without rows', () => {
    const values = (corridorShareChart(rows(['truck', 'car']), CORRIDORS)!.spec as { data: { values: Array<{ label: string }> } }).data.values;
    expect([...new Set(values.map((v) => v.label))]).toEqual(['k · truck south', 'k · car south']);
    expect(corridorShareChart([], CORRIDORS)).toBeNull();
  });
});

describe('report.html of a corridor scenario', () => {
  const root = mkdtempSync(join(tmpdir(), 'bordersim-report-corridors-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const page: Record<string, string> = {};
  beforeAll(async () => {
    const { ctx } = context();
    for (const [name, file] of [['a', 'corridor-tiny.yaml'], ['b', 'corridor-tiny.yaml'], ['plain', 'cli-tiny.yaml']]) {
      await runCommand(join(FIXTURES, file!), { out: join(root, name!), quiet: true, workbook: false, replications: 2 }, ctx);
      page[name!] = readFileSync(join(root, name!, 'report.html'), 'utf8');
    }
  });

  it('has the Corridors section, in the contents, with its table and the shares chart drawn and listed', () => {
    const html = page.a!;
    expect(html).toContain('<li><a href="#corridors">Corridors</a></li>');
    const section = html.slice(html.indexOf('<section id="corridors">'), html.indexOf('<section id="sources">'));
    expect(section).toContain('<caption>Test corridor (west-east)</caption>');
    expect(section.match(/<tr><td>truck, (south|north)<\/td><td>(west|east)<\/td>/g)).toHaveLength(4);
    expect(section).toMatch(/<figure class="chart" id="chart-corridor-shares" data-chart="corridor-shares">\n<figcaption>[^\n]*<\/figcaption>\n<svg [^>]*width="[1-9]/);
    expect(/<meta name="bordersim-charts" content="([^"]*)">/.exec(html)![1]!.split(' ').at(-1)).toBe('corridor-shares');
  });

  it('lists the corridor, its detours and its demand among the sources of the values used', () => {
    const sources = page.a!.slice(page.a!.indexOf('<section id="sources">'));
    expect(sources).toContain('<td>west-east (corridor)</td><td>the corridor: Test corridor</td><td>assumption: test</td>');
    expect(sources).toContain('<td>west-east (corridor)</td><td>by west: no detour</td><td>assumption: test</td>');
    expect(sources).toContain('<td>west-east (corridor)</td><td>by east: 3 h detour</td><td>assumption: test</td>');
    expect(sources).toContain('<td>west-east (corridor)</td><td>demand loaded-south</td><td>assumption: test</td>');
  });

  it('is byte-identical for equal runs, and a scenario without corridors has no such section', () => {
    expect(page.b).toBe(page.a);
    expect(page.plain).not.toContain('id="corridors"');
    expect(page.plain).not.toContain('corridor-shares');
  });
});
