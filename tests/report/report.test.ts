// report.html of run, compare, sweep and capacity, written in-process on a tiny scenario: the charts each command
// draws, a header naming scenario, seed, replications and version, the key table and the sources, nothing that
// could fetch anything (no script, no external reference), equal bytes for equal runs, and --no-report.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityCommand } from '../../src/commands/capacity.js';
import { compareCommand } from '../../src/commands/compare.js';
import { runCommand } from '../../src/commands/run.js';
import { sweepCommand } from '../../src/commands/sweep.js';
import { toolVersion } from '../../src/output/runinfo.js';
import { FIXTURES } from '../helpers/paths.js';
import { context } from '../helpers/context.js';

const TINY = join(FIXTURES, 'report-tiny.yaml');
const PLAN = join(FIXTURES, 'report-tiny-plan.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const html: Record<string, string> = {};
const read = (folder: string): string => readFileSync(join(folder, 'report.html'), 'utf8');

/** The chart ids the page says it holds, and the figures it really has (with an SVG drawn in each). */
function charts(page: string): { listed: string[]; drawn: string[] } {
  const listed = /<meta name="bordersim-charts" content="([^"]*)">/.exec(page)?.[1]?.split(' ').filter(Boolean) ?? [];
  const drawn = [...page.matchAll(/<figure class="chart" id="chart-([^"]+)" data-chart="[^"]+">\n<figcaption>[^\n]*<\/figcaption>\n<svg [^>]*width="(\d+)"/g)]
    .filter((m) => Number(m[2]) > 0)
    .map((m) => m[1]!);
  return { listed, drawn };
}

beforeAll(async () => {
  const { ctx } = context();
  await runCommand(TINY, { out: join(root, 'run'), quiet: true }, ctx);
  await runCommand(TINY, { out: join(root, 'run2'), quiet: true }, ctx);
  await compareCommand(TINY, [PLAN], { out: join(root, 'compare'), quiet: true }, ctx);
  await sweepCommand(TINY, { set: ['crossings.testroad.stages.passport.servers=1,3'], out: join(root, 'sweep'), quiet: true }, ctx);
  await capacityCommand(TINY, { crossing: 'testroad', limit: 'approach_wait_h_mean <= 2', class: 'truck', tolerance: 0.5, maxFactor: 4, out: join(root, 'capacity'), quiet: true }, ctx);
  for (const name of ['run', 'run2', 'compare', 'sweep', 'capacity']) html[name] = read(join(root, name));
});

describe('report.html', () => {
  it.each([
    ['run', ['map', 'wait-by-month', 'wait-by-hour', 'wait-parts', 'utilisation', 'throughput']],
    ['compare', ['differences', 'map']],
    ['sweep', ['sweep']],
    ['capacity', ['capacity', 'capacity-steps']],
  ])('of %s draws its charts: %j', (name, expected) => {
    const { listed, drawn } = charts(html[name]!);
    expect(listed).toEqual(expected);
    expect(drawn).toEqual(expected);
  });

  it('says what was run in its header: scenario, seed, replications, version, the measured days', () => {
    const page = html.run!;
    expect(page).toContain('<dt>scenario</dt><dd>report-tiny: Tiny report scenario (');
    expect(page).toContain('<dt>seed</dt><dd>11</dd>');
    expect(page).toContain('<dt>replications</dt><dd>2</dd>');
    expect(page).toContain(`<dt>bordersim version</dt><dd>${toolVersion()}</dd>`);
    expect(page).toContain('2023-06-28 to 2023-07-02 (5 days');
    expect(html.compare).toContain('<dt>plan</dt><dd>report-tiny-plan: Tiny report plan (');
  });

  it('shows the warnings the terminal shows, or says there are none', async () => {
    const { ctx, err } = context();
    const folder = join(root, 'overloaded');
    await runCommand(join(FIXTURES, 'cli-overloaded.yaml'), { out: folder, quiet: true }, ctx);
    const page = read(folder);
    const printed = err.join('').split('\n').filter((l) => l.startsWith('warning: '));
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) expect(page).toContain(`<li>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</li>`);
    expect(html.run).toMatch(/No warnings\.|<strong>\d+ warnings?<\/strong>/);
  });

  it('has the key table and the sources of the values used', () => {
    expect(html.run).toMatch(/<td>testroad<\/td><td>truck<\/td><td class="n">\d+ \[\d+, \d+\]<\/td>/);
    expect(html.run).toContain('<td>testroad</td><td>location 106.45° E, 50.35° N</td><td>assumption: test</td>');
    expect(html.run).toContain('<td>testrail</td><td>stage inspection: Train inspection</td><td>assumption: test</td>');
    expect(html.capacity).toMatch(/<td>testroad<\/td><td>(found|above-max|below-min)<\/td>/);
    expect(html.sweep).toContain('<th>crossings.testroad.stages.passport.servers</th>');
  });

  it('loads nothing: no script, no external reference, a policy that forbids any load', () => {
    for (const page of Object.values(html)) {
      expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import/i);
      for (const m of page.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#chart-[a-z-]+-\d+$/); // in-page gradients only
      // Attributes that could point elsewhere hold only in-page anchors.
      for (const m of page.matchAll(/\s(?:src|href|xlink:href|srcset|action|data)=["']([^"']*)["']/gi)) expect(m[1]).toMatch(/^#/);
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    }
  });

  it('is byte-identical for the same scenario, seed and version', () => {
    expect(html.run2).toBe(html.run);
  });

  it('is not written with --no-report, nor the workbook with --no-workbook', async () => {
    const { ctx } = context();
    const folder = join(root, 'bare');
    const outcome = await runCommand(TINY, { out: folder, quiet: true, report: false, workbook: false }, ctx);
    expect(outcome.files).not.toContain('report.html');
    expect(outcome.files).not.toContain('results.xlsx');
    expect(existsSync(join(folder, 'report.html'))).toBe(false);
    expect(existsSync(join(folder, 'results.xlsx'))).toBe(false);
  });
});
