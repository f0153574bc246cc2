// Schema validation of raw scenario data: zod issues turned into plain problems (path, message, value),
// with unions narrowed to the branch the writer meant and "did you mean" hints for misspelt keys.
import { z } from 'zod';
import type { Path } from './errors.js';

/** A problem located by its path inside one document; load.ts adds the file and line. */
export interface RawProblem {
  path: Path;
  message: string;
  /** True when the value at `path` is the offending value (false for missing or unknown keys). */
  showValue: boolean;
  /** Set on problems that compare several elements (stage ↔ demand matching), dropped when those are invalid. */
  matching?: boolean;
}

type Issue = z.core.$ZodIssue;

/**
 * Every schema problem of `data` (empty when valid), one per path, in document order of discovery. `keys` gives
 * the names known for "did you mean" hints: asked only when there are problems (the list comes from the JSON
 * Schema, which takes a while to build).
 */
export function schemaProblems(schema: z.ZodType, data: unknown, keys: () => readonly string[] = () => []): RawProblem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  const knownKeys = keys();
  const out: RawProblem[] = [];
  for (const issue of result.error.issues) out.push(...issueProblems(issue, [], data, knownKeys));
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = JSON.stringify(p.path);
    if (seen.has(key)) return false; // keep the first (type) problem of a path, not a refinement repeating it
    seen.add(key);
    return true;
  });
}

/**
 * Reference problems that do not merely repeat a schema problem: those inside an element (crossing, stage,
 * demand source) the schema already rejected are dropped, as are matching problems of its crossing.
 */
export function withoutCascades(references: RawProblem[], schema: readonly RawProblem[]): RawProblem[] {
  const element = (path: Path): string => {
    const n = path[2] === 'stages' || path[2] === 'demand' ? 4 : path[0] === 'crossings' ? 2 : 1;
    return JSON.stringify(path.slice(0, n));
  };
  const bad = new Set(schema.map((p) => element(p.path)));
  const badCrossings = new Set(schema.filter((p) => p.path[0] === 'crossings').map((p) => String(p.path[1])));
  return references.filter((p) => {
    if (bad.has(element(p.path))) return false;
    return !(p.matching && p.path[0] === 'crossings' && badCrossings.has(String(p.path[1])));
  });
}

/** The value at `path` inside plain data (undefined when absent). */
export function valueAt(data: unknown, path: Path): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function issueProblems(issue: Issue, prefix: Path, data: unknown, knownKeys: readonly string[]): RawProblem[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"${suggestion(key, knownKeys)}`,
        showValue: false,
      }));
    case 'invalid_union': {
      const branch = closestBranch(issue.errors, path, data);
      if (branch) return branch.flatMap((inner) => issueProblems(inner, path, data, knownKeys));
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator !== undefined && issue.errors.length === 0) {
        // A discriminated union whose `kind` matched no option: the issue path already ends at `kind`.
        const known = (options ?? []).map(String).join(', ');
        return [{ path, message: `unknown ${discriminator}; expected one of ${known}`, showValue: true }];
      }
      return [{ path, message: issue.message, showValue: valueAt(data, path) !== undefined }];
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      const expected = issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
      if (value === undefined) return [{ path, message: `missing (${expected})`, showValue: false }];
      return [{ path, message: expected, showValue: true }];
    }
    case 'invalid_value':
      return [{ path, message: issue.message.startsWith('Invalid') ? `expected one of ${issue.values.map(String).join(', ')}` : issue.message, showValue: true }];
    default:
      return [{ path, message: plain(issue.message), showValue: valueAt(data, path) !== undefined }];
  }
}

/** zod's default wording ("Too small: expected number to be >=0") made shorter; custom messages pass. */
function plain(message: string): string {
  return message.replace(/^Too (small|big): /, '');
}

/**
 * The union branch the writer most likely meant: the single branch whose issues are not a type mismatch
 * of the whole value (e.g. an object meant as a distribution, not as a number). Undefined if ambiguous.
 */
function closestBranch(branches: Issue[][], path: Path, data: unknown): Issue[] | undefined {
  const value = valueAt(data, path);
  const plausible = branches.filter((issues) => {
    if (issues.length === 0) return false;
    return !issues.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_value' && typeof value !== 'object')));
  });
  if (plausible.length === 1) return plausible[0];
  // Several object branches (a list of windows or one window): prefer the one that matched the shape.
  if (plausible.length > 1 && Array.isArray(value)) return plausible.find((b) => b.every((i) => i.path.length > 0));
  return undefined;
}

/** ` (did you mean "servers"?)` for a key within two edits of a known key, else ''. */
export function suggestion(key: string, knownKeys: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownKeys) {
    const d = editDistance(key.toLowerCase(), known.toLowerCase());
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
