// run.json: what was run (scenario hash, seed, replications, version, command line) and how it went
// (wall time, events, warnings). The only output file allowed to differ between identical runs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultWarning } from '../experiment/statistics/stability.js';
import type { Scenario } from '../scenario/types.js';

/** Contents of run.json. */
export interface RunInfo {
  tool: 'bordersim';
  version: string;
  scenario: { id: string; name: string; file: string; sha256: string };
  seed: number;
  replications: number;
  days: number;
  warmupDays: number;
  startDate: string;
  trace: boolean;
  /** Worker threads that ran the replications (1: in-process); the results do not depend on it. */
  workers: number;
  commandLine: string[];
  startedAt: string;
  wallS: number;
  events: number;
  vehicles: number;
  files: string[];
  /** Failed invariants of single replications, then the run-level checks (see output/README.md). */
  warnings: ResultWarning[];
}

/** JSON text with object keys sorted at every level, so equal data always gives equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
    }
    return v;
  });
}

/** sha256 (hex) of the resolved scenario's JSON with sorted keys. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(stableJson(scenario), 'utf8').digest('hex');
}

let cachedVersion: string | undefined;

/** bordersim's version from the package.json above this module (src/ or dist/); throws if none is found. */
export function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'bordersim' && pkg.version) return (cachedVersion = pkg.version);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find bordersim package.json to read the version');
    dir = parent;
  }
}

/** Writes run.json (2-space indented, final newline) to `path`; throws the fs error. */
export function writeRunInfo(path: string, info: RunInfo): void {
  writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`, 'utf8');
}
