// Structural checks on the source tree: the engine and random layers import nothing from the layers
// above them (or any file outside themselves), touch no process, and no source file calls Math.random.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const UPPER_LAYERS = ['model', 'scenario', 'output', 'experiment', 'commands', 'bench', 'cli.ts', 'cli.js'];
/** Packages the bottom layers may use. */
const ALLOWED_PACKAGES = new Set(['seedrandom', 'simple-statistics']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Source without comments (block comments, and line comments not inside a quoted string on that line). */
function stripComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .join('\n');
}

/** Every module specifier in static imports, re-exports, `import type` and dynamic `import()`. */
function specifiers(src: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const re of patterns) for (const m of src.matchAll(re)) found.push(m[1]!);
  return found;
}

describe('layering of src/engine and src/random', () => {
  it('finds the files it checks', () => {
    expect(tsFiles(join(SRC, 'engine')).length).toBeGreaterThanOrEqual(10);
    expect(tsFiles(join(SRC, 'random')).length).toBeGreaterThanOrEqual(3);
    expect(specifiers("import { a } from './a.js';\nexport { b } from \"../model/b.js\";\nimport type { C } from 'pkg';\nconst m = await import('../cli.js');"))
      .toEqual(['./a.js', '../model/b.js', 'pkg', '../cli.js']);
  });

  it.each(['engine', 'random'])('src/%s imports only itself, the other bottom layer, node: and allowed packages', (layer) => {
    const problems: string[] = [];
    for (const file of tsFiles(join(SRC, layer))) {
      for (const spec of specifiers(stripComments(readFileSync(file, 'utf8')))) {
        const where = `${relative(SRC, file)} imports '${spec}'`;
        if (spec.startsWith('.')) {
          const target = relative(SRC, resolve(dirname(file), spec));
          const top = target.split(/[\\/]/)[0]!;
          if (UPPER_LAYERS.includes(top) || !['engine', 'random'].includes(top)) problems.push(where);
        } else if (!spec.startsWith('node:') && !ALLOWED_PACKAGES.has(spec)) {
          problems.push(where);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(['engine', 'random'])('src/%s does not touch process', (layer) => {
    const users = tsFiles(join(SRC, layer)).filter((f) => /\bprocess\s*\.\s*\w/.test(stripComments(readFileSync(f, 'utf8'))));
    expect(users.map((f) => relative(SRC, f))).toEqual([]);
  });
});

describe('determinism', () => {
  it('no source file calls Math.random', () => {
    const users = tsFiles(SRC).filter((f) => /\bMath\s*\.\s*random\b/.test(stripComments(readFileSync(f, 'utf8'))));
    expect(users.map((f) => relative(SRC, f))).toEqual([]);
  });
});
