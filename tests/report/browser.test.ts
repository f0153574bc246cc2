// report.html in a real browser: Debian's chromium, driven by playwright-core, opens the file from disk as a
// planner's double-click would, logs no console error, makes no request but the file itself, and draws every chart
// the page lists (an SVG with a size and marks in it); a full-page screenshot is saved in
// tests/report/__screenshots__/ (ignored by git) to look at. Skipped, saying so, only where /usr/bin/chromium is
// missing (.ci/run installs it).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { FIXTURES } from '../helpers/paths.js';
import { context } from '../helpers/context.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(import.meta.dirname, '__screenshots__');
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`tests/report/browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

const root = mkdtempSync(join(tmpdir(), 'bordersim-browser-'));
let browser: BrowserContext | null = null;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  const { ctx } = context();
  await runCommand(join(FIXTURES, 'report-tiny.yaml'), { out: join(root, 'run'), quiet: true }, ctx);
  browser = await chromium.launchPersistentContext(join(root, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!HAS_CHROMIUM)(`report.html in chromium (${CHROMIUM})`, () => {
  it('opens from disk with no console error and no request, every chart drawn; saves a screenshot', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    page.on('request', (r) => void requests.push(r.url()));
    const url = pathToFileURL(join(root, 'run', 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });

    const listed = ((await page.getAttribute('meta[name="bordersim-charts"]', 'content')) ?? '').split(' ').filter(Boolean);
    expect(listed.length).toBe(6);
    for (const id of listed) {
      const svg = page.locator(`figure#chart-${id} > svg`);
      expect(await svg.count(), id).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(50);
      // Marks drawn: the chart's mark groups hold shapes (paths, lines, text).
      expect(await svg.locator('.role-mark > *').count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('figure.chart').count()).toBe(listed.length);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = join(SCREENSHOTS, 'report-run.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
