// Loading scenario files: read, parse (YAML or JSON), follow `extends` through plans, validate the merged
// result (schema, then cross-references) and resolve it. Every problem is reported at once with file and line.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve as resolvePath } from 'node:path';
import { referenceProblems } from './check.js';
import { parseSourceText } from './document.js';
import { formatPath, ScenarioError, uniqueProblems, type Path, type Problem } from './errors.js';
import { schemaKeys } from './jsonschema.js';
import { applyPatchTraced, traceOrigin } from './patch.js';
import { plausibilityFindings, type ScenarioWarning } from './plausibility.js';
import { resolvedProblems, resolveValid } from './resolve.js';
import { PlanInputSchema, ScenarioInputSchema, type ScenarioInput } from './schema.js';
import { CrossingInput, DemandInput, StageInput } from './schema-crossing.js';
import type { Scenario } from './types.js';
import { schemaProblems, suggestion, valueAt, withoutCascades, type RawProblem } from './validate.js';

/** How files are read (tests pass an in-memory map; the default reads the file system as UTF-8). */
export interface LoadOptions {
  readText?: (file: string) => string;
}

interface Location {
  file: string;
  line?: number;
  path: Path;
}

/** A file with its plans applied: the merged data and where each path of it was written. */
interface Loaded {
  data: unknown;
  locate: (path: Path) => Location;
  problems: Problem[];
  /** Elements a plan appended under an unknown id: already reported once, so their schema problems are dropped. */
  unknownIds: { file: string; path: string }[];
}

/** Loads, validates and resolves a scenario file (following `extends`); throws ScenarioError listing every problem. */
export function loadScenario(file: string, options: LoadOptions = {}): Scenario {
  return checked(loadFile(file, undefined, options, [])).scenario;
}

/** A loaded scenario with the raw input it was resolved from and its plausibility warnings (file and line each). */
export interface LoadedScenario {
  scenario: Scenario;
  input: ScenarioInput;
  warnings: ScenarioWarning[];
}

/**
 * loadScenario, also returning the raw input and the plausibility warnings (likely unit slips, which do not stop
 * a run), each located in the file and line that wrote the value; throws ScenarioError as loadScenario does.
 */
export function loadScenarioWithWarnings(file: string, options: LoadOptions = {}): LoadedScenario {
  return withWarnings(checked(loadFile(file, undefined, options, [])));
}

/** parseScenarioText, also returning the raw input and the located plausibility warnings; throws ScenarioError. */
export function parseScenarioTextWithWarnings(text: string, fileName: string, options: LoadOptions = {}): LoadedScenario {
  return withWarnings(checked(loadFile(fileName, text, options, [])));
}

function withWarnings(valid: Checked): LoadedScenario {
  const warnings = plausibilityFindings(valid.scenario, valid.input).map((f): ScenarioWarning => {
    const at = valid.locate(f.path);
    return {
      rule: f.rule,
      crossing: f.crossing,
      file: at.file,
      ...(at.line !== undefined ? { line: at.line } : {}),
      path: formatPath(at.path),
      ...(f.value !== undefined ? { value: f.value } : {}),
      message: f.message,
    };
  });
  return { scenario: valid.scenario, input: valid.input, warnings };
}

/** Loads and validates a scenario file with its plans applied, without resolving; throws ScenarioError. */
export function loadScenarioInput(file: string, options: LoadOptions = {}): ScenarioInput {
  return checked(loadFile(file, undefined, options, [])).input;
}

/** parseScenarioInputText, resolved; `fileName` names the text in messages and anchors a relative `extends`. */
export function parseScenarioText(text: string, fileName: string, options: LoadOptions = {}): Scenario {
  return checked(loadFile(fileName, text, options, [])).scenario;
}

/** Validates scenario text (YAML or JSON) with its plans applied, without resolving; throws ScenarioError. */
export function parseScenarioInputText(text: string, fileName: string, options: LoadOptions = {}): ScenarioInput {
  return checked(loadFile(fileName, text, options, [])).input;
}

/**
 * Validates the merged data and resolves it (once: the resolved demand is checked too); throws ScenarioError
 * with every problem located in its file and line.
 */
