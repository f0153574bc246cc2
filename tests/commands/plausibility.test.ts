// Likely unit mistakes in a scenario file are warnings, not errors: run, validate and capacity say them on stderr
// (file, line, path, value) and run.json lists them; a clean file says nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { validateCommand } from '../../src/commands/validate.js';
import { context } from '../helpers/context.js';
import { FIXTURES } from '../helpers/paths.js';

const TINY = join(FIXTURES, 'cli-tiny.yaml');
const root = mkdtempSync(join(tmpdir(), 'bordersim-plausible-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** cli-tiny with its truck payload written in kilotonnes (0.02 for 20 t). */
function mistaken(): string {
  const file = join(root, 'kilotonnes.yaml');
  writeFileSync(file, readFileSync(TINY, 'utf8').replace('payloadT: 20', 'payloadT: 0.02'));
  return file;
}

describe('plausibility warnings in the commands', () => {
  it('run says them before and after the run, naming file, line and path, and run.json lists them', async () => {
    const file = mistaken();
    const { ctx, err } = context();
    const out = join(root, 'run');
    const outcome = await runCommand(file, { out, replications: 1, days: 2, quiet: true }, ctx);
    const lines = err.join('').split('\n').filter((l) => l.includes('plausibility'));
    expect(lines.length).toBe(2); // before the run and with the others at the end
    expect(lines[0]).toMatch(/^warning: testroad: plausibility: .*kilotonnes\.yaml:42 crossings\[0\]\.demand\[0\]\.payloadT: .*got 0\.02$/);
    const info = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { warnings: Array<{ check: string; crossing: string | null }> };
    expect(info.warnings.filter((w) => w.check === 'plausibility')).toEqual([expect.objectContaining({ crossing: 'testroad' })]);
    expect(outcome.info.warnings.length).toBeGreaterThan(0);
  });

  it('validate prints them and still exits 0; the clean fixture gives none', async () => {
    const { ctx, err } = context();
    expect(await validateCommand([mistaken()], ctx)).toBe(0);
    expect(err.join('')).toMatch(/^warning: .*kilotonnes\.yaml:42 crossings\[0\]\.demand\[0\]\.payloadT/m);
    const clean = context();
    expect(await validateCommand([TINY], clean.ctx)).toBe(0);
    expect(clean.err.join('')).toBe('');
  });
});
