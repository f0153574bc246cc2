// Start-up: what `bordersim --version` and `--help` load. The entry point's static imports (type-only imports
// aside) must not reach the model, the scenario loader or the heavy packages; each command loads them when it
// runs. Checked on the import graph, not by timing (0.29 → 0.11 s measured, docs/performance.md).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.js';

/** Every module reached from `entry` through value imports (`import type` and `import('…')` are not followed). */
function staticGraph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'|^export\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(join(REPO, 'src', 'cli.ts'));
  return { modules: [...modules].map((f) => relative(join(REPO, 'src'), f)).sort(), packages: [...packages].sort() };
}

describe('start-up', () => {
  const graph = staticGraph(join(REPO, 'src', 'cli.ts'));

  it('loads commander and no other package', () => {
    expect(graph.packages).toEqual(['commander']);
  });

  it('loads no model, engine, random, scenario loading or output writing until a command runs', () => {
    const heavy = graph.modules.filter((m) => /^(model\/(?!results)|engine\/|random\/|scenario\/(load|schema|resolve|document|jsonschema)|output\/(csvfile|tables|files|trace))/.test(m));
    expect(heavy).toEqual([]);
    expect(graph.modules.length).toBeLessThan(20);
  });
});
