// validate --explain prints each crossing's routes after its ok line; without it, only the ok line.
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/validate.js';
import { context } from '../helpers/context.js';

const BASELINE = join(import.meta.dirname, '..', '..', 'scenarios', 'baseline-2023.yaml');

describe('validate --explain', () => {
  it("prints every demand source's steps, crossing by crossing", async () => {
    const { ctx, out } = context();
    expect(await validateCommand([BASELINE], ctx, true)).toBe(0);
    const lines = out.join('').split('\n');
    expect(lines[0]).toMatch(/baseline-2023\.yaml: ok/);
    expect(lines).toContain('  kyakhta');
    // Kyakhta's freight comes by its corridor: its paths are named corridor:source, the rate is the corridor's,
    // shared with Mondy (where the same source is a 20 h detour).
    expect(lines.find((l) => l.startsWith('    buryatia-central-mongolia:loaded-north'))).toBe(
      '    buryatia-central-mongolia:loaded-north (north truck loaded, corridor buryatia-central-mongolia: 6.1 a day shared by least-time among kyakhta, mondy; here the fixed route): gate (border-customs hours) → zone place (40) → border-customs ×9 → xray 33% ×2 → inspection 3% ×2 → veterinary 5% ×1 → leaves its place',
    );
    const mondy = lines.slice(lines.indexOf('  mondy'));
    expect(mondy.find((l) => l.startsWith('    buryatia-central-mongolia:loaded-north'))).toMatch(/6\.1 a day shared by least-time among kyakhta, mondy; here a 20 h detour\): gate \(lane hours\)/);
    expect(lines.find((l) => l.startsWith('    cars-south'))).toBe('    cars-south (south car, 150 a day): car-lanes ×5 (leaves the approach when served)');
    // Naushki's loaded trains: wagon places at customs
    expect(lines.some((l) => /loaded-south \(south train loaded, .*border-customs-loaded ×4 \+ 6 wagon places/.test(l))).toBe(true);
  });

  it('names the foresight of a corridor whose drivers see who is en route', async () => {
    const { ctx, out } = context();
    expect(await validateCommand([join(dirname(BASELINE), 'kyakhta-closed-week-informed.yaml')], ctx, true)).toBe(0);
    expect(out.join('')).toMatch(/buryatia-central-mongolia:loaded-south \(south truck loaded, corridor buryatia-central-mongolia: 34\.6 a day shared by least-time \(foreseeing queue and en route\) among kyakhta, mondy; here the fixed route\)/);
  });

  it('prints only the ok line without it', async () => {
    const { ctx, out } = context();
    await validateCommand([BASELINE], ctx);
    expect(out.join('').trim().split('\n')).toHaveLength(1);
  });
});