function checked(loaded: Loaded): Checked {
  const { data } = loaded;
  const toProblem = (p: RawProblem): Problem => {
    const at = loaded.locate(p.path);
    return {
      file: at.file,
      ...(at.line !== undefined ? { line: at.line } : {}),
      path: formatPath(at.path),
      ...(p.showValue ? { value: valueAt(data, p.path) } : {}),
      message: p.message,
    };
  };
  const inUnknown = (p: Problem): boolean =>
    loaded.unknownIds.some((u) => u.file === p.file && (p.path === u.path || (p.path.startsWith(u.path) && /^[.[]/.test(p.path.slice(u.path.length)))));
  const problems = [...loaded.problems];
  if (data !== undefined) {
    const schema = schemaProblems(ScenarioInputSchema, data, schemaKeys);
    const merged = [...schema, ...withoutCascades(referenceProblems(data), schema)];
    problems.push(...byLine(merged.slice(0, schema.length).map(toProblem)), ...byLine(merged.slice(schema.length).map(toProblem)));
  }
  const unique = uniqueProblems(problems).filter((p) => !inUnknown(p) || loaded.problems.includes(p));
  if (unique.length > 0) throw new ScenarioError(unique);
  // Valid, but is the demand it resolves to plausible? (A unit slip in tonnes would run for hours.)
  const input = data as ScenarioInput;
  const scenario = resolveValid(input);
  const implausible = resolvedProblems(scenario);
  if (implausible.length > 0) throw new ScenarioError(implausible.map(toProblem));
  return { input, scenario, locate: loaded.locate };
}

/** A valid, resolved scenario and where each path of its merged data was written. */
interface Checked {
  input: ScenarioInput;
  scenario: Scenario;
  locate: (path: Path) => Location;
}

/** The largest scenario file read (bytes): real ones are tens of kilobytes. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

/**
 * Reads a scenario file as UTF-8, refusing before reading what is not a regular file (a FIFO or device would
 * block or never end) or is larger than MAX_SCENARIO_BYTES; throws Error with the reason.
 */
function readScenarioFile(file: string): string {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just after).
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new Error('it is a folder, not a scenario file');
    if (!st.isFile()) throw new Error('not a regular file (a pipe, device or socket); give a scenario file');
    if (st.size > MAX_SCENARIO_BYTES) throw new Error(`${st.size} bytes, more than the ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB a scenario file may have`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Parses the text; a parser failure (e.g. YAML's alias limit) becomes a problem naming the file. */
function parsed(source: string, file: string): ReturnType<typeof parseSourceText> {
  try {
    return parseSourceText(source, file);
  } catch (error) {
    return [{ file, path: '', message: `cannot parse: ${(error as Error).message}` }];
  }
}

function loadFile(file: string, text: string | undefined, options: LoadOptions, stack: string[]): Loaded {
  const none = (problems: Problem[]): Loaded => ({ data: undefined, locate: (path) => ({ file, path }), problems, unknownIds: [] });
  let source = text;
  if (source === undefined) {
    try {
      source = (options.readText ?? readScenarioFile)(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      return none([{ file, path: '', message: `cannot read: ${reason}` }]);
    }
  }
  const doc = parsed(source, file);
  if (Array.isArray(doc)) return none(doc);
  const here = (path: Path): Location => ({ file, line: doc.lineOf(path), path });
  const data = doc.data as Record<string, unknown>;
  if (!('extends' in data)) return { data, locate: here, problems: [], unknownIds: [] };

  const atHere = (p: RawProblem): Problem => {
    const line = doc.lineOf(p.path);
    return {
      file,
      ...(line !== undefined ? { line } : {}),
      path: formatPath(p.path),
      ...(p.showValue ? { value: valueAt(data, p.path) } : {}),
      message: p.message,
    };
  };
  const problems = schemaProblems(PlanInputSchema, data, schemaKeys).map(atHere);
  if (typeof data.extends !== 'string' || data.extends === '') return none(problems);
  const baseFile = isAbsolute(data.extends) ? normalize(data.extends) : normalize(join(dirname(file), data.extends));
  if ([...stack, file].some((f) => resolvePath(f) === resolvePath(baseFile))) {
    return none([...problems, { ...atHere({ path: ['extends'], message: 'extends itself (a cycle of plans)', showValue: true }) }]);
  }
  const base = loadFile(baseFile, undefined, options, [...stack, file]);
  if (base.data === undefined) {
    const reason = base.problems.map((p) => p.message).join('; ');
    return none([...problems, atHere({ path: ['extends'], message: `base scenario ${baseFile}: ${reason}`, showValue: true }), ...base.problems]);
  }
  const { extends: _extends, $schema: _schema, ...patch } = data;
  const traced = applyPatchTraced(base.data, patch);
  problems.push(...traced.problems.map(atHere), ...base.problems);
  const unknownIds = [...base.unknownIds];
  for (const added of traced.added) {
    const missing = missingFields(added.mergedPath, valueAt(traced.merged, added.mergedPath));
    if (missing.length === 0) continue; // a complete new element: a genuine addition
    const what = elementName(added.mergedPath);
    unknownIds.push({ file, path: formatPath(added.patchPath) });
    problems.push(
      atHere({
        path: [...added.patchPath, 'id'],
        message:
          `no ${what} "${added.id}" in ${baseFile}${suggestion(added.id, added.knownIds)} (known: ${added.knownIds.join(', ')}); ` +
          `a new ${what} needs all its fields (missing: ${missing.join(', ')})`,
        showValue: false,
      }),
    );
  }
  problems.splice(0, problems.length, ...byLine(problems.filter((p) => p.file === file)), ...problems.filter((p) => p.file !== file));
  const locate = (path: Path): Location => {
    const origin = traceOrigin(traced.trace, path);
    if (origin.from === 'patch') return here(origin.path);
    // A key the plan wrote (e.g. a crossings list whose every element it removed) is the plan's mistake.
    if (path.length > 0 && path.every((k) => typeof k === 'string') && valueAt(patch, path) !== undefined) return here(path);
    return base.locate(origin.path);
  };
  return { data: traced.merged, locate, problems, unknownIds };
}

/** Stable sort by file (in order of first appearance), then line. */
function byLine(problems: Problem[]): Problem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  return [...problems].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

const ELEMENT_SCHEMAS = { crossings: CrossingInput, stages: StageInput, demand: DemandInput } as const;

function elementName(path: Path): string {
  const list = path[path.length - 2];
  return list === 'crossings' ? 'crossing' : list === 'stages' ? 'stage' : list === 'demand' ? 'demand source' : 'element';
}

/** Required keys missing from an element appended by a plan (empty when it is complete). */
function missingFields(path: Path, element: unknown): string[] {
  const list = path[path.length - 2];
  const schema = typeof list === 'string' && list in ELEMENT_SCHEMAS ? ELEMENT_SCHEMAS[list as keyof typeof ELEMENT_SCHEMAS] : undefined;
  if (!schema) return [];
  return schemaProblems(schema, element)
    .filter((p) => p.path.length === 1 && p.message.startsWith('missing'))
    .map((p) => String(p.path[0]));
}
