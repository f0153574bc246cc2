// The installed command: after `npm ci` (which runs `prepare`, i.e. `npm run build`) dist/cli.js is executable,
// so `npx bordersim` and a direct ./dist/cli.js work without a `node` in front.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.js';

describe('the built command', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('is built by prepare (npm ci) through the same build script', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
  });

  it('leaves dist/cli.js executable and runnable directly', () => {
    const cli = join(REPO, pkg.bin.bordersim!);
    expect(statSync(cli, { throwIfNoEntry: false }), 'dist/cli.js is missing: run npm run build').toBeDefined();
    expect(statSync(cli).mode & 0o111).toBe(0o111);
    const r = spawnSync(cli, ['--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});
