// Scenario problems: each names the file, the line where the format gives one, the path inside the
// file and the bad value. A ScenarioError carries every problem found, so a planner fixes them in one pass.
import { InputError } from '../errors.js';

/** A path inside a scenario document: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** One problem in a scenario file. */
export interface Problem {
  file: string;
  /** 1-based line of the offending value (or of its nearest enclosing node), when the file gives one. */
  line?: number;
  /** Path inside the file, e.g. `crossings[3].stages[1].servers` ('' = the document itself). */
  path: string;
  /** The offending value, when there is one (absent for missing or unknown keys). */
  value?: unknown;
  message: string;
}

/** Every problem found in a scenario (and the files it extends), thrown at once. */
export class ScenarioError extends InputError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `crossings[3].stages[1].servers` (keys that are not identifiers are quoted). */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Short printable form of a bad value (JSON, cut at 60 characters). */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One problem as `file:line path: message, got value`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const path = problem.path === '' ? '' : ` ${problem.path}`;
  const got = 'value' in problem && problem.value !== undefined ? `, got ${formatValue(problem.value)}` : '';
  return `${where}${path}: ${problem.message}${got}`;
}

/** All problems, one per line, in the order found (schema problems first, then cross-references). */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Drops exact repeats (the same problem reached through a plan and its base), keeping first occurrences. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const problem of problems) {
    const key = formatProblem(problem);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
